import { SteadfastError } from '../errors/steadfast-error.js';

function isPlainObject(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

// Walks the value before stringifying, because JSON.stringify silently drops functions, symbols
// and undefined, turns NaN into null and Maps into {}: the job would run with different data.
function check(value: unknown, path: string, seen: Set<object>, what: string): void {
  const fail = (reason: string): never => {
    throw new SteadfastError('INVALID_PAYLOAD', `${what} is not plain JSON: ${path} ${reason}.`);
  };
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return;
    case 'number':
      if (!Number.isFinite(value)) fail(`is ${String(value)}`);
      return;
    case 'bigint':
      return fail('is a BigInt (send it as a string)');
    case 'function':
      return fail('is a function');
    case 'symbol':
      return fail('is a symbol');
    case 'undefined':
      return fail('is undefined (omit the key or use null)');
    case 'object':
      break;
  }
  if (value === null) return;
  if (seen.has(value)) fail('is a cycle');
  if (Array.isArray(value)) {
    seen.add(value);
    value.forEach((item, index) => {
      check(item, `${path}[${String(index)}]`, seen, what);
    });
    seen.delete(value);
    return;
  }
  if (!isPlainObject(value)) fail(`is a ${value.constructor.name} (only plain objects and arrays)`);
  seen.add(value);
  for (const key of Object.keys(value)) {
    check((value as Record<string, unknown>)[key], `${path}.${key}`, seen, what);
  }
  seen.delete(value);
}

/**
 * `value` as JSON text, or a `SteadfastError` (`INVALID_PAYLOAD`, `PAYLOAD_TOO_LARGE`) when it is
 * not plain JSON or its UTF-8 size exceeds `maxBytes`. A key named `__proto__` is kept as data:
 * `JSON.parse` reads it back as an own property, so it never reaches a prototype.
 */
export function serialiseJson(value: unknown, what: string, maxBytes: number): string {
  check(value, '$', new Set(), what);
  const text = JSON.stringify(value);
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > maxBytes) {
    throw new SteadfastError(
      'PAYLOAD_TOO_LARGE',
      `${what} is ${String(bytes)} bytes, above maxPayloadBytes (${String(maxBytes)}): store large data elsewhere and pass a reference.`,
    );
  }
  return text;
}
