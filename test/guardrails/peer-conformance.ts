import * as fs from 'fs';
import * as path from 'path';
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

/** One row of the differences table in docs/guardrails.md. */
export interface DocumentedDifference {
  /** Our rule id the row stands next to. */
  readonly rule: string;
  /** The peer: `kube-score` or `Polaris`. */
  readonly peer: string;
  /** The cases named in the row: the peer's file, without `.yaml`. */
  readonly cases: ReadonlyArray<string>;
}

const DOC = path.join(__dirname, '..', '..', 'docs', 'guardrails.md');
const BEGIN = '<!-- peer-differences:begin';
const END = '<!-- peer-differences:end -->';

/** The text of docs/guardrails.md. */
export function guardrailsDoc(): string {
  return fs.readFileSync(DOC, 'utf8');
}

/** The rows of the differences table in docs/guardrails.md. */
export function documentedDifferences(): DocumentedDifference[] {
  const doc = guardrailsDoc();
  const begin = doc.indexOf(BEGIN);
  const end = doc.indexOf(END);
  if (begin < 0 || end < begin) {
    throw new Error(`docs/guardrails.md has no differences table between '${BEGIN}' and '${END}'`);
  }
  return [...doc.slice(begin, end).matchAll(/^\| `([a-z0-9-]+)` \| ([^|]+) \| ([^|]+) \|/gm)].map((m) => ({
    rule: m[1],
    peer: m[2].trim(),
    cases: [...m[3].matchAll(/`([^`]+)`/g)].map((c) => c[1]),
  }));
}

/** How the docs table names a case: its file without `.yaml`. */
export function caseName(outcome: PeerCase): string {
  return outcome.file.replace(/\.yaml$/, '');
}

/**
 * The documentation problems of a peer's differences: a difference the docs table does not state
 * next to one of the rules mapped to its check, or a case the table states that is no difference.
 */
export function undocumented(
  peer: string,
  differences: ReadonlyArray<CaseOutcome>,
  mapping: Readonly<Record<string, ReadonlyArray<string>>>,
): string[] {
  const rows = documentedDifferences().filter((row) => row.peer === peer);
  const missing = differences
    .filter((d) => !rows.some((row) => mapping[d.check].includes(row.rule) && row.cases.includes(caseName(d))))
    .map((d) => `not stated next to ${mapping[d.check].join(' or ')}: ${caseName(d)}`);
  const names = new Set(differences.map(caseName));
  const stale = rows.flatMap((row) => row.cases.filter((name) => !names.has(name)).map((name) => `stated next to ${row.rule} but no difference: ${name}`));
  return [...missing, ...stale];
}
