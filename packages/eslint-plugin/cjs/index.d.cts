import type { SteadfastPlugin } from '../dist/index.js';

declare const plugin: SteadfastPlugin;
export = plugin;
