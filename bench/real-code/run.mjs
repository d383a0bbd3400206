#!/usr/bin/env node
// Runs Steadfast's rules over real public repositories (listed with pinned commits in repos.json)
// and prints what they report, which rule crashed where, and what each rule costs beside
// `@typescript-eslint/no-floating-promises` and beside ESLint's whole run, untyped and typed.
//
//   node bench/real-code/run.mjs [--mirror DIR] [--repos a,b] [--mode untyped|typed|both]
//                                [--no-editor] [--editor-runs N] [--typed-timing separate|together]
//                                [--timing-repos a,b] [--plugin PATH] [--self-test]
//
// --mirror  where the fetched repositories live, one bare git directory per repository at
//           DIR/<owner>+<name>/repo (default /work/.mirror, where the `fetch` tool puts them).
// Each repository is extracted (`git archive`) at its recorded commit into the ignored folder
// bench/real-code/.work/<name>; nothing of it is ever committed. The JSON report of every finding,
// crash and timing goes to bench/real-code/.work/report.json.
// --timing-repos  repositories whose typed cost and typed editor p50 are measured (one process per
//           rule; program creation dominates, so this is the slow part); default all.
// --plugin  the built plugin entry to load (default: this worktree's packages/eslint-plugin/dist).
// --self-test  proves the crash counting on one small repository with a rule that always throws.
//
// Typed runs happen in child processes: typescript-eslint keeps one project service per process,
// rooted where it was first created, and a rule timed after another typed rule inherits warm
// checker caches. Each typed rule is therefore timed alone in a fresh process (`separate`), as
// typescript-eslint's performance guide asks.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';

const here = dirname(fileURLToPath(import.meta.url));
const workRoot = join(here, '.work');
const FLOATING = '@typescript-eslint/no-floating-promises';
/** Source files that are not production code, even inside an `include` glob. */
const NOT_PRODUCTION = [
  '**/node_modules/**',
  '**/dist/**',
  '**/*.d.ts',
  '**/*.spec.ts',
  '**/*.test.ts',
  '**/__tests__/**',
  '**/__mocks__/**',
  '**/test/**',
  '**/tests/**',
  '**/e2e/**',
];

// ---------------------------------------------------------------------------------------------
// Options

function parseArguments(argv) {
  const options = {
    mirror: '/work/.mirror',
    repos: undefined,
    mode: 'both',
    editor: true,
    editorRuns: 15,
    typedTiming: 'separate',
    child: undefined,
    plugin: join(here, '../../packages/eslint-plugin/dist/index.js'),
    selfTest: false,
    timingRepos: undefined,
  };
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index];
    const value = () => {
      const next = argv[index + 1];
      if (next === undefined) throw new Error(`${argument} needs a value`);
      index += 1;
      return next;
    };
    if (argument === '--mirror') options.mirror = value();
    else if (argument === '--repos') options.repos = value().split(',');
    else if (argument === '--mode') options.mode = value();
    else if (argument === '--no-editor') options.editor = false;
    else if (argument === '--editor-runs') options.editorRuns = Number(value());
    else if (argument === '--typed-timing') options.typedTiming = value();
    else if (argument === '--child') options.child = value();
    else if (argument === '--plugin') options.plugin = value();
    else if (argument === '--self-test') options.selfTest = true;
    else if (argument === '--timing-repos') options.timingRepos = value().split(',');
    else throw new Error(`unknown argument ${argument} (see the comment at the top of run.mjs)`);
  }
  if (!['untyped', 'typed', 'both'].includes(options.mode)) throw new Error('--mode is untyped, typed or both');
  if (!['separate', 'together'].includes(options.typedTiming)) throw new Error('--typed-timing is separate or together');
  return options;
}

// ---------------------------------------------------------------------------------------------
// The plugin under test, with every rule wrapped so that a throwing rule is counted, not fatal

async function loadSteadfast(entry) {
  if (!existsSync(entry)) throw new Error(`No built plugin at ${entry}: run \`npm run build\` first.`);
  const plugin = (await import(pathToFileURL(entry).href)).default;
  const namespace = plugin.meta.namespace;
  const ruleIds = Object.keys(plugin.rules).map((name) => `${namespace}/${name}`);
  const recommended = Object.keys(plugin.configs.recommended.rules ?? {});
  const typedSettings = plugin.configs['recommended-type-checked'].settings ?? {};
  return { entry, plugin, namespace, ruleIds, recommended, typedSettings };
}

