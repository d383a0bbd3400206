import { createRequire } from 'node:module';
import type { CompilerApi } from './compiler-api.js';

let loaded: CompilerApi | undefined;

/**
 * The `typescript` package typescript-eslint resolves, loaded on first typed use only: untyped
 * linting must work in projects that have no TypeScript installed (it is an optional peer).
 */
export function loadTypeScript(): CompilerApi {
  loaded ??= createRequire(import.meta.url)('typescript') as CompilerApi;
  return loaded;
}
