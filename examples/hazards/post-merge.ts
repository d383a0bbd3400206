// Hazard 3 — a hook called where an operation belongs (seed ADR-0019).
//
// After a child PR merges, the epic must be released. The post-merge task below reaches
// EpicChecker.checkAndCloseEpics (a hook: no per-epic lock, no `released` guard, no ordering)
// instead of EpicManager.releaseEpic (the operation). It compiles, and silently skips the lock.
// `npm run demo` reports both paths; `npx steadfast-trace --project examples/tsconfig.json`
// draws the whole call graph.
import { createWorker } from '@steadfast/runtime';
import type { EpicChecker, EpicManager } from './post-merge-epics.js';

interface MergedPullRequest {
  number: number;
  issueNumber: number;
  epicNumber: number;
}

async function afterMerge(checker: EpicChecker, pr: MergedPullRequest): Promise<void> {
  // Looks like "do the post-merge work"; is the completion-scan hook.
  await checker.checkAndCloseEpics(pr.issueNumber);
}

/** @backgroundTask */
export class PostMergeHandler {
  constructor(
    private readonly checker: EpicChecker,
    private readonly epics: EpicManager,
  ) {}

  async handleMerge(pr: MergedPullRequest): Promise<void> {
    await afterMerge(this.checker, pr); // should be: await this.epics.releaseEpic(pr.epicNumber);
  }

  async handleChildDone(pr: MergedPullRequest): Promise<void> {
    await this.epics.onChildCompleted(pr.epicNumber); // a hook of the same class: the rule suggests releaseEpic
  }
}

export function startPostMergeWorker(store: unknown, checker: EpicChecker, epics: EpicManager) {
  const handler = new PostMergeHandler(checker, epics);
  return createWorker({
    store,
    tasks: {
      merged: async (job: { payload: MergedPullRequest }) => handler.handleMerge(job.payload),
    },
    periodic: {
      // A periodic sweep that calls the hook directly: also reported.
      sweep: { everyMs: 60_000, run: async () => checker.checkAndCloseEpics(0) },
    },
  });
}