/**
 * A crash is an exception thrown out of a rule's `create` or one of its listeners. ESLint would
 * abort the whole run on the first one; the wrapper records it (rule, file, stack) and lets the
 * other rules and files go on.
 */
function wrapRules(rules, namespace, crashes) {
  const wrapped = {};
  for (const [name, rule] of Object.entries(rules)) {
    const ruleId = `${namespace}/${name}`;
    const record = (context, error) => {
      const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
      const file = context.filename;
      const key = `${ruleId}\0${file}\0${stack.split('\n')[0]}`;
      if (!crashes.some((crash) => crash.key === key)) crashes.push({ key, rule: ruleId, file, stack });
    };
    wrapped[name] = {
      ...rule,
      create(context) {
        let listeners;
        try {
          listeners = rule.create(context);
        } catch (error) {
          record(context, error);
          return {};
        }
        const guarded = {};
        for (const [selector, listener] of Object.entries(listeners)) {
          if (typeof listener !== 'function') continue;
          guarded[selector] = (...args) => {
            try {
              return listener(...args);
            } catch (error) {
              record(context, error);
              return undefined;
            }
          };
        }
        return guarded;
      },
    };
  }
  return wrapped;
}

// ---------------------------------------------------------------------------------------------
// Checkouts

function repositoryList() {
  return JSON.parse(readFileSync(join(here, 'repos.json'), 'utf8')).repos;
}

/** Extracts the recorded commit into .work/<name>, unless that exact commit is already there. */
function checkout(repo, mirror) {
  const gitDir = join(mirror, repo.repo.replace('/', '+'), 'repo');
  const target = join(workRoot, repo.name);
  const marker = join(target, '.steadfast-commit');
  if (existsSync(marker) && readFileSync(marker, 'utf8').trim() === repo.commit) return target;
  if (!existsSync(gitDir)) throw new Error(`${repo.repo}: no git directory at ${gitDir} (fetch it first)`);
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  // Only what is linted plus the files typed mode reads: snapshots may lack their largest blobs
  // (videos, fixtures), which would make an archive of the whole tree fail.
  const pathspecs = [...repo.include, '**/tsconfig*.json', '**/package.json'].map((glob) => `:(glob)${glob}`);
  const archive = spawnSync('git', ['--git-dir', gitDir, 'archive', '--format=tar', repo.commit, '--', ...pathspecs], {
    maxBuffer: 2 ** 31,
  });
  if (archive.status !== 0) throw new Error(`${repo.repo}: git archive failed: ${archive.stderr}`);
  const untar = spawnSync('tar', ['-x', '-C', target], { input: archive.stdout, maxBuffer: 2 ** 20 });
  if (untar.status !== 0) throw new Error(`${repo.repo}: tar failed: ${untar.stderr}`);
  writeFileSync(marker, `${repo.commit}\n`);
  return target;
}

// ---------------------------------------------------------------------------------------------
// Linting

/**
 * One ESLint instance over a repository's production sources. `rules` is the list of rule ids
 * to turn on (Steadfast ones and/or no-floating-promises); `typed` adds the project service and
 * the plugin's typed switch exactly as `recommended-type-checked` does.
 */
function createLinter({ steadfast, directory, rules, typed, crashes }) {
  const plugins = {
    [steadfast.namespace]: { meta: steadfast.plugin.meta, rules: wrapRules(steadfast.plugin.rules, steadfast.namespace, crashes) },
    '@typescript-eslint': {
      rules: wrapRules({ 'no-floating-promises': tseslint.plugin.rules['no-floating-promises'] }, '@typescript-eslint', crashes),
    },
  };
  return new ESLint({
    cwd: directory,
    overrideConfigFile: true,
    // The repositories' own eslint-disable comments name rules this run does not load.
    allowInlineConfig: false,
    errorOnUnmatchedPattern: false,
    warnIgnored: false,
    stats: true,
    overrideConfig: [
      { ignores: NOT_PRODUCTION },
      {
        files: ['**/*.ts', '**/*.mts', '**/*.cts', '**/*.tsx'],
        plugins,
        languageOptions: {
          parser: tseslint.parser,
          sourceType: 'module',
          parserOptions: typed ? { projectService: true, tsconfigRootDir: directory } : {},
        },
        settings: typed ? steadfast.typedSettings : {},
        linterOptions: { reportUnusedDisableDirectives: 'off' },
        rules: Object.fromEntries(rules.map((ruleId) => [ruleId, 'error'])),
      },
    ],
  });
}

