import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SteadfastError } from '../../src/errors/plugin-error.js';
import { formatTraceDot } from '../../src/tracer/format-dot.js';
import { formatTraceText } from '../../src/tracer/format-text.js';
import { DEFAULT_TRACE_DEPTH, parseTraceOptions, type TraceOptions } from '../../src/tracer/trace-options.js';
import { traceProject } from '../../src/tracer/trace-project.js';
import type { TraceNode, TraceReport } from '../../src/tracer/trace-report.js';

const project = join(import.meta.dirname, '..', 'fixtures', 'no-hook-as-operation', 'tsconfig.json');
const options = (overrides: Partial<TraceOptions> = {}): TraceOptions => ({
  project,
  task: undefined,
  format: 'text',
  maxDepth: DEFAULT_TRACE_DEPTH,
  settingsFile: undefined,
  ...overrides,
});
const taskNamed = (report: TraceReport, name: string, file?: string) => {
  const task = report.tasks.find((candidate) => candidate.root.name === name && (file === undefined || candidate.root.file === file));
  if (!task) throw new Error(`no task ${name} in ${report.tasks.map((candidate) => candidate.root.name).join(', ')}`);
  return task;
};
const names = (node: TraceNode): string[] => node.calls.map((call) => call.name);

describe('steadfast-trace options', () => {
  it('defaults to tsconfig.json, text, depth 3', () => {
    expect(parseTraceOptions([])).toEqual(options({ project: 'tsconfig.json' }));
  });

  it('reads every flag, with = or a separate value', () => {
    expect(parseTraceOptions(['--project=a/tsconfig.json', '--task', 'merged', '--format', 'dot', '--depth=5', '--settings', 's.json'])).toEqual({
      project: 'a/tsconfig.json',
      task: 'merged',
      format: 'dot',
      maxDepth: 5,
      settingsFile: 's.json',
    });
  });

  it('returns undefined for --help', () => {
    expect(parseTraceOptions(['--help'])).toBeUndefined();
  });

  it.each([[['--format', 'xml']], [['--depth', '0']], [['--task']], [['--verbose']]])('rejects %j with TRACER_BAD_OPTIONS', (argv) => {
    expect(() => parseTraceOptions(argv)).toThrow(SteadfastError);
    try {
      parseTraceOptions(argv);
    } catch (error) {
      expect((error as SteadfastError).code).toBe('TRACER_BAD_OPTIONS');
    }
  });
});

