import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CAPABILITIES, type ConformanceAdapter } from '../adapter.js';

/** Turns a path (relative to the working directory) or a URL into the URL child processes import. */
export function toAdapterUrl(location: string | URL): string {
  if (location instanceof URL) return location.href;
  if (/^[a-z][a-z0-9+.-]*:/i.test(location) && !/^[a-z]:[\\/]/i.test(location)) return location;
  // A query string selects a variant of one module (e.g. `adapter.js?variant=x`); keep it out of the path.
  const [path = location, query] = location.split('?', 2);
  const url = pathToFileURL(isAbsolute(path) ? path : resolve(path)).href;
  return query === undefined ? url : `${url}?${query}`;
}

/** An adapter module that does not satisfy the contract. */
export class AdapterError extends Error {
  override readonly name = 'AdapterError';
}

/** Imports an adapter module and checks its shape, so that a broken adapter fails at the door. */
export async function loadAdapter(url: string): Promise<ConformanceAdapter> {
  const module = (await import(url)) as { default?: unknown; adapter?: unknown };
  const candidate = (module.default ?? module.adapter) as Partial<ConformanceAdapter> | undefined;
  if (typeof candidate !== 'object' || candidate === null) throw new AdapterError(`${url} has no default export (or export named "adapter")`);
  if (typeof candidate.name !== 'string' || candidate.name === '') throw new AdapterError(`${url}: "name" must be a non-empty string`);
  if (!Array.isArray(candidate.capabilities)) throw new AdapterError(`${url}: "capabilities" must be an array`);
  for (const capability of candidate.capabilities as unknown[]) {
    if (!CAPABILITIES.includes(capability as never)) {
      throw new AdapterError(`${url}: unknown capability ${JSON.stringify(capability)}; known: ${CAPABILITIES.join(', ')}`);
    }
  }
  for (const method of ['createEnvironment', 'openClient', 'startWorker'] as const) {
    if (typeof candidate[method] !== 'function') throw new AdapterError(`${url}: "${method}" must be a function`);
  }
  return candidate as ConformanceAdapter;
}
