import { RuleId } from '../../conventions/rule-ids';
import { objectAt } from '../manifest';
import { Rule, scopedRule } from '../rule';

/** A PodDisruptionBudget says how unhealthy pods are evicted. */
export const pdbEviction: Rule = scopedRule({
  id: RuleId.PDB_EVICTION,
  severity: 'warning',
  why: 'With the default policy, pods that never became ready still count against the budget and block node drains.',
  fix: 'Set spec.unhealthyPodEvictionPolicy: AlwaysAllow.',
  appliesTo: { kinds: ['PodDisruptionBudget'] },
  check: (object) => {
    const policy = objectAt(object.spec).unhealthyPodEvictionPolicy;
    return policy === undefined || policy === null ? ['spec.unhealthyPodEvictionPolicy is unset, expected AlwaysAllow'] : [];
  },
});
