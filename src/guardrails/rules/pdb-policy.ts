import { RuleId } from '../../conventions/rule-ids';
import { describeObject } from '../container-fields';
import { kindOf, objectAt, quote } from '../manifest';
import { REPLICATED_KINDS } from '../pod-template';
import { minimumReplicas } from '../replicas';
import { Rule, scopedRule } from '../rule';

/** A budget value as the API server reads an IntOrString: a count, a percentage, or neither (refused). */
type Budget = { readonly count: number } | { readonly percent: number } | undefined;

/** Reads an IntOrString as the API server validates it: a non-negative integer or `<digits>%` up to 100%. */
function budgetOf(value: unknown): Budget {
  if (typeof value === 'number') {
    return Number.isInteger(value) && value >= 0 ? { count: value } : undefined;
  }
  if (typeof value === 'string' && /^[0-9]+%$/.test(value)) {
    const percent = Number(value.slice(0, -1));
    return percent <= 100 ? { percent } : undefined;
  }
  return undefined;
}

/**
 * The pods a budget keeps available on a number of replicas, as the disruption controller
 * computes it: a percentage of minAvailable is rounded up.
 */
function keptAvailable(budget: NonNullable<Budget>, replicas: number): number {
  return 'count' in budget ? budget.count : Math.ceil((budget.percent * replicas) / 100);
}

/** A PodDisruptionBudget allows at least one voluntary disruption. */
export const pdbPolicy: Rule = scopedRule({
  id: RuleId.PDB_POLICY,
  severity: 'error',
  why: 'A budget that allows no disruption (maxUnavailable 0, minAvailable 100% or >= replicas) blocks every node drain and cluster upgrade; a value the API server refuses (150%, 1.5%, -1) is never applied.',
  fix: 'Set maxUnavailable: 1 (and no minAvailable).',
  appliesTo: { kinds: ['PodDisruptionBudget'] },
  check: (object, context) => {
    const spec = objectAt(object.spec);
    const hasMin = spec.minAvailable !== undefined && spec.minAvailable !== null;
    const hasMax = spec.maxUnavailable !== undefined && spec.maxUnavailable !== null;
    if (hasMin && hasMax) {
      return ['both minAvailable and maxUnavailable are set; set only maxUnavailable'];
    }
    if (!hasMin && !hasMax) {
      return ['neither minAvailable nor maxUnavailable is set'];
    }
    const field = hasMax ? 'maxUnavailable' : 'minAvailable';
    const budget = budgetOf(spec[field]);
    if (budget === undefined) {
      return [`${field} is ${quote(spec[field])}, which the API server refuses: write a non-negative integer or a percentage from 0% to 100%`];
    }
    if (hasMax) {
      // a percentage of maxUnavailable is rounded up: only 0 and 0% allow no disruption
      return ('count' in budget ? budget.count : budget.percent) === 0 ? [`maxUnavailable is ${quote(spec.maxUnavailable)}, which allows no disruption`] : [];
    }
    if ('percent' in budget && budget.percent === 100) {
      return [`minAvailable is ${quote(spec.minAvailable)}, which allows no disruption`];
    }
    const messages: string[] = [];
    for (const template of context.podTemplatesSelectedBy(context.namespaceOf(object), spec.selector)) {
      const owner = template.owner;
      if (REPLICATED_KINDS.has(kindOf(owner))) {
        const replicas = minimumReplicas(owner, context);
        const kept = keptAvailable(budget, replicas);
        if (kept >= replicas) {
          const of = 'percent' in budget ? ` (${kept} of ${replicas} pods, rounded up)` : '';
          messages.push(`minAvailable is ${quote(spec.minAvailable)}${of}, but ${describeObject(owner)} runs ${replicas} replica${replicas === 1 ? '' : 's'}: no pod can be evicted`);
        }
      }
    }
    return messages;
  },
});
