/**
 * The path question behind `require-cache-ttl-sentinel`, asked of a code path graph: is there a
 * path from entry to a normal exit that goes through a write segment and through no update
 * segment? Answered with two linear sweeps (forward from the entry, backward from the exits, both
 * avoiding update segments) instead of enumerating paths, which would be exponential in the number
 * of branches.
 */

/** The part of an ESLint `CodePathSegment` the analysis reads. */
export interface PathSegment {
  readonly id: string;
  readonly nextSegments: readonly PathSegment[];
  readonly prevSegments: readonly PathSegment[];
}

/** The part of an ESLint `CodePath` the analysis reads. */
export interface PathGraph {
  readonly initialSegment: PathSegment;
  /** Exits by `return` or by falling off the end; exits by `throw` are not misses. */
  readonly returnedSegments: readonly PathSegment[];
}

/** Counts the work of one analysis, so tests can prove it stays linear without timing it. */
export interface PathWork {
  /** Segment visits plus edges followed, over both sweeps. */
  steps: number;
}

/** A write segment that lies on a path missing the update, and the exit that path reaches. */
export interface MissedWrite {
  readonly segmentId: string;
  /** Id of a returned segment reached from the write without passing an update. */
  readonly exitSegmentId: string;
}

/**
 * Write segments that some entry-to-exit path passes without passing any update segment.
 * `updates(id)` says whether a segment updates the sentinel; a segment that both writes and updates
 * is covered (order inside a segment does not matter: an update before the write counts too).
 */
export function findMissedWrites(
  graph: PathGraph,
  writeSegmentIds: ReadonlySet<string>,
  updates: (segmentId: string) => boolean,
  work: PathWork = { steps: 0 },
): MissedWrite[] {
  if (writeSegmentIds.size === 0) return [];

  const fromEntry = new Set<string>();
  if (!updates(graph.initialSegment.id)) {
    const stack: PathSegment[] = [graph.initialSegment];
    fromEntry.add(graph.initialSegment.id);
    while (stack.length > 0) {
      const segment = stack.pop() as PathSegment;
      work.steps += 1;
      for (const next of segment.nextSegments) {
        work.steps += 1;
        if (fromEntry.has(next.id) || updates(next.id)) continue;
        fromEntry.add(next.id);
        stack.push(next);
      }
    }
  }

  // Backward sweep from every clean exit; each segment remembers the exit that found it first,
  // which becomes the "returns at line N" of the message.
  const exitOf = new Map<string, string>();
  const stack: PathSegment[] = [];
  for (const exit of graph.returnedSegments) {
    if (updates(exit.id) || exitOf.has(exit.id)) continue;
    exitOf.set(exit.id, exit.id);
    stack.push(exit);
  }
  while (stack.length > 0) {
    const segment = stack.pop() as PathSegment;
    work.steps += 1;
    const exit = exitOf.get(segment.id) as string;
    for (const previous of segment.prevSegments) {
      work.steps += 1;
      if (exitOf.has(previous.id) || updates(previous.id)) continue;
      exitOf.set(previous.id, exit);
      stack.push(previous);
    }
  }

  const missed: MissedWrite[] = [];
  for (const id of writeSegmentIds) {
    const exit = exitOf.get(id);
    if (exit !== undefined && fromEntry.has(id)) missed.push({ segmentId: id, exitSegmentId: exit });
  }
  return missed;
}

/**
 * Whether every normal exit of the graph is reached only through an update segment (a function
 * that can only throw has no normal exit, so calling it never skips the update).
 */
export function everyExitPassesUpdate(
  graph: PathGraph,
  updates: (segmentId: string) => boolean,
  work: PathWork = { steps: 0 },
): boolean {
  if (updates(graph.initialSegment.id)) return true;
  const exits = new Set(graph.returnedSegments.map((segment) => segment.id));
  const seen = new Set<string>([graph.initialSegment.id]);
  const stack: PathSegment[] = [graph.initialSegment];
  while (stack.length > 0) {
    const segment = stack.pop() as PathSegment;
    work.steps += 1;
    if (exits.has(segment.id)) return false;
    for (const next of segment.nextSegments) {
      work.steps += 1;
      if (seen.has(next.id) || updates(next.id)) continue;
      seen.add(next.id);
      stack.push(next);
    }
  }
  return true;
}
