/**
 * Throw from a handler when another attempt cannot help (bad input, a permanent refusal): the job
 * goes straight to `dead`, whatever attempts remain.
 */
export class NonRetryableError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'NonRetryableError';
  }
}
