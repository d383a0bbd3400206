import { createRequire } from 'node:module';
import type * as ts from 'typescript';

/** The TypeScript module's type, for code that must not import it eagerly. */
export type TypeScriptModule = typeof ts;

let loaded: TypeScriptModule | undefined;

/**
 * TypeScript itself, loaded on first use in typed mode. It is a required peer of the plugin (the
 * parser needs it too); loading it here rather than importing it keeps the loop rule's untyped
 * analysis free of the compiler's module graph.
 */
export function loadTypeScript(): TypeScriptModule {
  loaded ??= createRequire(import.meta.url)('typescript') as TypeScriptModule;
  return loaded;
}