/** Sums ESLint's per-file stats: parse time and each rule's time (create + listeners). */
function sumStats(results) {
  const rules = {};
  let parse = 0;
  for (const result of results) {
    for (const pass of result.stats?.times?.passes ?? []) {
      parse += pass.parse?.total ?? 0;
      for (const [ruleId, time] of Object.entries(pass.rules ?? {})) rules[ruleId] = (rules[ruleId] ?? 0) + time.total;
    }
  }
  return { parse, rules };
}

/** Lints a repository once and returns findings, fatal (parse/project) errors and timings. */
async function lintRepository({ steadfast, repo, directory, rules, typed }) {
  const crashes = [];
  const eslint = createLinter({ steadfast, directory, rules, typed, crashes });
  const started = performance.now();
  let results;
  try {
    results = await eslint.lintFiles(repo.include);
  } catch (error) {
    // Something outside a rule listener failed (ESLint itself, a parser): lint file by file so one
    // bad file cannot hide the others, and record the failure against the file.
    results = [];
    const files = await new ESLint({ cwd: directory, overrideConfigFile: true, overrideConfig: [{ ignores: NOT_PRODUCTION }, { files: ['**/*.ts', '**/*.mts', '**/*.cts', '**/*.tsx'], languageOptions: { parser: tseslint.parser } }] })
      .lintFiles(repo.include)
      .then((all) => all.map((result) => result.filePath));
    for (const file of files) {
      try {
        results.push(...(await eslint.lintFiles([file])));
      } catch (fileError) {
        crashes.push({ key: file, rule: '(eslint)', file, stack: String(fileError?.stack ?? fileError) });
      }
    }
    crashes.push({ key: 'run', rule: '(eslint)', file: '(run)', stack: String(error?.stack ?? error) });
  }
  const wallMs = performance.now() - started;
  const findings = [];
  const fatal = [];
  for (const result of results) {
    const file = relative(directory, result.filePath);
    for (const message of result.messages) {
      if (message.fatal || message.ruleId === null) fatal.push({ file, line: message.line, message: message.message });
      else findings.push({ rule: message.ruleId, file, line: message.line, column: message.column, message: message.message });
    }
  }
  const { parse, rules: ruleTimes } = sumStats(results);
  return {
    files: results.length,
    wallMs,
    parseMs: parse,
    ruleMs: ruleTimes,
    findings,
    fatal,
    crashes: crashes.map((crash) => ({ rule: crash.rule, file: relative(directory, crash.file) || crash.file, stack: crash.stack })),
  };
}

// ---------------------------------------------------------------------------------------------
// Editor: re-lint one edited file with a warm program, as an editor's ESLint server does

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * p50 of `runs` re-lints of `file`, each after a one-line edit, for each named rule set. The sets
 * take turns within every round, so JIT warm-up and machine noise fall on all of them alike.
 */
async function measureEditor({ steadfast, directory, file, typed, ruleSets, runs }) {
  const filePath = join(directory, file);
  const original = readFileSync(filePath, 'utf8');
  const linters = Object.entries(ruleSets).map(([name, rules]) => [name, createLinter({ steadfast, directory, rules, typed, crashes: [] })]);
  // The first lints build the program (typed) and warm the JIT; an editor pays that once.
  for (let warm = 0; warm < 3; warm += 1) {
    for (const [name, eslint] of linters) await eslint.lintText(`${original}\n// warm ${warm} ${name}\n`, { filePath });
  }
  const times = Object.fromEntries(linters.map(([name]) => [name, []]));
  for (let run = 0; run < runs; run += 1) {
    for (const [name, eslint] of linters) {
      const edited = `${original}\n// edit ${run} ${name}\n`;
      const started = performance.now();
      await eslint.lintText(edited, { filePath });
      times[name].push(performance.now() - started);
    }
  }
  return Object.fromEntries(Object.entries(times).map(([name, values]) => [name, median(values)]));
}

// ---------------------------------------------------------------------------------------------
// Child processes (typed runs)

/** Set once by main: the plugin build every child process must load too. */
let pluginEntry;

