/** Stable codes of the errors the plugin raises; a user can search the docs for each one. */
export type PluginErrorCode =
  | 'INVALID_SETTINGS'
  | 'TYPE_INFORMATION_REQUIRED'
  | 'CODEMOD_MEMBER_NOT_FOUND'
  | 'CODEMOD_NAME_TAKEN'
  | 'CODEMOD_FILE_NOT_IN_PROJECT'
  | 'CODEMOD_BAD_TARGET'
  | 'TRACER_BAD_OPTIONS';

/**
 * The one error type the plugin and its tools throw on purpose. `code` is stable across
 * versions; the message says what to do next.
 */
export class SteadfastError extends Error {
  /** Stable, searchable identifier of what went wrong. */
  readonly code: PluginErrorCode;

  constructor(code: PluginErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'SteadfastError';
    this.code = code;
  }
}
