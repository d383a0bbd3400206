/** Stable codes of the runtime's errors; match on `code`, never on the message. */
export type RuntimeErrorCode = 'INVALID_OPTIONS';

/**
 * The one error type the runtime throws on purpose. `code` is stable across versions; the
 * message says what to do next.
 */
export class SteadfastError extends Error {
  /** Stable, searchable identifier of what went wrong. */
  readonly code: RuntimeErrorCode;

  constructor(code: RuntimeErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'SteadfastError';
    this.code = code;
  }
}
