import { RuleId } from '../../conventions/rule-ids';
import { Manifest, arrayAt, objectAt } from '../manifest';
import { Rule, scopedRule } from '../rule';

/** The policy types a NetworkPolicy applies, with the API's defaulting. */
export function policyTypesOf(policy: Manifest): ReadonlyArray<string> {
  const spec = objectAt(policy.spec);
  const types = arrayAt(spec.policyTypes);
  if (types.length > 0) {
    return types.map(String);
  }
  return spec.egress !== undefined ? ['Ingress', 'Egress'] : ['Ingress'];
}

/** Every pod is selected by NetworkPolicies for both ingress and egress. */
export const netpolCoversPod: Rule = scopedRule({
  id: RuleId.NETPOL_COVERS_POD,
  severity: 'warning',
  why: 'A pod no NetworkPolicy selects accepts connections from, and opens connections to, anything in the cluster.',
  fix: 'Add NetworkPolicies that select the pod for Ingress and for Egress (a default-deny plus allow rules, with DNS egress allowed).',
  appliesTo: { podTemplate: true },
  check: (_object, context, template) => {
    const covered = new Set<string>();
    for (const policy of context.objectsSelecting('NetworkPolicy', template)) {
      policyTypesOf(policy).forEach((type) => covered.add(type));
    }
    const missing = ['Ingress', 'Egress'].filter((type) => !covered.has(type));
    return missing.length === 0 ? [] : [`no NetworkPolicy selects the pods for ${missing.join(' and ')}`];
  },
});
