#!/usr/bin/env node
import { SteadfastError } from '../errors/plugin-error.js';
import { formatTraceDot } from './format-dot.js';
import { formatTraceText } from './format-text.js';
import { parseTraceOptions, TRACE_USAGE } from './trace-options.js';
import { traceProject } from './trace-project.js';

// `steadfast-trace`: exit 0 with the trace, 2 on bad options or an unreadable project.
try {
  const options = parseTraceOptions(process.argv.slice(2));
  if (!options) {
    process.stdout.write(`${TRACE_USAGE}\n`);
  } else {
    const report = traceProject(options);
    const output =
      options.format === 'json'
        ? `${JSON.stringify(report, null, 2)}\n`
        : options.format === 'dot'
          ? formatTraceDot(report)
          : formatTraceText(report);
    process.stdout.write(output);
  }
} catch (error) {
  if (!(error instanceof SteadfastError)) throw error;
  process.stderr.write(`steadfast-trace: ${error.message}\n`);
  process.exitCode = 2;
}
