import { parseArgs } from 'node:util';
import { SteadfastError } from '../errors/plugin-error.js';
import { publicize, type PublicizeResult } from './publicize.js';

/** Where the CLI writes; injected so tests read the output without spawning a process. */
export interface CliOutput {
  out: (text: string) => void;
  err: (text: string) => void;
}

const USAGE = `Usage: steadfast-publicize <file>:<Class>.<member> [--project tsconfig.json] [--name publicName] [--dry-run]

Renames a private-by-convention member to its public name in every file of the project,
including string keys (obj['_member']) and accesses through casts that TypeScript's rename misses.

  --project  the project's tsconfig.json (default: the nearest one above <file>)
  --name     the public name (default: the member's name without leading underscores)
  --dry-run  print a unified diff and change nothing
`;

function describe(result: PublicizeResult): string {
  const lines: string[] = [];
  const verb = result.dryRun ? 'Would rename' : 'Renamed';
  lines.push(`${verb} ${result.className}.${result.from} → ${result.className}.${result.to} (project ${result.tsConfigFilePath})`);
  for (const file of result.files) {
    lines.push(`  ${file.file}`);
    for (const line of file.lines) lines.push(`    ${line.line}: ${line.before}  →  ${line.after}`);
  }
  const count = result.files.reduce((sum, file) => sum + Math.max(file.lines.length, 1), 0);
  lines.push(
    `${result.files.length} file(s), ${count} line(s) changed; ${result.stringKeyEdits} string key or cast access(es) beyond TypeScript's rename.`,
  );
  if (result.leftoverMentions.length > 0) {
    lines.push(`Still mentions ${result.from} (comments, strings, or other members of that name; review them): ${result.leftoverMentions.join(', ')}`);
  }
  if (result.typeErrors.after > result.typeErrors.before) {
    lines.push(`Warning: type errors went from ${result.typeErrors.before} to ${result.typeErrors.after}; run tsc and review.`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Runs `steadfast-publicize` with the given arguments; returns the exit code (0 done, 1 refused
 * with a `SteadfastError`, 2 bad usage).
 */
export function runPublicizeCli(argv: readonly string[], output: CliOutput, cwd = process.cwd()): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        project: { type: 'string' },
        name: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    output.err(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (parsed.values.help) {
    output.out(USAGE);
    return 0;
  }
  const [target, ...extra] = parsed.positionals;
  if (target === undefined || extra.length > 0) {
    output.err(USAGE);
    return 2;
  }
  try {
    const result = publicize({
      target,
      cwd,
      dryRun: parsed.values['dry-run'],
      ...(parsed.values.project === undefined ? {} : { tsConfigFilePath: parsed.values.project }),
      ...(parsed.values.name === undefined ? {} : { publicName: parsed.values.name }),
    });
    if (result.dryRun) for (const file of result.files) output.out(file.diff);
    output.out(describe(result));
    return 0;
  } catch (error) {
    if (error instanceof SteadfastError) {
      output.err(`steadfast-publicize: ${error.code}: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
