export type { Capability, ConformanceAdapter } from './adapter.js';
