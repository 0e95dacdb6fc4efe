import { Manifest } from '../../guardrails/manifest';
import { DiffContext, DiffProblem } from '../diff-rule';
import { shown, valueText } from '../field-values';
import { identityOf } from '../manifest-set';

/** The objects on both sides of the given kinds and API group, as [old, new]: kind by kind, each in NEW's order. */
export function pairsOf(context: DiffContext, group: string, kinds: ReadonlyArray<string>): ReadonlyArray<readonly [Manifest, Manifest]> {
  return kinds.flatMap((kind) => context.pairsOfKind(kind)).filter(([, n]) => identityOf(n).startsWith(`${group}\u0000`));
}

/** True when the object is of one of the kinds in that API group (old group names included). */
export function isKind(object: Manifest, group: string, kinds: ReadonlyArray<string>): boolean {
  return kinds.includes(object.kind) && identityOf(object).startsWith(`${group}\u0000`);
}

/**
 * A field of the NEW object whose change the API server refuses:
 * `<field>: <what>, got <old> in OLD and <new> in NEW`.
 */
export function refusedChange(object: Manifest, field: string, oldValue: unknown, newValue: unknown, what: string): DiffProblem {
  return {
    object,
    side: 'new',
    field,
    oldValue: valueText(oldValue),
    newValue: valueText(newValue),
    message: `${field}: ${what}, got ${shown(oldValue)} in OLD and ${shown(newValue)} in NEW`,
  };
}
