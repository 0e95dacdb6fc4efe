import { Finding } from './engine';

/** A finding on an object of the construct tree, named by the object's construct path. */
export interface LocatedFinding {
  /** The construct path of the ApiObject. */
  readonly path: string;
  /** The finding. */
  readonly finding: Finding;
}

/**
 * The one message that fails a synth: a headline, then each finding with the construct path of
 * its object, the rule, what is wrong, why the rule exists and how to fix it. cdk8s puts the
 * protected scope's path in front of it.
 */
export function synthErrorMessage(errors: ReadonlyArray<LocatedFinding>): string {
  const objects = new Set(errors.map((e) => e.path)).size;
  const headline = `guardrails: ${count(errors.length, 'finding')} at error level in ${count(objects, 'object')}; `
    + 'fix each one as below, or acknowledge it with Guardrails.acknowledge(object, ruleId, reason)';
  return [headline, ...errors.map(describe)].join('\n');
}

/** The warnings of one synth, to print: they never fail it. */
export function synthWarningMessage(scopePath: string, warnings: ReadonlyArray<LocatedFinding>): string {
  const scope = scopePath === '' ? 'the app' : scopePath;
  const headline = `cdk8s-golden guardrails: ${count(warnings.length, 'warning')} in ${scope} (warnings do not fail the synth)`;
  return [headline, ...warnings.map(describe)].join('\n') + '\n';
}

function describe({ path, finding }: LocatedFinding): string {
  return [
    `  - [${path}] ${finding.rule} (${finding.kind} ${finding.name}): ${finding.message}`,
    `      why: ${finding.why}`,
    `      fix: ${finding.fix}`,
  ].join('\n');
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
