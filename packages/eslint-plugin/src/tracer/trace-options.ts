import { SteadfastError } from '../errors/plugin-error.js';

/** Output formats of `steadfast-trace`. */
export type TraceFormat = 'text' | 'json' | 'dot';

/** Options of `steadfast-trace`, as parsed from its command line. */
export interface TraceOptions {
  /** Path to the project's tsconfig.json. */
  project: string;
  /** Trace only tasks whose name is, or ends with, this (`handleMerge`, `tasks.merged`). */
  task: string | undefined;
  format: TraceFormat;
  /** How many calls deep to follow each task. */
  maxDepth: number;
  /** A JSON file holding a `settings.steadfast` object (the same keys as the ESLint settings). */
  settingsFile: string | undefined;
}

/** The default depth, the same as the rule's `maxDepth`. */
export const DEFAULT_TRACE_DEPTH = 3;

const FORMATS: readonly TraceFormat[] = ['text', 'json', 'dot'];

/** Usage text printed by `--help` and after a bad option. */
export const TRACE_USAGE = `Usage: steadfast-trace [--project tsconfig.json] [--task <name>] [--format text|json|dot] [--depth <n>] [--settings <file.json>]

Lists every background task of a TypeScript project and, for each, the call graph to depth n
with every hook, operation and cache write it reaches.`;

function bad(message: string): never {
  throw new SteadfastError('TRACER_BAD_OPTIONS', `${message}\n\n${TRACE_USAGE}`);
}

/** Parses the command line (without `node` and the script); pure. `--help` yields undefined. */
export function parseTraceOptions(argv: readonly string[]): TraceOptions | undefined {
  const options: TraceOptions = {
    project: 'tsconfig.json',
    task: undefined,
    format: 'text',
    maxDepth: DEFAULT_TRACE_DEPTH,
    settingsFile: undefined,
  };
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index] ?? '';
    if (argument === '--help' || argument === '-h') return undefined;
    const [flag = '', inline] = argument.startsWith('--') && argument.includes('=') ? argument.split(/=(.*)/s, 2) : [argument, undefined];
    const value = (): string => {
      const next = inline ?? argv[++index];
      if (next === undefined || next === '') bad(`${flag} needs a value.`);
      return next;
    };
    switch (flag) {
      case '--project':
      case '-p':
        options.project = value();
        break;
      case '--task':
        options.task = value();
        break;
      case '--format': {
        const format = value();
        if (!FORMATS.includes(format as TraceFormat)) bad(`Unknown format "${format}" (known: ${FORMATS.join(', ')}).`);
        options.format = format as TraceFormat;
        break;
      }
      case '--depth': {
        const text = value();
        const depth = Number(text);
        if (!Number.isInteger(depth) || depth < 1 || depth > 20) bad(`--depth must be an integer from 1 to 20, got "${text}".`);
        options.maxDepth = depth;
        break;
      }
      case '--settings':
        options.settingsFile = value();
        break;
      default:
        bad(`Unknown argument "${argument}".`);
    }
  }
  return options;
}
