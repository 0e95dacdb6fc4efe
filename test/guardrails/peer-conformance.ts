import { runCli } from '../../src/cli/check';

/** What a peer tool (or our check) says about one case: the check fails the file, or passes it. */
export type Verdict = 'fail' | 'pass';

/** One case of a peer's own test suite: a file, the peer's check, and the peer's verdict. */
export interface PeerCase {
  /** The file, relative to the peer's fixture folder. */
  readonly file: string;
  /** The peer's check the file is graded for. */
  readonly check: string;
  /** The peer's verdict: `fail` for a warning or critical grade (kube-score) or a `failure…` file (Polaris). */
  readonly expected: Verdict;
}

/** How one case compares: the peer's verdict and ours, by our rules mapped to the peer's check. */
export interface CaseOutcome extends PeerCase {
  /** Our verdict: `fail` when one of the mapped rules reports something in the file. */
  readonly actual: Verdict;
  /** The mapped rules that reported something in the file. */
  readonly rules: ReadonlyArray<string>;
}

/** The rule ids `cdk8s-golden check --format json FILE` reports, run in-process. */
export function rulesReportedIn(file: string): string[] {
  const outcome = runCli(['check', '--format', 'json', file], { readStdin: () => '' });
  if (outcome.exitCode === 2) {
    throw new Error(`cdk8s-golden check could not read ${file}: ${outcome.stderr}`);
  }
  return (JSON.parse(outcome.stdout) as Array<{ rule: string }>).map((finding) => finding.rule);
}

/**
 * Runs the check on every case's file (once per file) and compares it with the peer's verdict,
 * through the mapping of each peer check to our rule ids. Throws on a check without a mapping.
 */
export function compareWithPeer(
  folder: string,
  cases: ReadonlyArray<PeerCase>,
  mapping: Readonly<Record<string, ReadonlyArray<string>>>,
): CaseOutcome[] {
  const reported = new Map<string, string[]>();
  return cases.map((c) => {
    const rules = mapping[c.check];
    if (rules === undefined) {
      throw new Error(`no rule mapped to the check '${c.check}' (case ${c.file})`);
    }
    let found = reported.get(c.file);
    if (found === undefined) {
      found = rulesReportedIn(`${folder}/${c.file}`);
      reported.set(c.file, found);
    }
    const hits = [...new Set(found.filter((rule) => rules.includes(rule)))];
    return { ...c, actual: hits.length > 0 ? 'fail' : 'pass', rules: hits };
  });
}

/** A difference as the known-differences lists write it: `<check> <file>: peer <verdict>, we <verdict>`. */
export function describeDifference(outcome: CaseOutcome): string {
  return `${outcome.check} ${outcome.file}: peer ${outcome.expected}, we ${outcome.actual}`;
}
