import { createRequire } from 'node:module';
import type * as ts from 'typescript';

/** The TypeScript module's type, for code that must not import it eagerly. */
export type TypeScriptModule = typeof ts;

let loaded: TypeScriptModule | undefined;

/**
 * TypeScript itself, loaded on first use in typed mode: it is an optional peer dependency, so the
 * plugin must load without it and only typed analysis may need it.
 */
export function loadTypeScript(): TypeScriptModule {
  loaded ??= createRequire(import.meta.url)('typescript') as TypeScriptModule;
  return loaded;
}
