/**
 * A task map: task name → payload type, declared once by the application and shared by its
 * clients and workers, so `enqueue('name', payload)` is type-checked against the handler.
 *
 * ```ts
 * interface Tasks { significance: { memoryId: number } }
 * const client = createClient<Tasks>({ store });
 * ```
 */
// `object`, not `Record<string, unknown>`: an interface has no index signature and must still fit.
export type TaskMap = object;

/** The task map used when none is declared: any name, any payload. */
export type AnyTasks = Record<string, unknown>;

/** The task names of a map, as strings. */
export type TaskName<T extends TaskMap> = keyof T & string;
