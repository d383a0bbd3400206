// The conformance catalogue against the reference runtime, through the kit's vitest entry. The
// adapter is the built module (the kit imports it again in every process it spawns).
import { CATALOGUE } from '@steadfast/conformance';
import { defineConformanceSuite } from '@steadfast/conformance/vitest';

// C7 is left out here, not listed as an expected failure (it passes most runs, and an expected
// failure that passes fails the run): it judges completion from the kit's history only, and a
// SIGKILL that lands after our commit and before the kit's `settled` record reads as a lost job
// although the store shows it succeeded. tests/multi-process.test.ts proves the same property
// ("a worker restarted after a SIGKILL mid-backlog drains what is left") from the store itself.
//
// R5 is left out for a timing reason: its precondition needs a worker poll (every 50 ms) to land
// inside the client's burst of 80 enqueues, which often takes less than that; it then reports
// `inconclusive` (the kit's own toy runtime too). Both run in `npm run demo`'s full report.
const leftOut = new Set(['C7', 'R5']);

defineConformanceSuite(new URL('../dist/conformance-adapter.js', import.meta.url), {
  only: CATALOGUE.map((test) => test.id).filter((id) => !leftOut.has(id)),
});
