// The whole conformance catalogue against the reference runtime, through the kit's vitest entry.
// The adapter is the built module (the kit imports it again in every process it spawns).
import { defineConformanceSuite } from '@steadfast/conformance/vitest';

defineConformanceSuite(new URL('../dist/conformance-adapter.js', import.meta.url), {
  expectedFailures: {
    // Not a lost job: the store shows the job succeeded. W1 is SIGKILLed after committing the
    // completion and before the kit's `settled` record is written (two databases, no shared
    // commit), so the history cannot prove the completion. Reported to the kit's owner.
    C7: 'history cannot see a completion committed just before SIGKILL (store shows it succeeded)',
  },
});
