/** An object that can be in one {@link PositionedSet} at a time: the set keeps its index here. */
export interface Positioned {
  /** Index in the set holding it, or −1 while it is in none. Written only by the set. */
  position: number;
}

/**
 * A set of objects that carry their own index: add, remove and membership without hashing.
 *
 * The worker adds and removes a few objects per job. A `Map` keyed by job id did the same work,
 * but a drain's steady churn of fresh keys makes V8 rebuild the map's table again and again, and
 * each dead table keeps the next one alive until a full collection: a `runtime-drain-c1` run spent
 * a seventh of its time in scavenges promoting that garbage, and dropping one such map made the
 * drain 15–25% faster (bench/README.md, Run 8).
 */
export class PositionedSet<T extends Positioned> {
  readonly #members: T[] = [];

  get size(): number {
    return this.#members.length;
  }

  has(member: T): boolean {
    return member.position >= 0 && this.#members[member.position] === member;
  }

  /** Add `member`; a no-op when it is already here. */
  add(member: T): void {
    if (this.has(member)) return;
    member.position = this.#members.length;
    this.#members.push(member);
  }

  /** Remove `member`; false when it was not here. The last member takes its place. */
  delete(member: T): boolean {
    if (!this.has(member)) return false;
    const last = this.#members.pop();
    if (last !== undefined && last !== member) {
      this.#members[member.position] = last;
      last.position = member.position;
    }
    member.position = -1;
    return true;
  }

  /** A copy of the members, safe to iterate while the set changes. */
  toArray(): T[] {
    return [...this.#members];
  }

  /** Remove every member; returns them. */
  clear(): T[] {
    const members = this.#members.splice(0);
    for (const member of members) member.position = -1;
    return members;
  }
}
