import { HELP, USAGE, parseArgs } from './args';
import { FileFinding, formatHuman, formatJson } from './report';
import { checkEachManifest } from '../guardrails/engine';
import { InputError, PROCESS_IO, SourceIo, expandPaths, readManifests } from '../guardrails/manifest-files';

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
      return { exitCode: EXIT_BAD_INPUT, stdout: '', stderr: `cdk8s-golden: ${invocation.message}\n${USAGE}\nRun 'cdk8s-golden --help' for more.\n` };
    case 'check':
      return check(invocation.paths, invocation.format, io);
  }
}

function check(paths: ReadonlyArray<string>, format: 'human' | 'json', io: SourceIo): CliOutcome {
  let files: string[];
  let sourced;
  try {
    files = expandPaths(paths);
    sourced = readManifests(files, io);
  } catch (e) {
    if (e instanceof InputError) {
      return { exitCode: EXIT_BAD_INPUT, stdout: '', stderr: `cdk8s-golden: ${e.message.split('\n').join('\ncdk8s-golden: ')}\n` };
    }
    throw e;
  }
  const perObject = checkEachManifest(sourced.map((s) => s.manifest));
  const findings: FileFinding[] = [];
  let objects = 0;
  perObject.forEach((objectFindings, i) => {
    const manifest = sourced[i].manifest as any;
    if (manifest && typeof manifest === 'object' && typeof manifest.kind === 'string' && manifest.kind !== '') {
      objects++;
    }
    for (const finding of objectFindings) {
      findings.push({ ...finding, file: sourced[i].file });
    }
  });
  const exitCode = findings.some((f) => f.severity === 'error') ? EXIT_FINDINGS : EXIT_OK;
  const stderr = objects === 0 ? `cdk8s-golden: no Kubernetes object found in ${paths.join(' ')}\n` : '';
  const stdout = format === 'json' ? formatJson(findings) : formatHuman(findings, { files: files.length, objects });
  return { exitCode, stdout, stderr };
}
