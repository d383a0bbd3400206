/**
 * Which catalogue tests each broken runtime must fail. Every broken runtime is the toy runtime
 * (tests/fixtures/toy-runtime) with exactly one defect switched on; every catalogue test appears
 * at least once, so no test is without teeth.
 */
export const KILL_MATRIX: Readonly<Record<string, readonly string[]>> = {
  // seed 002 task 2: "mark done" before execute
  ackBeforeExecute: ['C1', 'C2'],
  // at-most-once: the job is deleted when claimed
  claimDeletes: ['C1', 'C3'],
  // no lease expiry: a crashed worker's job stays running forever
  noLease: ['C1', 'C3', 'C4', 'C7', 'C9'],
  // completion in two writes, the first taking the job out of the lease's reach: a crash between them strands it
  completeInTwoSteps: ['C8'],
  // the lease is counted from the job's scheduled time, not from the claim
  leaseFromEnqueue: ['R12'],
  // start() after stop() resolves but never starts the loop again (claims restartable)
  restartDoesNothing: ['L6'],
  // start() on a running worker starts a second worker beside it
  startTwiceDoubles: ['L7'],
  // an error nobody listens to is emitted as an 'error' event anyway (crashes the process)
  errorEventUnguarded: ['F6'],
  // the first store error ends the claim loop for good
  outageKillsLoop: ['F7'],
  // check-then-insert of an idempotency key: the loser of a race gets an error instead of the job
  idempotencyRaceThrows: ['R10'],
  // the claim of a job whose worker crashed does not count as an attempt
  crashNotCounted: ['C5'],
  // enqueue in two writes: a crash in between leaves a job without payload
  partialEnqueue: ['C6'],
  // read-then-write claim without a transaction: two processes take one job
  claimNotAtomic: ['R1'],
  // completion ignores the owner token
  noFencing: ['R2', 'R3'],
  // the heartbeat re-acquires a lease that another worker holds
  heartbeatSteals: ['R3'],
  // leases are never extended
  noHeartbeat: ['R4'],
  // seed 001: the enqueue-only client runs a dispatcher too
  clientDequeues: ['L1'],
  // an idle worker only wakes for jobs enqueued in its own process (no polling)
  neverPolls: ['R5', 'L2'],
  // concurrency off by one
  concurrencyOffByOne: ['R6'],
  // every process runs every periodic slot
  periodicPerProcess: ['R7'],
  delayIgnored: ['R8'],
  priorityIgnored: ['R9'],
  idempotencyIgnored: ['R10'],
  cancelIgnored: ['R11'],
  // stop() resolves without waiting for in-flight jobs
  stopDoesNotWait: ['S1'],
  // stop past grace neither releases nor fails what is left
  noRelease: ['S8'],
  // the AbortSignal is not wired to shutdown
  noAbortOnStop: ['S2'],
  // seed 000: pending jobs are dropped on shutdown
  dropPendingOnStop: ['S3', 'L4'],
  // stop waits for the sleeping poll timer (seed 000 before its interruptible sleep)
  stopWaitsForSleep: ['S4'],
  // a timer left behind after stop keeps the process alive
  leakTimer: ['S5'],
  // a second stop() call rejects
  stopTwiceThrows: ['S6'],
  // a closed client still enqueues
  enqueueAfterClose: ['S7'],
  // stop waits for handlers that ignore their signal
  stopWaitsForHandlers: ['S8'],
  // the loop keeps claiming while stop drains
  claimsDuringStop: ['S9'],
  // seed 002 task 1: the drain loop dies with the first throwing handler
  unguardedLoop: ['F1', 'F2'],
  // a thrown job is recorded as completed
  failedAsCompleted: ['F1', 'L5'],
  // retries without backoff / without limit
  noBackoff: ['F3'],
  unboundedRetries: ['F3', 'C5'],
  // claims a new batch only when all in-flight jobs finished
  batchClaims: ['F4'],
  // a job without a handler is marked completed
  unknownTaskCompletes: ['F5'],
  // enqueue validation removed
  noValidation: ['I1', 'I2'],
  // long strings are truncated on the way to the store
  payloadLossy: ['I3'],
  // startWorker accepts concurrency 0 and negative leases
  startAcceptsInvalid: ['I4'],
  // an idle worker polls far less often than asked
  slowPoll: ['L2'],
  // the manifest changes during a run
  manifestMutates: ['L3'],
};

/** Broken adapters: a toy runtime that claims no capability, with one defect. */
export const ADAPTER_MUTANTS: Readonly<Record<string, { readonly defect: string; readonly tests: readonly string[] }>> = {
  // claims no capability, yet silently ignores the options it does not implement
  ignoresUnclaimedOptions: { defect: 'ignoresUnclaimedOptions', tests: ['I5'] },
  // not restartable, yet start() after stop() resolves as if the worker ran again
  restartResolvesSilently: { defect: 'restartResolvesSilently', tests: ['L6'] },
};
