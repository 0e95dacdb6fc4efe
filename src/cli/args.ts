/** The output formats of `cdk8s-golden check`. */
export type OutputFormat = 'human' | 'json';

/** What the command line asked for. */
export type Invocation =
  | { readonly command: 'help' }
  | { readonly command: 'check'; readonly format: OutputFormat; readonly paths: ReadonlyArray<string>; readonly allowEmpty: boolean }
  | { readonly command: 'diff'; readonly format: OutputFormat; readonly old: string; readonly new: string; readonly allowEmpty: boolean }
  | { readonly command: 'usage-error'; readonly message: string; readonly format: OutputFormat };

/** The usage lines, printed with every command-line error. */
export const USAGE = 'Usage: cdk8s-golden check [--format human|json] [--allow-empty] PATH...\n'
  + '       cdk8s-golden diff [--format human|json] [--allow-empty] OLD NEW';

/** The text of `--help`. */
export const HELP = `${USAGE}

check runs every cdk8s-golden guardrail rule on Kubernetes manifests and prints the
findings, grouped by object.

diff compares two manifest sets, OLD (what the cluster runs, e.g. the base branch's synth)
and NEW (what is about to be applied, with prune), and refuses what the API server would
reject (rules immutable-*), what deletes data (prune-*) and what leaves traffic without a
ready pod right after the apply (traffic-*). Findings name the object, the field, the old
and the new value, why and how to fix.

Arguments:
  PATH, OLD, NEW    a YAML or JSON file, a folder (searched recursively for *.yaml, *.yml
                    and *.json files), or - for standard input (for one of OLD and NEW).
                    Multi-document YAML, JSON arrays and lists (List, PodList, every *List
                    kind) are read whole. YAML is read as Kubernetes reads it (YAML 1.1:
                    yes/on/y are booleans, << merges maps); duplicate keys are refused, and
                    for diff, one object twice in OLD or in NEW.

Options:
  --format FORMAT   human (default): a report for people, grouped by object;
                    json: one JSON array of findings, each with rule, severity, kind, name,
                    namespace, file, message, why and fix, and for diff also field, old
                    and new (also when the input cannot be read: one entry per problem,
                    with rule "input")
  --allow-empty     accept input without any Kubernetes object, and skip documents
                    that are not one (no kind); without it both are errors (exit 2),
                    so that a check of nothing never passes
  -h, --help        print this help

Exit codes (check and diff):
  0  no finding at error level (warnings may have been printed)
  1  at least one finding at error level
  2  the input could not be read or parsed, holds no Kubernetes object, is over a
     limit (docs/guardrails.md), or the command line is wrong
     (diff: also when OLD or NEW holds one object twice)

A finding is acknowledged on one object with the annotation
  ack.cdk8s-golden.io/<rule-id>: <written reason>
(for diff: on the NEW object, or on the OLD one for an object NEW no longer has).
The check rules are described in docs/guardrails.md, the diff rules in docs/diff.md.
`;

const FORMATS: ReadonlyArray<OutputFormat> = ['human', 'json'];

/** Parses the arguments after the program name. Never throws. */
export function parseArgs(argv: ReadonlyArray<string>): Invocation {
  const end = argv.indexOf('--');
  const options = end < 0 ? argv : argv.slice(0, end);
  if (options.includes('--help') || options.includes('-h')) {
    return { command: 'help' };
  }
  // Errors are printed in the format asked for, when it can be told.
  const asked: OutputFormat = options.includes('--format=json') || options.some((arg, i) => arg === '--format' && options[i + 1] === 'json') ? 'json' : 'human';
  const usageError = (message: string): Invocation => ({ command: 'usage-error', message, format: asked });
  if (argv.length === 0) {
    return usageError('missing command: check or diff');
  }
  const [command, ...rest] = argv;
  if (command !== 'check' && command !== 'diff') {
    return usageError(`unknown command '${command}': the commands are check and diff`);
  }
  let format: OutputFormat = 'human';
  let allowEmpty = false;
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
    } else if (arg === '--allow-empty') {
      allowEmpty = true;
    } else {
      return usageError(`unknown option '${arg}'`);
    }
  }
  if (command === 'diff') {
    if (paths.length !== 2) {
      return usageError(`diff needs two paths, OLD and NEW (each a file, a folder, or -), got ${paths.length}`);
    }
    if (paths[0] === '-' && paths[1] === '-') {
      return usageError('OLD and NEW cannot both be standard input (-)');
    }
    return { command: 'diff', format, old: paths[0], new: paths[1], allowEmpty };
  }
  if (paths.length === 0) {
    return usageError('missing PATH: name at least one file, folder, or - for standard input');
  }
  return { command: 'check', format, paths, allowEmpty };
}
