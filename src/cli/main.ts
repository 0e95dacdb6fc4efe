#!/usr/bin/env node
// The `cdk8s-golden` command line. The logic lives in check.ts; this file only talks to the process.
import { CliOutcome, EXIT_BAD_INPUT, runCli } from './check';
import { formatInputErrors } from './report';

// A reader that stops early (`| head`) closes the pipe: that is no failure of the check.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') {
    throw error;
  }
});

let outcome: CliOutcome;
try {
  outcome = runCli(process.argv.slice(2));
} catch (e) {
  // runCli never throws; should a stack overflow or out-of-memory escape it, still one line and exit 2.
  const message = `internal error: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`;
  outcome = {
    exitCode: EXIT_BAD_INPUT,
    stdout: process.argv.some((a, i, all) => a === '--format=json' || (a === '--format' && all[i + 1] === 'json')) ? formatInputErrors([message], '') : '',
    stderr: `cdk8s-golden: ${message}\n`,
  };
}
// exitCode, not process.exit(): the process ends once both streams are drained, so a large report
// piped into another program is never cut short.
process.exitCode = outcome.exitCode;
if (outcome.stderr !== '') {
  process.stderr.write(outcome.stderr);
}
if (outcome.stdout !== '') {
  process.stdout.write(outcome.stdout);
}
