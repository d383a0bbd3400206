import { readFileSync } from 'node:fs';

/** Known failures: test id → reason (a bug link, or "intentional divergence: …"). */
export type ExpectedFailures = ReadonlyMap<string, string>;

/** Reads a known-failures file: a JSON object mapping test ids to reasons. */
export function readExpectedFailures(file: string): ExpectedFailures {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(`${file}: expected a JSON object mapping test ids to reasons, e.g. { "C3": "issue #12" }`);
  }
  const map = new Map<string, string>();
  for (const [id, reason] of Object.entries(parsed)) {
    if (typeof reason !== 'string') throw new Error(`${file}: the reason for ${id} must be a string`);
    map.set(id.toUpperCase(), reason);
  }
  return map;
}
