#!/usr/bin/env node
// The `cdk8s-golden` command line. The logic lives in check.ts; this file only talks to the process.
import { runCli } from './check';

// A reader that stops early (`| head`) closes the pipe: that is no failure of the check.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') {
    throw error;
  }
});

const outcome = runCli(process.argv.slice(2));
// exitCode, not process.exit(): the process ends once both streams are drained, so a large report
// piped into another program is never cut short.
process.exitCode = outcome.exitCode;
if (outcome.stderr !== '') {
  process.stderr.write(outcome.stderr);
}
if (outcome.stdout !== '') {
  process.stdout.write(outcome.stdout);
}
