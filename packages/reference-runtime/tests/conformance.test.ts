// The whole conformance catalogue against the reference runtime, through the kit's vitest entry.
// The adapter is the built module (the kit imports it again in every process it spawns).
import { defineConformanceSuite } from '@steadfast/conformance/vitest';

defineConformanceSuite(new URL('../dist/conformance-adapter.js', import.meta.url), {
  // I5 tests the refusal of options whose capability is not claimed; this runtime claims them all.
  expectedUnsupported: ['I5'],
});
