// The whole conformance catalogue against the reference runtime, through the kit's vitest entry.
// The adapter is the built module (the kit imports it again in every process it spawns).
// It claims beforeCompleteHook (C8 runs, and a worker killed before its completion commit is
// judged strictly) and blockStore (F7 runs); it does not claim restartable, so L6 requires a
// start() after stop() to be refused with an Error (WORKER_STOPPED).
import { defineConformanceSuite } from '@steadfast/conformance/vitest';

defineConformanceSuite(new URL('../dist/conformance-adapter.js', import.meta.url), {
  // I5 tests the refusal of enqueue options whose capability is not claimed; this runtime claims
  // every capability behind an enqueue option.
  expectedUnsupported: ['I5'],
});
