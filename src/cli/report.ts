import { DiffFinding } from '../diff/diff';
import { Finding } from '../guardrails/engine';
import { Severity } from '../guardrails/rule';

/** A finding of the command line: the engine's finding and the file of its object. */
export interface FileFinding extends Finding {
  /** The file the object was read from, or `<stdin>`. */
  readonly file: string;
}

/** What one run checked, for the summary line. */
export interface CheckSummary {
  /** How many files were read (standard input counts as one). */
  readonly files: number;
  /** How many Kubernetes objects were checked. */
  readonly objects: number;
}

/**
 * The findings as one JSON array, each `{ rule, severity, kind, name, namespace, file, message,
 * why, fix }`, in the engine's order: by object in input order, then by rule.
 */
export function formatJson(findings: ReadonlyArray<FileFinding>): string {
  return `${JSON.stringify(findings.map((f) => jsonEntry(f)), null, 2)}\n`;
}

/** The fields of a JSON entry every command shares, in their order, with a command's own fields before the message. */
function jsonEntry(f: FileFinding, own: object = {}): object {
  return {
    rule: f.rule,
    severity: f.severity,
    kind: f.kind,
    name: f.name,
    namespace: f.namespace,
    file: f.file,
    ...own,
    message: f.message,
    why: f.why,
    fix: f.fix,
  };
}

/** The rule id of the JSON entries that say the input could not be checked (exit 2). */
export const INPUT_ERROR_RULE = 'input';

/**
 * The problems that stopped a check (exit 2) as one JSON array of findings, so that a JSON reader
 * never gets empty output: `{ rule: 'input', severity: 'error', kind: '', name: '', namespace: '',
 * file, message, why, fix }`. `file` is the first file a problem names, else `fallbackFile`.
 */
export function formatInputErrors(problems: ReadonlyArray<string>, fallbackFile: string): string {
  return formatJson(problems.map((message) => ({
    rule: INPUT_ERROR_RULE,
    severity: 'error' as Severity,
    kind: '',
    name: '',
    namespace: '',
    file: fileOf(message) ?? fallbackFile,
    message,
    why: 'Input that cannot be read as Kubernetes reads it cannot be checked; passing it would hide what it holds.',
    fix: 'Fix the input as the message says, or see the limits in docs/guardrails.md.',
  })));
}

/** The file a problem message starts with (`<file> is not valid YAML: ...`, `cannot read <file>: ...`). */
function fileOf(message: string): string | undefined {
  const match = /^cannot read (.+?): |^(.+?) (?:is not valid|is not YAML|is larger than|holds a)/.exec(message);
  return match?.[1] ?? match?.[2];
}

/**
 * The report for people: one block per object with findings (kind and name, namespace, file),
 * each finding with its severity, rule, message and fix; then one summary line.
 */
export function formatHuman(findings: ReadonlyArray<FileFinding>, summary: CheckSummary): string {
  const groups = new Map<string, FileFinding[]>();
  for (const finding of findings) {
    const key = [finding.file, finding.namespace, finding.kind, finding.name].join('\u0000');
    const group = groups.get(key);
    if (group) {
      group.push(finding);
    } else {
      groups.set(key, [finding]);
    }
  }
  const lines: string[] = [];
  for (const group of groups.values()) {
    const first = group[0];
    const namespace = first.namespace === '' ? 'cluster-scoped' : `namespace ${first.namespace}`;
    lines.push(`${first.kind} ${first.name === '' ? '(no name)' : first.name} (${namespace}) in ${first.file}`);
    for (const finding of group) {
      lines.push(`  ${finding.severity.padEnd(7)} ${finding.rule}: ${finding.message}`);
      lines.push(`          fix: ${finding.fix}`);
    }
    lines.push('');
  }
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  lines.push(`${count(errors, 'error')}, ${count(warnings, 'warning')} in ${count(groups.size, 'object')} `
    + `(${count(summary.objects, 'object')} checked in ${count(summary.files, 'file')})`);
  return `${lines.join('\n')}\n`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** A finding of `cdk8s-golden diff`, with the file of its object (NEW's, or OLD's for a removed object). */
export interface DiffFileFinding extends DiffFinding {
  /** The file the object was read from, or `<stdin>`. */
  readonly file: string;
}

/**
 * The findings of `diff` as one JSON array, each `{ rule, severity, kind, name, namespace, file,
 * field, old, new, message, why, fix }`, in rule order.
 */
export function formatDiffJson(findings: ReadonlyArray<DiffFileFinding>): string {
  const entries = findings.map((f) => jsonEntry(f, { field: f.field, old: f.oldValue, new: f.newValue }));
  return `${JSON.stringify(entries, null, 2)}\n`;
}

/**
 * The `diff` report for people: one block per object (as for check), then a summary line with
 * the objects compared.
 */
export function formatDiffHuman(findings: ReadonlyArray<DiffFileFinding>, summary: { readonly old: number; readonly new: number }): string {
  const report = findings.length === 0 ? '' : formatHuman(findings, { files: 0, objects: 0 }).split('\n').slice(0, -2).join('\n') + '\n';
  const objects = new Set(findings.map((f) => [f.file, f.namespace, f.kind, f.name].join('\u0000'))).size;
  return `${report}${count(findings.length, 'error')} in ${count(objects, 'object')} (${count(summary.old, 'object')} in OLD, ${count(summary.new, 'object')} in NEW)\n`;
}
