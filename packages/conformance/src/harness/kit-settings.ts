/** Timing parameters of a run; every deadline in the catalogue is derived from them. */
export interface KitSettings {
  /** Lease asked of workers: short, so crash tests finish in seconds. */
  readonly leaseMs: number;
  /** Idle poll interval asked of workers. */
  readonly pollMs: number;
  /** Retry delay asked of workers. */
  readonly retryDelayMs: number;
  /** Slack added to every deadline for process start-up and scheduling on a loaded machine. */
  readonly slackMs: number;
}

/** The defaults: a 1 s lease, a 50 ms poll, a 100 ms retry delay, 4 s of slack. */
export const DEFAULT_KIT_SETTINGS: KitSettings = Object.freeze({ leaseMs: 1000, pollMs: 50, retryDelayMs: 100, slackMs: 4000 });