describe('steadfast-trace on the ADR-0019 fixture project', () => {
  let report: TraceReport;
  beforeAll(() => {
    report = traceProject(options());
  });

  it('lists every background task: tagged, tagged class methods, and runtime handlers', () => {
    expect(report.tasks.map((task) => `${task.root.file}:${task.root.name}`).sort()).toEqual([
      'issue-fetcher.ts:IssueFetcher.refreshCollaborators',
      'post-merge-handler.after.ts:PostMergeHandler.handleMerge',
      'post-merge-handler.before.ts:PostMergeHandler.handleMerge',
      'retry-task.ts:retryTask',
      'worker.ts:periodic.sweep',
      'worker.ts:tasks.merged',
      'worker.ts:tasks.release',
    ]);
  });

  it('shows the ADR bug: the post-merge task reaches the hook, and the fix reaches the operation instead', () => {
    const before = taskNamed(report, 'PostMergeHandler.handleMerge', 'post-merge-handler.before.ts');
    expect(before.hookPaths).toEqual([['PostMergeHandler.handleMerge', 'EpicChecker.checkAndCloseEpics']]);
    expect(before.root.calls[0]).toMatchObject({ kind: 'hook', operation: 'EpicManager.releaseEpic', file: 'epic-checker.ts' });
    const after = taskNamed(report, 'PostMergeHandler.handleMerge', 'post-merge-handler.after.ts');
    expect(after.hookPaths).toEqual([]);
    expect(after.root.calls.map((call) => [call.name, call.kind])).toEqual([
      ['EpicManager.releaseEpic', 'operation'],
      ['EpicChecker.summary', 'function'],
    ]);
  });

  it('follows helpers to the hook and names the path', () => {
    expect(taskNamed(report, 'tasks.merged').hookPaths).toEqual([
      ['tasks.merged', 'notifyMerge', 'afterMerge', 'EpicChecker.checkAndCloseEpics'],
    ]);
  });

  it('shows operations of dependencies that are tagged, and leaves untagged library calls out', () => {
    expect(names(taskNamed(report, 'tasks.release').root)).toEqual(['EpicManager.releaseEpic', 'Client.enqueue']);
  });

  it('stops at recursion instead of looping', () => {
    const retry = taskNamed(report, 'retryTask').root.calls[0];
    expect(retry?.calls.map((call) => [call.name, call.stopped])).toEqual([
      ['retryMerge', 'recursion'],
      ['afterMerge', undefined],
    ]);
  });

  it('reports cache writes (seed rule 3) on the function that makes them', () => {
    expect(taskNamed(report, 'IssueFetcher.refreshCollaborators').root.cacheWrites).toEqual(['IssueFetcher.collaborators']);
  });

  it('stops at the depth limit and says so', () => {
    const shallow = traceProject(options({ maxDepth: 1, task: 'merged' }));
    const notify = taskNamed(shallow, 'tasks.merged').root.calls[0];
    expect(notify).toMatchObject({ name: 'notifyMerge', stopped: 'depth', calls: [] });
    expect(taskNamed(shallow, 'tasks.merged').hookPaths).toEqual([]);
  });

  it('filters by task name and fails clearly for an unknown one', () => {
    expect(traceProject(options({ task: 'handleMerge' })).tasks).toHaveLength(2);
    expect(() => traceProject(options({ task: 'nope' }))).toThrow(/No background task named "nope"/);
  });

  it('takes the same settings as the rules from --settings', () => {
    const dir = mkdtempSync(join(tmpdir(), 'steadfast-trace-'));
    const settingsFile = join(dir, 'steadfast.json');
    try {
      writeFileSync(settingsFile, JSON.stringify({ backgroundTasks: ['/Job$/'] }));
      const traced = traceProject(options({ settingsFile, task: 'mergedJob' }));
      expect(traced.tasks.map((task) => [task.registeredBy, task.hookPaths])).toEqual([
        ['settings.backgroundTasks', [['mergedJob', 'afterMerge', 'EpicChecker.checkAndCloseEpics']]],
      ]);
      writeFileSync(settingsFile, JSON.stringify({ backgroundTask: [] }));
      expect(() => traceProject(options({ settingsFile }))).toThrow(/unknown key "backgroundTask"/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('renders text with a tree and the hook paths', () => {
    const text = formatTraceText(report);
    expect(text).toContain('! reaches a hook: tasks.merged → notifyMerge → afterMerge → EpicChecker.checkAndCloseEpics');
    expect(text).toContain('└─ EpicChecker.checkAndCloseEpics  [HOOK → call EpicManager.releaseEpic]  epic-checker.ts:12');
    expect(text).toContain('IssueFetcher.refreshCollaborators  [task]  (writes cache IssueFetcher.collaborators)');
  });

  it('renders dot with each function once and hooks marked', () => {
    const dot = formatTraceDot(report);
    expect(dot.startsWith('digraph steadfast_trace {')).toBe(true);
    expect(dot).toContain('"worker.ts:20:periodic.sweep" -> "epic-checker.ts:12:EpicChecker.checkAndCloseEpics";');
    expect(dot.match(/"epic-checker\.ts:12:EpicChecker\.checkAndCloseEpics" \[label/g)).toHaveLength(1);
    expect(dot).toContain('shape=octagon, color=red');
  });
});

describe('steadfast-trace CLI', () => {
  const cli = join(import.meta.dirname, '..', '..', 'dist', 'tracer', 'cli.js');

  it('is built where package.json#bin points', async () => {
    const { default: pkg } = (await import('../../package.json', { with: { type: 'json' } })) as { default: { bin?: Record<string, string> } };
    expect(pkg.bin?.['steadfast-trace']).toBe('./dist/tracer/cli.js');
    expect(existsSync(cli)).toBe(true);
  });

  it('prints JSON for a task and exits 0', () => {
    const result = spawnSync(process.execPath, [cli, '--project', project, '--task', 'sweep', '--format', 'json'], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    const parsed = JSON.parse(result.stdout) as TraceReport;
    expect(parsed.tasks.map((task) => task.hookPaths)).toEqual([[['periodic.sweep', 'EpicChecker.checkAndCloseEpics']]]);
  });

  it('exits 2 with the usage on a bad option', () => {
    const result = spawnSync(process.execPath, [cli, '--format', 'xml'], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Unknown format "xml"');
    expect(result.stderr).toContain('Usage: steadfast-trace');
  });
});
