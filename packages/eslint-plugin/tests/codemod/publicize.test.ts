import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Project } from 'ts-morph';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runPublicizeCli } from '../../src/codemod/publicize-cli.js';
import { publicize } from '../../src/codemod/publicize.js';
import { SteadfastError, type PluginErrorCode } from '../../src/errors/plugin-error.js';

const fixture = join(import.meta.dirname, '..', 'fixtures', 'publicize');
const target = 'src/dispatcher.ts:Dispatcher._executor';

let project: string;

function read(file: string): string {
  return readFileSync(join(project, file), 'utf8');
}

function snapshot(): Record<string, string> {
  return Object.fromEntries(readdirSync(join(project, 'src')).map((file) => [file, read(join('src', file))]));
}

function cli(args: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = runPublicizeCli(args, { out: (text) => (out += text), err: (text) => (err += text) }, project);
  return { code, out, err };
}

function refusal(run: () => unknown): PluginErrorCode | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof SteadfastError) return error.code;
    throw error;
  }
  return undefined;
}

beforeEach(() => {
  // The codemod writes files: it always works on a copy of the fixture.
  project = mkdtempSync(join(tmpdir(), 'steadfast-publicize-'));
  cpSync(fixture, project, { recursive: true });
});

afterEach(() => {
  rmSync(project, { recursive: true, force: true });
});

describe('steadfast-publicize on seed 002 task 5 (Dispatcher._executor used from main.ts)', () => {
  it('renames the declaration and every reference, string keys and cast accesses included', () => {
    const { code, out } = cli([target]);

    expect(code).toBe(0);
    expect(out).toContain('Renamed Dispatcher._executor → Dispatcher.executor');
    expect(out).toMatch(/src\/main\.ts\n(.*\n)*\s+9: return dispatcher\._executor\.shutdown\(\) \+ executor\.shutdown\(\) \+ viaCast;  →  return dispatcher\.executor\.shutdown\(\)/);
    const stillPrivate = Object.entries(snapshot()).filter(([, text]) => text.includes('_executor'));
    expect(stillPrivate.map(([file]) => file)).toEqual([]);
    expect(read('src/dispatcher.ts')).toContain('readonly executor: Executor;');
    expect(read('src/dispatcher.ts')).toContain("return this['executor'].shutdown();");
    expect(read('src/main.ts')).toContain("const executor = dispatcher['executor'];");
    expect(read('src/main.ts')).toContain('(dispatcher as any).executor.shutdown()');
  });

  it('leaves the project type-checking', () => {
    expect(cli([target]).code).toBe(0);
    const checked = new Project({ tsConfigFilePath: join(project, 'tsconfig.json') });
    expect(checked.getPreEmitDiagnostics().map((diagnostic) => diagnostic.getMessageText())).toEqual([]);
  });

  it('reports what it changed, including the accesses TypeScript\u2019s rename missed', () => {
    const result = publicize({ target, cwd: project });
    expect(result.files.map((file) => file.file)).toEqual(['src/dispatcher.ts', 'src/main.ts']);
    expect(result.stringKeyEdits).toBeGreaterThanOrEqual(1);
    expect(result.leftoverMentions).toEqual([]);
    expect(result.typeErrors).toEqual({ before: 0, after: 0 });
  });

  it('leaves an unrelated class\u2019s member of the same name alone', () => {
    const unrelated = 'export class Pool {\n  _executor = 1;\n}\nexport const size = new Pool()._executor + new Pool()["_executor"];\n';
    writeFileSync(join(project, 'src', 'pool.ts'), unrelated);
    const { code, out } = cli([target]);
    expect(code).toBe(0);
    expect(read('src/pool.ts')).toBe(unrelated);
    expect(out).toContain('Still mentions _executor (comments, strings, or other members of that name; review them): src/pool.ts:2, src/pool.ts:4');
    expect(read('src/main.ts')).not.toContain('_executor');
  });

  it('with --dry-run prints a unified diff and changes nothing', () => {
    const before = snapshot();
    const { code, out } = cli([target, '--dry-run']);

    expect(code).toBe(0);
    expect(snapshot()).toEqual(before);
    expect(out).toContain('--- a/src/main.ts\n+++ b/src/main.ts\n@@ ');
    expect(out).toContain('-  return dispatcher._executor.shutdown() + executor.shutdown() + viaCast;\n');
    expect(out).toContain('+  return dispatcher.executor.shutdown() + executor.shutdown() + viaCast;\n');
    expect(out).toContain('Would rename Dispatcher._executor → Dispatcher.executor');
  });

  it('renames a constructor parameter property with its uses', () => {
    const worker = 'export class Worker {\n  constructor(readonly _lease: number) {}\n  renew(): number {\n    return this._lease;\n  }\n}\nexport const lease = new Worker(5)._lease;\n';
    writeFileSync(join(project, 'src', 'worker.ts'), worker);
    expect(cli(['src/worker.ts:Worker._lease']).code).toBe(0);
    expect(read('src/worker.ts')).toBe(worker.replaceAll('_lease', 'lease'));
  });

  it('takes the public name from --name', () => {
    expect(cli([target, '--name', 'jobExecutor']).code).toBe(0);
    expect(read('src/main.ts')).toContain('dispatcher.jobExecutor.shutdown()');
  });
});

