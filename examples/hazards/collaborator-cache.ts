// Hazard 4 (seed 003): the scheduled refresh writes the collaborator cache and its TTL sentinel;
// the direct caller writes the same cache and forgets the sentinel, so fresh data reads as stale.
// `npm run demo` reports the write in `getCollaborators`.

export interface Collaborator {
  login: string;
}

declare function fetchAllCollaborators(): Promise<Map<string, Collaborator[]>>;
declare function fetchRepoCollaborators(repo: string): Promise<Collaborator[]>;

const TTL_MS = 5 * 60_000;

export class IssueFetcher {
  /** @ttlSentinel _lastRefresh */
  private readonly collaboratorCache = new Map<string, Collaborator[]>();
  private _lastRefresh = 0;

  /** Runs every few minutes from the scheduler. */
  async scheduledRefresh(): Promise<void> {
    const all = await fetchAllCollaborators();
    this.collaboratorCache.clear();
    for (const [repo, users] of all) this.collaboratorCache.set(repo, users);
    this._lastRefresh = Date.now();
  }

  /** Called directly by request handlers. */
  async getCollaborators(repo: string): Promise<Collaborator[]> {
    const cached = this.collaboratorCache.get(repo);
    if (cached && Date.now() - this._lastRefresh < TTL_MS) return cached;
    const users = await fetchRepoCollaborators(repo);
    this.collaboratorCache.set(repo, users);
    return users;
  }
}
