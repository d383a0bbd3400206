// The epic service of the post-merge example: one operation, two hooks (ADR-0019's cast).

export interface Github {
  mergePullRequest(prNumber: number): Promise<void>;
  closeIssue(issueNumber: number): Promise<void>;
  openChildPullRequests(epicNumber: number): Promise<number[]>;
}

export class EpicManager {
  private readonly released = new Set<number>();
  private readonly locks = new Map<number, Promise<void>>();

  constructor(private readonly github: Github) {}

  /**
   * Releases an epic: merges its children's pull requests in order, once, under the epic's lock.
   * The dashboard's "release" button calls this, and so must every background task.
   * @operation
   */
  async releaseEpic(epicNumber: number): Promise<void> {
    const previous = this.locks.get(epicNumber) ?? Promise.resolve();
    const current = previous.then(async () => {
      if (this.released.has(epicNumber)) return;
      for (const pr of await this.github.openChildPullRequests(epicNumber)) await this.github.mergePullRequest(pr);
      this.released.add(epicNumber);
    });
    this.locks.set(epicNumber, current.catch(() => undefined));
    await current;
  }

  /**
   * Marks one child done and tries to auto-close the epic. Runs when a child's PR merges.
   * @hook releaseEpic
   */
  async onChildCompleted(epicNumber: number): Promise<void> {
    await this.github.closeIssue(epicNumber);
  }
}

export class EpicChecker {
  constructor(private readonly github: Github) {}

  /**
   * Post-merge completion scan: closes every open epic whose children are done. No lock, no
   * idempotency guard — an event hook, not the release operation.
   * @hook EpicManager.releaseEpic
   */
  async checkAndCloseEpics(issueNumber: number): Promise<void> {
    await this.github.closeIssue(issueNumber);
  }
}
