// The positive control: the whole catalogue against the toy runtime with no defect, through the
// public vitest entry. Every test must pass, except I5 (the toy claims every capability) which
// must be reported unsupported — never passed, and asserted as such rather than skipped.
import { defineConformanceSuite } from '../dist/vitest.js';

defineConformanceSuite(new URL('./fixtures/toy-runtime/toy-adapter.js', import.meta.url), { expectedUnsupported: ['I5'] });
