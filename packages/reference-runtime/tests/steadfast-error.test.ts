import { describe, expect, it } from 'vitest';
import { SteadfastError } from '../src/index.js';

describe('SteadfastError', () => {
  it('carries a stable code and is an Error', () => {
    const error = new SteadfastError('INVALID_OPTIONS', 'concurrency must be at least 1');
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe('INVALID_OPTIONS');
    expect(error.name).toBe('SteadfastError');
  });
});
