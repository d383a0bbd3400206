/** One log method, shaped like pino's: structured fields first, then the message. */
export type LogMethod = (fields: Record<string, unknown>, message?: string) => void;

/** The logger the runtime writes to; a pino logger fits as is. */
export interface Logger {
  debug: LogMethod;
  info: LogMethod;
  warn: LogMethod;
  error: LogMethod;
}

function ignore(): void {
  // Deliberately empty: the silent logger drops everything.
}

/** Drops everything (tests, or when events are the only channel wanted). */
export const silentLogger: Logger = { debug: ignore, info: ignore, warn: ignore, error: ignore };

/** The default: warnings and errors to stderr as one JSON object per line; debug and info dropped. */
export const consoleLogger: Logger = {
  debug: ignore,
  info: ignore,
  warn: (fields, message) => {
    console.warn(JSON.stringify({ level: 'warn', msg: message, ...fields }, replaceErrors));
  },
  error: (fields, message) => {
    console.error(JSON.stringify({ level: 'error', msg: message, ...fields }, replaceErrors));
  },
};

function replaceErrors(_key: string, value: unknown): unknown {
  return value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value;
}
