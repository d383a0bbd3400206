// The positive control for an adapter that claims nothing: the toy runtime refusing every option
// it does not claim. Tests needing a capability are skipped as unsupported; everything else,
// including I5 (unclaimed options are refused) and L6 (a start after stop is refused, since it
// does not claim restartable), must pass. The variant is selected through the
// environment because vitest's module loader drops query strings; worker processes inherit it.
import { defineConformanceSuite } from '../dist/vitest.js';

process.env['TOY_RUNTIME_CAPABILITIES'] = 'none';

defineConformanceSuite(new URL('./fixtures/toy-runtime/toy-adapter.js', import.meta.url), { only: ['I5', 'I2', 'L3', 'L6'] });
