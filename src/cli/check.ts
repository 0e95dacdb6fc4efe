import { HELP, OutputFormat, USAGE, parseArgs } from './args';
import { runDiff } from './diff';
import { FileFinding, formatHuman, formatInputErrors, formatJson } from './report';
import { checkEachManifest } from '../guardrails/engine';
import { InputError, PROCESS_IO, STDIN_NAME, SourceIo, SourcedManifest, expandPaths, readManifests } from '../guardrails/manifest-files';

/** The exit codes of the command line. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_BAD_INPUT = 2;

/** What a run prints and how it exits; main.ts writes it out. */
export interface CliOutcome {
  /** The exit code: 0 no error-level finding, 1 some, 2 bad input or command line. */
  readonly exitCode: number;
  /** What goes to standard output. */
  readonly stdout: string;
  /** What goes to standard error. */
  readonly stderr: string;
}

/** Runs the command line on its arguments (without `node` and the script). Never throws. */
export function runCli(argv: ReadonlyArray<string>, io: SourceIo = PROCESS_IO): CliOutcome {
  const invocation = parseArgs(argv);
  switch (invocation.command) {
    case 'help':
      return { exitCode: EXIT_OK, stdout: HELP, stderr: '' };
    case 'usage-error':
      return {
        exitCode: EXIT_BAD_INPUT,
        stdout: invocation.format === 'json' ? formatInputErrors([invocation.message], '') : '',
        stderr: `cdk8s-golden: ${invocation.message}\n${USAGE}\nRun 'cdk8s-golden --help' for more.\n`,
      };
    case 'check':
    case 'diff':
      try {
        return invocation.command === 'check'
          ? check(invocation.paths, invocation.format, invocation.allowEmpty, io)
          : runDiff(invocation.old, invocation.new, invocation.format, invocation.allowEmpty, io);
      } catch (e) {
        // A bug, or an input that broke something the limits did not foresee: one line, no stack trace.
        const names = inputNames(invocation.command === 'check' ? invocation.paths : [invocation.old, invocation.new]);
        return failure([`internal error while ${invocation.command === 'check' ? 'checking' : 'comparing'} ${names}: ${oneLine(e)}`], invocation.format, names);
      }
  }
}

/** The input of a command: what it read, or the outcome (exit 2) when it could not be read. */
export type ReadInput = { readonly files: string[]; readonly sourced: SourcedManifest[] } | { readonly failed: CliOutcome };

/**
 * Reads the paths as every command does: expanded, read and parsed within the input limits
 * (manifest-files.ts). An InputError becomes exit 2, printed in the format asked for.
 */
export function readInput(paths: ReadonlyArray<string>, format: OutputFormat, allowEmpty: boolean, io: SourceIo): ReadInput {
  try {
    const files = expandPaths(paths);
    if (files.length === 0 && !allowEmpty) {
      // Folders without any .yaml, .yml or .json file.
      throw new InputError(`no Kubernetes object found in ${inputNames(paths)}; a check of nothing does not pass (pass --allow-empty to accept empty input)`);
    }
    return { files, sourced: readManifests(files, io, { allowEmpty }) };
  } catch (e) {
    if (e instanceof InputError) {
      return { failed: failure(e.message.split('\n'), format, inputNames(paths)) };
    }
    throw e;
  }
}

function check(paths: ReadonlyArray<string>, format: OutputFormat, allowEmpty: boolean, io: SourceIo): CliOutcome {
  const input = readInput(paths, format, allowEmpty, io);
  if ('failed' in input) {
    return input.failed;
  }
  const { files, sourced } = input;
  const perObject = checkEachManifest(sourced.map((s) => s.manifest));
  const findings: FileFinding[] = [];
  perObject.forEach((objectFindings, i) => {
    for (const finding of objectFindings) {
      findings.push({ ...finding, file: sourced[i].file });
    }
  });
  const exitCode = findings.some((f) => f.severity === 'error') ? EXIT_FINDINGS : EXIT_OK;
  const stderr = sourced.length === 0 ? `cdk8s-golden: no Kubernetes object found in ${inputNames(paths)} (accepted: --allow-empty)\n` : '';
  const stdout = format === 'json' ? formatJson(findings) : formatHuman(findings, { files: files.length, objects: sourced.length });
  return { exitCode, stdout, stderr };
}

/** Exit 2: each problem on one line of standard error, and as JSON entries with `--format json`. */
export function failure(problems: ReadonlyArray<string>, format: OutputFormat, file: string): CliOutcome {
  return {
    exitCode: EXIT_BAD_INPUT,
    stdout: format === 'json' ? formatInputErrors(problems, file) : '',
    stderr: problems.map((p) => `cdk8s-golden: ${p}\n`).join(''),
  };
}

/** The paths of the command line as messages name them. */
export function inputNames(paths: ReadonlyArray<string>): string {
  return paths.map((p) => (p === '-' ? STDIN_NAME : p)).join(' ');
}

function oneLine(e: unknown): string {
  const message = e instanceof Error ? `${e.name === 'Error' ? '' : `${e.name}: `}${e.message}` : String(e);
  return message.split('\n')[0];
}