function runChild(task) {
  const out = join(workRoot, `child-${process.pid}-${Date.now()}.json`);
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', JSON.stringify({ ...task, plugin: pluginEntry, out })], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=4096`.trim() },
  });
  if (child.status !== 0 || !existsSync(out)) {
    return { error: `child process for ${task.kind} (${task.repo.name}) exited with ${child.status ?? child.signal}` };
  }
  const result = JSON.parse(readFileSync(out, 'utf8'));
  rmSync(out, { force: true });
  return result;
}

async function childMain(spec) {
  const task = JSON.parse(spec);
  const steadfast = await loadSteadfast(task.plugin);
  let result;
  if (task.kind === 'lint') {
    result = await lintRepository({ steadfast, repo: task.repo, directory: task.directory, rules: task.rules, typed: task.typed });
  } else {
    result = await measureEditor({ steadfast, directory: task.directory, file: task.repo.editorFile, typed: true, ruleSets: task.ruleSets, runs: task.runs });
  }
  writeFileSync(task.out, JSON.stringify(result));
}

// ---------------------------------------------------------------------------------------------
// Printing

const format = (ms) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(ms < 10 ? 2 : 0)} ms`);
const percent = (part, whole) => (whole > 0 ? `${((100 * part) / whole).toFixed(1)} %` : '-');

function table(header, rows) {
  const widths = header.map((cell, column) => Math.max(String(cell).length, ...rows.map((row) => String(row[column]).length)));
  const line = (row) => `| ${row.map((cell, column) => String(cell).padEnd(widths[column])).join(' | ')} |`;
  return [line(header), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

function countBy(items, key) {
  const counts = {};
  for (const item of items) counts[item[key]] = (counts[item[key]] ?? 0) + 1;
  return counts;
}

// ---------------------------------------------------------------------------------------------
// Main

async function main() {
  const options = parseArguments(process.argv.slice(2));
  if (options.child) return childMain(options.child);

  mkdirSync(workRoot, { recursive: true });
  pluginEntry = options.plugin;
  const steadfast = await loadSteadfast(options.plugin);
  if (options.selfTest) return selfTest(steadfast, options);
  const missingFromRecommended = steadfast.ruleIds.filter((ruleId) => !steadfast.recommended.includes(ruleId));
  // Every rule the built plugin has: `recommended`, plus any rule it leaves out (said below).
  const steadfastRules = [...steadfast.recommended, ...missingFromRecommended];
  console.log(`Steadfast rules (${steadfastRules.length}): ${steadfastRules.join(', ') || '(none yet)'}`);
  if (missingFromRecommended.length > 0) console.log(`  not in recommended, turned on anyway: ${missingFromRecommended.join(', ')}`);

  const repos = repositoryList().filter((repo) => !options.repos || options.repos.includes(repo.name));
  const report = { startedAt: new Date().toISOString(), node: process.version, rules: steadfastRules, repos: [] };

  for (const repo of repos) {
    console.log(`\n=== ${repo.name} (${repo.repo} @ ${repo.commit.slice(0, 12)})`);
    const directory = checkout(repo, options.mirror);
    const entry = { name: repo.name, repo: repo.repo, commit: repo.commit };

    if (options.mode !== 'typed') {
      const untyped = await lintRepository({ steadfast, repo, directory, rules: steadfastRules, typed: false });
      entry.untyped = untyped;
      console.log(`untyped: ${untyped.files} files, ${format(untyped.wallMs)} (parse ${format(untyped.parseMs)}), ${untyped.findings.length} reports, ${untyped.crashes.length} crashes, ${untyped.fatal.length} parse errors`);
      if (options.editor) {
        entry.editorUntyped = await measureEditor({
          steadfast,
          directory,
          file: repo.editorFile,
          typed: false,
          ruleSets: { 'parse only': [], steadfast: steadfastRules },
          runs: options.editorRuns,
        });
      }
    }

    if (options.mode !== 'untyped') {
      // Findings of typed mode: every Steadfast rule together, as a user runs them.
      const typed = runChild({ kind: 'lint', repo, directory, rules: steadfastRules, typed: true });
      entry.typed = typed;
      if (typed.error) console.log(`typed: ${typed.error}`);
      else {
        const notInProject = typed.fatal.filter((item) => /project service|not included|tsconfig/i.test(item.message)).length;
        console.log(`typed: ${typed.files} files, ${format(typed.wallMs)} (parse incl. program ${format(typed.parseMs)}), ${typed.findings.length} reports, ${typed.crashes.length} crashes, ${typed.fatal.length} fatal (${notInProject} not in any tsconfig)`);
      }
      // Cost of typed mode: each rule alone in a fresh process, beside no-floating-promises alone.
      const timed = !options.timingRepos || options.timingRepos.includes(repo.name);
      const timedRules = !timed ? [] : options.typedTiming === 'separate' ? [FLOATING, ...steadfastRules].map((ruleId) => [ruleId]) : [[FLOATING, ...steadfastRules]];
      if (timedRules.length > 0) entry.typedTiming = {};
      for (const rules of timedRules) {
        const run = runChild({ kind: 'lint', repo, directory, rules, typed: true });
        if (run.error) {
          entry.typedTiming[rules.join('+')] = { error: run.error };
          continue;
        }
        for (const ruleId of rules) entry.typedTiming[ruleId] = { ruleMs: run.ruleMs[ruleId] ?? 0, wallMs: run.wallMs, parseMs: run.parseMs, reports: run.findings.filter((finding) => finding.rule === ruleId).length, crashes: run.crashes.filter((crash) => crash.rule === ruleId).length };
      }
      if (options.editor && timed) {
        entry.editorTyped = runChild({
          kind: 'editor',
          repo,
          directory,
          runs: options.editorRuns,
          ruleSets: { 'parse only': [], steadfast: steadfastRules, [FLOATING]: [FLOATING] },
        });
      }
    }
    report.repos.push(entry);
    printRepository(entry, steadfastRules);
  }

  printSummary(report, steadfastRules);
  writeFileSync(join(workRoot, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(join(workRoot, 'reports.md'), triageList(report, steadfastRules));
  console.log(`\nReport: ${relative(process.cwd(), join(workRoot, 'report.json'))}; every report with its source line, to triage: ${relative(process.cwd(), join(workRoot, 'reports.md'))}`);
}

/** Every report, grouped by rule, with the reported source line: the worksheet for triage.md. */
function triageList(report, steadfastRules) {
  const lines = ['# Reports to triage', ''];
  for (const [ruleIndex, ruleId] of steadfastRules.entries()) {
    lines.push(`## ${ruleId}`, '');
    let number = 0;
    for (const entry of report.repos) {
      for (const mode of ['untyped', 'typed']) {
        const run = entry[mode];
        if (!run || run.error) continue;
        for (const finding of run.findings.filter((item) => item.rule === ruleId)) {
          const source = readFileSync(join(workRoot, entry.name, finding.file), 'utf8').split('\n')[finding.line - 1] ?? '';
          number += 1;
          lines.push(`- R${ruleIndex + 1}.${number} [${mode}] ${entry.name} ${finding.file}:${finding.line} — ${finding.message}`, `  \`${source.trim().slice(0, 160)}\``);
        }
      }
    }
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Adds a rule that throws on every file's `Program` node next to the real rules, and
 * checks that each throw is counted against that rule and file while the other rules still run.
 */
