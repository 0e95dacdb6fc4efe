import { kindOf, objectAt } from '../manifest';
import { Rule } from '../rule';

/** A PodDisruptionBudget says how unhealthy pods are evicted. */
export const pdbEviction: Rule = {
  id: 'pdb-eviction',
  severity: 'warning',
  why: 'With the default policy, pods that never became ready still count against the budget and block node drains.',
  fix: 'Set spec.unhealthyPodEvictionPolicy: AlwaysAllow.',
  check: (object) => {
    if (kindOf(object) !== 'PodDisruptionBudget') {
      return [];
    }
    const policy = objectAt(object.spec).unhealthyPodEvictionPolicy;
    return policy === undefined || policy === null ? ['spec.unhealthyPodEvictionPolicy is unset, expected AlwaysAllow'] : [];
  },
};
