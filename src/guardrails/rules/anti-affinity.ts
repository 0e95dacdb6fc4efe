import { RuleId } from '../../conventions/rule-ids';
import { kindOf, objectAt, objectsAt } from '../manifest';
import { REPLICATED_KINDS } from '../pod-template';
import { maximumReplicas } from '../replicas';
import { Rule, scopedRule } from '../rule';
import { matchesLabelSelector } from '../selector';

/** The node label that anti-affinity must spread replicas across. */
const HOSTNAME_KEY = 'kubernetes.io/hostname';

/** Replicas of a workload prefer to run on different nodes. */
export const antiAffinity: Rule = scopedRule({
  id: RuleId.ANTI_AFFINITY,
  severity: 'warning',
  why: 'Without pod anti-affinity every replica may land on the same node, and one node failure takes the whole service down.',
  fix: 'Add a preferred podAntiAffinity term on topologyKey kubernetes.io/hostname whose labelSelector matches the pod\'s selector labels.',
  appliesTo: { podTemplate: true, kinds: [...REPLICATED_KINDS] },
  check: (object, context, template) => {
    if (maximumReplicas(object, context) < 2) {
      return [];
    }
    const antiAffinityRules = objectAt(objectAt(template.spec.affinity).podAntiAffinity);
    const terms = [
      ...objectsAt(antiAffinityRules.requiredDuringSchedulingIgnoredDuringExecution),
      ...objectsAt(antiAffinityRules.preferredDuringSchedulingIgnoredDuringExecution).map((weighted) => objectAt(weighted.podAffinityTerm)),
    ];
    const spreads = terms.some((term) => term.topologyKey === HOSTNAME_KEY && matchesLabelSelector(term.labelSelector, template.labels));
    return spreads
      ? []
      : [`no podAntiAffinity term on ${HOSTNAME_KEY} selects the ${kindOf(object)}'s own pods`];
  },
});