async function selfTest(steadfast, options) {
  const repo = repositoryList().find((candidate) => candidate.name === 'p-queue');
  const directory = checkout(repo, options.mirror);
  const probe = {
    meta: { type: 'problem', schema: [], messages: {} },
    create(context) {
      return {
        Program() {
          throw new Error(`probe crash in ${context.filename}`);
        },
      };
    },
  };
  const withProbe = { ...steadfast, plugin: { ...steadfast.plugin, rules: { ...steadfast.plugin.rules, 'crash-probe': probe } } };
  const probeId = `${steadfast.namespace}/crash-probe`;
  const result = await lintRepository({ steadfast: withProbe, repo, directory, rules: [...steadfast.recommended, probeId], typed: false });
  const probeCrashes = result.crashes.filter((crash) => crash.rule === probeId);
  const otherRulesRan = steadfast.recommended.every((ruleId) => ruleId in result.ruleMs);
  const ok = result.files > 0 && probeCrashes.length === result.files && probeCrashes.every((crash) => crash.stack.includes('probe crash')) && otherRulesRan;
  console.log(`self-test: ${result.files} files, ${probeCrashes.length} probe crashes counted, other rules ran: ${otherRulesRan} -> ${ok ? 'PASS' : 'FAIL'}`);
  if (!ok) process.exitCode = 1;
}

