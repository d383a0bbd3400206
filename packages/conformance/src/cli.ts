#!/usr/bin/env node
// `steadfast-conformance`: runs the catalogue against an adapter module and reports. Exit code 0
// only when nothing failed; the last line of output is always `N passed, N failed, N skipped`.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { selectTests } from './catalogue/index.js';
import { renderJson } from './reporters/json-reporter.js';
import { renderJunit } from './reporters/junit-reporter.js';
import { renderTable } from './reporters/table-reporter.js';
import { readExpectedFailures } from './runner/expected-failures.js';
import { toAdapterUrl } from './runner/load-adapter.js';
import { runSuite } from './runner/run-suite.js';
import { summaryLine } from './runner/test-result.js';

const USAGE = `usage: steadfast-conformance --adapter <module> [--only crash,race,C1] [--reporter table|json|junit] [--out <file>] [--expect-failures <file>] [--seed <n>]`;

type Reporter = 'table' | 'json' | 'junit';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      adapter: { type: 'string' },
      only: { type: 'string' },
      reporter: { type: 'string', default: 'table' },
      out: { type: 'string' },
      'expect-failures': { type: 'string' },
      seed: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help === true) {
    console.log(USAGE);
    return 0;
  }
  if (values.adapter === undefined) {
    console.error(`steadfast-conformance: --adapter is required\n${USAGE}`);
    console.log(summaryLine({ passed: 0, failed: 0, skipped: 0 }));
    return 2;
  }
  const reporter = values.reporter as Reporter;
  if (!['table', 'json', 'junit'].includes(reporter)) {
    console.error(`steadfast-conformance: unknown reporter ${reporter}\n${USAGE}`);
    return 2;
  }
  const tests = selectTests((values.only ?? '').split(',').map((s) => s.trim()).filter((s) => s !== ''));
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (seed !== undefined && !(Number.isSafeInteger(seed) && seed >= 0)) {
    console.error(`steadfast-conformance: --seed must be a non-negative integer, got ${String(values.seed)}\n${USAGE}`);
    console.log(summaryLine({ passed: 0, failed: 0, skipped: 0 }));
    return 2;
  }
  const expectedFailures = values['expect-failures'] === undefined ? undefined : readExpectedFailures(values['expect-failures']);
  const report = await runSuite({
    adapterUrl: toAdapterUrl(values.adapter),
    adapterArgument: values.adapter,
    tests,
    ...(expectedFailures === undefined ? {} : { expectedFailures }),
    ...(seed === undefined ? {} : { seed }),
    onProgress(event) {
      if (event.phase === 'start') process.stderr.write(`[${event.index + 1}/${event.total}] ${event.test.id} ${event.test.title} … `);
      else process.stderr.write(`${event.result.status} (${(event.result.durationMs / 1000).toFixed(1)} s)\n`);
    },
  });
  const rendered = reporter === 'json' ? renderJson(report) : reporter === 'junit' ? renderJunit(report) : renderTable(report);
  if (values.out !== undefined) {
    writeFileSync(values.out, rendered);
    if (reporter !== 'table') console.log(renderTable(report).split('\n').slice(0, -1).join('\n'));
    else console.log(`report written to ${values.out}`);
  } else if (reporter === 'table') {
    console.log(rendered.split('\n').slice(0, -1).join('\n'));
  } else {
    console.log(rendered);
  }
  console.log(summaryLine(report.summary));
  return report.summary.failed > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`steadfast-conformance: ${error instanceof Error ? error.message : String(error)}`);
    console.log(summaryLine({ passed: 0, failed: 0, skipped: 0 }));
    process.exitCode = 2;
  },
);
