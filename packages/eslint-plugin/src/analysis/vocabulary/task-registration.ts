import type { BackgroundTaskRegistration, ResolvedSettings } from '../settings.js';

/**
 * A call as written, reduced to what registration settings compare: the dotted callee text
 * (`queue.process`, `this.queue.process`) and whether it is a `new` expression.
 */
export interface WrittenCall {
  calleeText: string;
  isNew: boolean;
  argumentCount: number;
}

/**
 * Indexes of the arguments that `settings.steadfast.backgroundTasks` declares to be task
 * handlers for this call (e.g. `{ call: 'new Worker', argument: 1 }` for BullMQ); pure.
 * `this.` is ignored on both sides so `queue.process` also matches `this.queue.process`.
 */
export function registeredHandlerArguments(call: WrittenCall, settings: ResolvedSettings): number[] {
  const written = normaliseCallText(`${call.isNew ? 'new ' : ''}${call.calleeText}`);
  const indexes = new Set<number>();
  for (const entry of settings.backgroundTasks) {
    if (typeof entry === 'string' || normaliseCallText(entry.call) !== written) continue;
    for (const index of handlerIndexes(entry, call.argumentCount)) indexes.add(index);
  }
  return [...indexes].sort((a, b) => a - b);
}

function handlerIndexes(entry: BackgroundTaskRegistration, argumentCount: number): number[] {
  if (entry.argument !== undefined) return entry.argument < argumentCount ? [entry.argument] : [];
  return Array.from({ length: argumentCount }, (_, index) => index);
}

function normaliseCallText(text: string): string {
  return text.trim().replace(/\s+/g, ' ').replace(/(^|\s)this\./, '$1');
}
