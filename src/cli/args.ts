/** The output formats of `cdk8s-golden check`. */
export type OutputFormat = 'human' | 'json';

/** What the command line asked for. */
export type Invocation =
  | { readonly command: 'help' }
  | { readonly command: 'check'; readonly format: OutputFormat; readonly paths: ReadonlyArray<string> }
  | { readonly command: 'usage-error'; readonly message: string };

/** The usage line, printed with every command-line error. */
export const USAGE = 'Usage: cdk8s-golden check [--format human|json] PATH...';

/** The text of `--help`. */
export const HELP = `${USAGE}

Runs every cdk8s-golden guardrail rule on Kubernetes manifests and prints the findings,
grouped by object.

Arguments:
  PATH              a YAML or JSON file, a folder (searched recursively for *.yaml, *.yml
                    and *.json files), or - for standard input. Multi-document YAML, JSON
                    arrays and kind: List objects are read whole.

Options:
  --format FORMAT   human (default): a report for people, grouped by object;
                    json: one JSON array of findings, each with rule, severity, kind, name,
                    namespace, file, message, why and fix
  -h, --help        print this help

Exit codes:
  0  no finding at error level (warnings may have been printed)
  1  at least one finding at error level
  2  the input could not be read or parsed, or the command line is wrong

A finding is acknowledged on one object with the annotation
  ack.cdk8s-golden.io/<rule-id>: <written reason>
Every rule is described in docs/guardrails.md.
`;

const FORMATS: ReadonlyArray<OutputFormat> = ['human', 'json'];

/** Parses the arguments after the program name. Never throws. */
export function parseArgs(argv: ReadonlyArray<string>): Invocation {
  const end = argv.indexOf('--');
  const options = end < 0 ? argv : argv.slice(0, end);
  if (options.includes('--help') || options.includes('-h')) {
    return { command: 'help' };
  }
  if (argv.length === 0) {
    return usageError('missing command: the only command is check');
  }
  const [command, ...rest] = argv;
  if (command !== 'check') {
    return usageError(`unknown command '${command}': the only command is check`);
  }
  let format: OutputFormat = 'human';
  const paths: string[] = [];
  let optionsEnded = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (optionsEnded || arg === '-' || !arg.startsWith('-')) {
      paths.push(arg);
    } else if (arg === '--') {
      optionsEnded = true;
    } else if (arg === '--format' || arg.startsWith('--format=')) {
      const value = arg === '--format' ? rest[++i] : arg.slice('--format='.length);
      if (value === undefined) {
        return usageError('--format needs a value: human or json');
      }
      if (!FORMATS.includes(value as OutputFormat)) {
        return usageError(`unknown format '${value}': use human or json`);
      }
      format = value as OutputFormat;
    } else {
      return usageError(`unknown option '${arg}'`);
    }
  }
  if (paths.length === 0) {
    return usageError('missing PATH: name at least one file, folder, or - for standard input');
  }
  return { command: 'check', format, paths };
}

function usageError(message: string): Invocation {
  return { command: 'usage-error', message };
}
