/** What a traced call reaches, as the vocabulary names it. */
export type TraceNodeKind = 'task' | 'hook' | 'operation' | 'function';

/** Why a branch of the trace stops before its callees. */
export type TraceStop = 'depth' | 'recursion';

/** One function in a task's call graph, with the calls it makes. */
export interface TraceNode {
  name: string;
  kind: TraceNodeKind;
  /** Project-relative file and 1-based line of the declaration. */
  file: string;
  line: number;
  /** For hooks: the operation the hook names (`@hook <operation>`), if any. */
  operation?: string;
  /** Caches (tagged `@ttlSentinel` or configured) this function writes. */
  cacheWrites: string[];
  /** Callees, in source order, each once. */
  calls: TraceNode[];
  /** Set when the callees were not expanded. */
  stopped?: TraceStop;
}

/** A background task and why it is one. */
export interface TracedTask {
  root: TraceNode;
  /** `@backgroundTask`, `createWorker tasks.merged`, `settings: /Task$/`, … */
  registeredBy: string;
  /** Hooks reached anywhere in the trace, each as the call path from the task. */
  hookPaths: string[][];
}

/** The tracer's result for a whole project. */
export interface TraceReport {
  project: string;
  maxDepth: number;
  tasks: TracedTask[];
}
