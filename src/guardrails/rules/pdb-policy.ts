import { describeObject } from '../container-fields';
import { kindOf, objectAt, quote } from '../manifest';
import { REPLICATED_KINDS } from '../pod-template';
import { minimumReplicas } from '../replicas';
import { Rule } from '../rule';

/** A PodDisruptionBudget allows at least one voluntary disruption. */
export const pdbPolicy: Rule = {
  id: 'pdb-policy',
  severity: 'error',
  why: 'A budget that allows no disruption (maxUnavailable 0, minAvailable 100% or >= replicas) blocks every node drain and cluster upgrade.',
  fix: 'Set maxUnavailable: 1 (and no minAvailable).',
  check: (object, context) => {
    if (kindOf(object) !== 'PodDisruptionBudget') {
      return [];
    }
    const spec = objectAt(object.spec);
    const hasMin = spec.minAvailable !== undefined && spec.minAvailable !== null;
    const hasMax = spec.maxUnavailable !== undefined && spec.maxUnavailable !== null;
    if (hasMin && hasMax) {
      return ['both minAvailable and maxUnavailable are set; set only maxUnavailable'];
    }
    if (!hasMin && !hasMax) {
      return ['neither minAvailable nor maxUnavailable is set'];
    }
    if (hasMax) {
      return isZero(spec.maxUnavailable) ? [`maxUnavailable is ${quote(spec.maxUnavailable)}, which allows no disruption`] : [];
    }
    const min = spec.minAvailable;
    if (typeof min === 'string' && /^\s*100(\.0*)?%\s*$/.test(min)) {
      return [`minAvailable is ${quote(min)}, which allows no disruption`];
    }
    if (typeof min !== 'number') {
      return [];
    }
    const messages: string[] = [];
    for (const template of context.podTemplatesSelectedBy(context.namespaceOf(object), spec.selector)) {
      const owner = template.owner;
      if (REPLICATED_KINDS.has(kindOf(owner))) {
        const replicas = minimumReplicas(owner, context);
        if (min >= replicas) {
          messages.push(`minAvailable is ${min}, but ${describeObject(owner)} runs ${replicas} replica${replicas === 1 ? '' : 's'}: no pod can be evicted`);
        }
      }
    }
    return messages;
  },
};

function isZero(value: unknown): boolean {
  return value === 0 || (typeof value === 'string' && /^\s*0+(\.0*)?%?\s*$/.test(value));
}
