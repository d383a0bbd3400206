import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const CLI = join(import.meta.dirname, '..', 'dist', 'cli.js');
const TOY = join(import.meta.dirname, 'fixtures', 'toy-runtime', 'toy-adapter.js');
const scratch = mkdtempSync(join(tmpdir(), 'conformance-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 90_000 });
  const lines = result.stdout.trimEnd().split('\n');
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, last: lines.at(-1) };
}

describe('steadfast-conformance CLI', () => {
  it('refuses to run without an adapter, still ending with the summary line', () => {
    const result = cli();
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--adapter is required/);
    expect(result.last).toBe('0 passed, 0 failed, 0 skipped');
  });

  it('rejects an unknown test id before running anything', () => {
    const result = cli('--adapter', TOY, '--only', 'Z9');
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/unknown test or category: z9/);
  });

  it('refuses a seed that is not a non-negative integer', () => {
    const result = cli('--adapter', TOY, '--seed', 'abc');
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--seed must be a non-negative integer/);
    expect(result.last).toBe('0 passed, 0 failed, 0 skipped');
  });

  it('prints the seed it was given, for randomised tests to replay', () => {
    const result = cli('--adapter', TOY, '--only', 'S6', '--seed', '12345');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/seed 12345 \(randomised tests replay with --seed 12345\)/);
  });

  it('passes a correct runtime, prints progress and a table, and exits 0', () => {
    const result = cli('--adapter', TOY, '--only', 'S6,I5');
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/\[1\/2\] S6 .* passed/);
    expect(result.stdout).toMatch(/SHUTDOWN\n {2}S6 {3}pass/);
    expect(result.stdout).toMatch(/I5 {3}unsupported/);
    expect(result.last).toBe('1 passed, 0 failed, 1 skipped');
  });

  it('fails a broken runtime with the property, the witness and a reproduction, and exits 1', () => {
    const result = cli('--adapter', `${TOY}?defect=stopTwiceThrows`, '--only', 'S6');
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/property bounded-stop: stop\(\) rejected/);
    expect(result.stdout).toMatch(/worker\.stop\.end/);
    expect(result.stdout).toMatch(/reproduce: npx steadfast-conformance --adapter .*--only S6/);
    expect(result.last).toBe('0 passed, 1 failed, 0 skipped');
  });

  it('writes JSON and JUnit reports to --out', () => {
    const json = join(scratch, 'report.json');
    expect(cli('--adapter', `${TOY}?defect=stopTwiceThrows`, '--only', 'S6', '--reporter', 'json', '--out', json).status).toBe(1);
    const report = JSON.parse(readFileSync(json, 'utf8')) as { results: { id: string; status: string; findings: unknown[] }[] };
    expect(report.results.map((r) => [r.id, r.status])).toEqual([['S6', 'failed']]);
    expect(report.results[0]?.findings.length).toBeGreaterThan(0);
    const junit = join(scratch, 'report.xml');
    cli('--adapter', TOY, '--only', 'S6,I5', '--reporter', 'junit', '--out', junit);
    const xml = readFileSync(junit, 'utf8');
    expect(xml).toMatch(/<testsuite name="input" tests="1" failures="0" skipped="1">/);
    expect(xml).toMatch(/<testcase classname="toy runtime.shutdown" name="S6 /);
  });

  it('reports listed known failures as expected and keeps CI green; a listed test that passes fails the run', () => {
    const known = join(scratch, 'known.json');
    writeFileSync(known, JSON.stringify({ S6: 'issue #1: second stop rejects' }));
    const expected = cli('--adapter', `${TOY}?defect=stopTwiceThrows`, '--only', 'S6', '--expect-failures', known);
    expect(expected.status).toBe(0);
    expect(expected.stdout).toMatch(/S6 {3}expected fail/);
    expect(expected.last).toBe('0 passed, 0 failed, 1 skipped');
    const stale = cli('--adapter', TOY, '--only', 'S6', '--expect-failures', known);
    expect(stale.status).toBe(1);
    expect(stale.stdout).toMatch(/UNEXPECTED PASS/);
  });
});
