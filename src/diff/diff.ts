import { ClusterState, EMPTY_CLUSTER, apply, settle } from './cluster-model';
import { DiffContext, DiffRule } from './diff-rule';
import { ManifestSet, identityOf } from './manifest-set';
import { DIFF_RULES } from './rules';
import { acknowledgementsOf, isWrittenReason } from '../guardrails/acknowledgement';
import { ACK_REASON_RULE, Finding } from '../guardrails/engine';
import { Manifest, kindOf, nameOf, namespaceOf } from '../guardrails/manifest';

/** One finding of `cdk8s-golden diff`: a guardrail finding, plus the field and its two values. */
export interface DiffFinding extends Finding {
  /** The field, e.g. `spec.selector`; '' for a whole object. */
  readonly field: string;
  /** The field's value in OLD, as text ('' when absent). */
  readonly oldValue: string;
  /** The field's value in NEW, as text ('' when absent). */
  readonly newValue: string;
  /** Which side the object was read from: NEW, or OLD for an object NEW no longer has. */
  readonly side: 'old' | 'new';
  /** The object's position in that side's input (for the file it came from). */
  readonly position: number;
}

/** The rule ids of `cdk8s-golden diff` start with one of these. */
export const DIFF_RULE_PREFIXES: ReadonlyArray<string> = ['immutable-', 'prune-', 'traffic-'];

/** The prefix of the message of a rule that failed on a value of an unexpected type. */
const COULD_NOT_CHECK = 'the rule could not check this change';

/**
 * Compares two manifest sets as a cluster would see NEW applied over OLD with prune, and returns
 * what every diff rule finds, in rule order. An object's identity is its API group, kind,
 * namespace and name. A finding on an object is acknowledged by `ack.cdk8s-golden.io/<rule>:
 * <reason>` on the NEW object, or, for an object NEW no longer has, on the OLD one; an
 * acknowledgement of a diff rule without a written reason is itself a finding (`ack-reason`).
 */
export function diffManifests(old: ManifestSet, next: ManifestSet, rules: ReadonlyArray<DiffRule> = DIFF_RULES): DiffFinding[] {
  const pairs: Array<readonly [Manifest, Manifest]> = [];
  const byKind = new Map<string, Array<readonly [Manifest, Manifest]>>();
  for (const object of next.objects) {
    const before = old.get(identityOf(object));
    if (before !== undefined) {
      const pair = [before, object] as const;
      pairs.push(pair);
      const list = byKind.get(kindOf(object));
      if (list) {
        list.push(pair);
      } else {
        byKind.set(kindOf(object), [pair]);
      }
    }
  }
  const removed = old.objects.filter((object) => next.get(identityOf(object)) === undefined);
  let oldSettled: ClusterState | undefined;
  let newApplied: ClusterState | undefined;
  let newSettled: ClusterState | undefined;
  const context: DiffContext = {
    old,
    new: next,
    pairs,
    pairsOfKind: (kind) => byKind.get(kind) ?? [],
    removed,
    oldSettled: () => (oldSettled ??= settle(apply(EMPTY_CLUSTER, old.objects))),
    newApplied: () => (newApplied ??= apply(context.oldSettled(), next.objects)),
    newSettled: () => (newSettled ??= settle(context.newApplied())),
  };
  const findings: DiffFinding[] = [];
  const base = (object: Manifest, side: 'old' | 'new') => ({
    kind: kindOf(object),
    name: nameOf(object),
    namespace: namespaceOf(object),
    side,
    position: (side === 'new' ? next : old).positionOf(object),
  });
  // Acknowledgements of diff rules without a reason, on the objects that can carry one.
  for (const [side, objects] of [['new', next.objects], ['old', removed]] as const) {
    for (const object of objects) {
      for (const [rule, reason] of acknowledgementsOf(object)) {
        if (DIFF_RULE_PREFIXES.some((p) => rule.startsWith(p)) && !isWrittenReason(reason)) {
          findings.push({
            ...base(object, side),
            rule: ACK_REASON_RULE.id,
            severity: 'error',
            field: `metadata.annotations.ack.cdk8s-golden.io/${rule}`,
            oldValue: '',
            newValue: reason,
            message: `acknowledgement of ${rule} has no written reason`,
            why: ACK_REASON_RULE.why,
            fix: ACK_REASON_RULE.fix,
          });
        }
      }
    }
  }
  for (const rule of rules) {
    let problems;
    try {
      problems = rule.check(context);
    } catch (e) {
      // A value of an unexpected type: reported, never a pass.
      const reason = e instanceof Error ? `${e.name}: ${e.message.split('\n')[0]}` : String(e);
      findings.push({
        kind: '',
        name: '',
        namespace: '',
        side: 'new',
        position: -1,
        rule: rule.id,
        severity: 'error',
        field: '',
        oldValue: '',
        newValue: '',
        message: `${COULD_NOT_CHECK} (${reason}); a field holds a value of an unexpected type`,
        why: rule.why,
        fix: rule.fix,
      });
      continue;
    }
    for (const problem of problems) {
      const reason = acknowledgementsOf(problem.object).get(rule.id);
      if (reason !== undefined && isWrittenReason(reason)) {
        continue;
      }
      findings.push({
        ...base(problem.object, problem.side),
        rule: rule.id,
        severity: 'error',
        field: problem.field,
        oldValue: problem.oldValue,
        newValue: problem.newValue,
        message: problem.message,
        why: rule.why,
        fix: rule.fix,
      });
    }
  }
  return findings;
}