function printRepository(entry, steadfastRules) {
  if (entry.untyped) {
    const { untyped } = entry;
    const reports = countBy(untyped.findings, 'rule');
    const crashes = countBy(untyped.crashes, 'rule');
    const rows = steadfastRules.map((ruleId) => [ruleId, reports[ruleId] ?? 0, crashes[ruleId] ?? 0, format(untyped.ruleMs[ruleId] ?? 0), percent(untyped.ruleMs[ruleId] ?? 0, untyped.wallMs)]);
    const all = steadfastRules.reduce((sum, ruleId) => sum + (untyped.ruleMs[ruleId] ?? 0), 0);
    rows.push(['all Steadfast rules', untyped.findings.length, untyped.crashes.length, format(all), percent(all, untyped.wallMs)]);
    rows.push(['ESLint total (wall)', '', '', format(untyped.wallMs), '100 %']);
    console.log(table(['untyped rule', 'reports', 'crashes', 'time', '% of total'], rows));
  }
  if (entry.typedTiming) {
    const floating = entry.typedTiming[FLOATING]?.ruleMs;
    const rows = Object.entries(entry.typedTiming).map(([ruleId, run]) =>
      run.error ? [ruleId, '-', '-', run.error, '-', '-'] : [ruleId, run.reports, run.crashes, format(run.ruleMs), floating ? `${(run.ruleMs / floating).toFixed(2)}×` : '-', format(run.wallMs)],
    );
    console.log(table(['typed rule (alone, fresh process)', 'reports', 'crashes', 'rule time', 'vs no-floating-promises', 'run wall'], rows));
  }
  const editor = [];
  for (const [mode, measured] of [['untyped', entry.editorUntyped], ['typed', entry.editorTyped]]) {
    if (!measured || measured.error) continue;
    const base = measured['parse only'];
    for (const [set, p50] of Object.entries(measured)) editor.push([mode, set, format(p50), set === 'parse only' ? '' : format(p50 - base)]);
  }
  if (editor.length > 0) console.log(table(['editor re-lint', 'rule set', 'p50', 'p50 minus parse only'], editor));
}

function printSummary(report, steadfastRules) {
  console.log('\n=== All repositories');
  for (const mode of ['untyped', 'typed']) {
    const entries = report.repos.filter((entry) => entry[mode] && !entry[mode].error);
    if (entries.length === 0) continue;
    const findings = entries.flatMap((entry) => entry[mode].findings);
    const crashes = entries.flatMap((entry) => entry[mode].crashes);
    const wall = entries.reduce((sum, entry) => sum + entry[mode].wallMs, 0);
    const rows = steadfastRules.map((ruleId) => {
      const time = entries.reduce((sum, entry) => sum + (entry[mode].ruleMs[ruleId] ?? 0), 0);
      return [ruleId, findings.filter((finding) => finding.rule === ruleId).length, crashes.filter((crash) => crash.rule === ruleId).length, format(time), percent(time, wall)];
    });
    const all = steadfastRules.reduce((sum, ruleId) => sum + entries.reduce((inner, entry) => inner + (entry[mode].ruleMs[ruleId] ?? 0), 0), 0);
    rows.push(['all Steadfast rules', findings.length, crashes.length, format(all), percent(all, wall)]);
    rows.push(['ESLint total (wall)', '', '', format(wall), '100 %']);
    console.log(`${mode} (${entries.length} repositories, ${entries.reduce((sum, entry) => sum + entry[mode].files, 0)} files)`);
    console.log(table(['rule', 'reports', 'crashes', 'time', '% of total'], rows));
    for (const crash of crashes) console.log(`CRASH ${crash.rule} in ${crash.file}\n${crash.stack}`);
  }
  const timed = report.repos.filter((entry) => entry.typedTiming);
  if (timed.length > 0) {
    const total = (ruleId) => timed.reduce((sum, entry) => sum + (entry.typedTiming[ruleId]?.ruleMs ?? 0), 0);
    const floating = total(FLOATING);
    const rows = [FLOATING, ...steadfastRules].map((ruleId) => [ruleId, format(total(ruleId)), floating > 0 ? `${(total(ruleId) / floating).toFixed(2)}×` : '-']);
    console.log(`typed cost, each rule alone in a fresh process (${timed.map((entry) => entry.name).join(', ')})`);
    console.log(table(['rule', 'rule time', 'vs no-floating-promises'], rows));
  }
}

await main();
