#!/usr/bin/env node
// The `steadfast-publicize` bin: a thin edge around runPublicizeCli, which holds the logic.
import { runPublicizeCli } from './publicize-cli.js';

process.exitCode = runPublicizeCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
});
