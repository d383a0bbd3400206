/** The JSDoc tags of the hooks-and-operations vocabulary (DESIGN §2, ADR-0005). */
export const VOCABULARY_TAGS = {
  /** `@hook [operation]`: reacts to an event; the optional text names the operation to call instead. */
  hook: 'hook',
  /** `@operation`: the authoritative, lock-protected entry point of an operation. */
  operation: 'operation',
  /** `@backgroundTask`: runs out of band (job handler, loop, periodic task); on a class, every method. */
  backgroundTask: 'backgroundTask',
  /** `@triggeredBy <task>`: on a hook, a task that legitimately runs it because it handles the hook's event. */
  triggeredBy: 'triggeredBy',
  /** `@ttlSentinel <member>`: on a cache, the freshness member every write must update. */
  ttlSentinel: 'ttlSentinel',
} as const;

/** The module whose `createWorker` registers background tasks without any tag. */
export const STEADFAST_RUNTIME_MODULE = '@steadfast/runtime';

/** The runtime's registering function and the option keys that hold task handlers. */
export const RUNTIME_WORKER_FACTORY = 'createWorker';