describe('steadfast-publicize refuses with a clear error', () => {
  it('when the public name already exists on the class', () => {
    expect(refusal(() => publicize({ target, cwd: project, publicName: 'dispatch' }))).toBe('CODEMOD_NAME_TAKEN');
    const { code, err } = cli([target, '--name', 'stop']);
    expect(code).toBe(1);
    expect(err).toContain('CODEMOD_NAME_TAKEN: Dispatcher.stop already exists');
    expect(read('src/dispatcher.ts')).toContain('readonly _executor: Executor;');
  });

  it('when the member or the class is not found', () => {
    expect(refusal(() => publicize({ target: 'src/dispatcher.ts:Dispatcher._missing', cwd: project }))).toBe('CODEMOD_MEMBER_NOT_FOUND');
    const { code, err } = cli(['src/dispatcher.ts:Scheduler._executor']);
    expect(code).toBe(1);
    expect(err).toContain('CODEMOD_MEMBER_NOT_FOUND: src/dispatcher.ts declares no class Scheduler.');
  });

  it('when the file is not in the project', () => {
    writeFileSync(join(project, 'outside.ts'), 'export class Dispatcher { _executor = 1; }\n');
    const { code, err } = cli(['outside.ts:Dispatcher._executor', '--project', 'tsconfig.json']);
    expect(code).toBe(1);
    expect(err).toContain('CODEMOD_FILE_NOT_IN_PROJECT: outside.ts is not part of the project tsconfig.json');
    expect(refusal(() => publicize({ target: 'missing.ts:Dispatcher._executor', cwd: tmpdir() }))).toBe('CODEMOD_FILE_NOT_IN_PROJECT');
  });

  it('when the target cannot be read or has no private prefix to drop', () => {
    expect(cli(['src/dispatcher.ts']).err).toContain('CODEMOD_BAD_TARGET');
    expect(refusal(() => publicize({ target: 'src/dispatcher.ts:Dispatcher.dispatch', cwd: project }))).toBe('CODEMOD_BAD_TARGET');
  });

  it('prints its usage for missing or unknown arguments', () => {
    expect(cli([]).code).toBe(2);
    const unknown = cli([target, '--force']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('Usage: steadfast-publicize');
  });
});

describe('the steadfast-publicize bin', () => {
  it('is declared in package.json and points at the compiled entry with a shebang', async () => {
    const { default: pkg } = (await import('../../package.json', { with: { type: 'json' } })) as {
      default: { bin?: Record<string, string> };
    };
    const bin = pkg.bin?.['steadfast-publicize'];
    expect(bin).toBe('./dist/codemod/steadfast-publicize.js');
    const entry = join(import.meta.dirname, '..', '..', bin ?? '');
    expect(existsSync(entry)).toBe(true);
    expect(readFileSync(entry, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });
});
