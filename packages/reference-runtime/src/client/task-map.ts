/**
 * A task map: task name → payload type, declared once by the application and shared by its
 * clients and workers, so `enqueue('name', payload)` is type-checked against the handler.
 *
 * ```ts
 * interface Tasks { significance: { memoryId: number } }
 * const client = createClient<Tasks>({ store });
 * ```
 */
export type TaskMap = Record<string, unknown>;

/** The task names of a map, as strings. */
export type TaskName<T extends TaskMap> = keyof T & string;
