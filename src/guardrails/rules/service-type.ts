import { RuleId } from '../../conventions/rule-ids';
import { objectAt } from '../manifest';
import { Rule, scopedRule } from '../rule';

/** Services are ClusterIP: a NodePort never, a LoadBalancer only with a written acknowledgement. */
export const serviceType: Rule = scopedRule({
  id: RuleId.SERVICE_TYPE,
  severity: 'warning',
  why: 'A NodePort Service opens a port on every node of the cluster, outside ingress, TLS and NetworkPolicies; '
    + 'a LoadBalancer reaches the pods from outside the cluster around the Ingress or Gateway.',
  fix: 'Use type ClusterIP behind an Ingress or Gateway; a LoadBalancer needs loadBalancerSourceRanges and an acknowledgement '
    + 'that says why (ServiceType.loadBalancer({ sourceRanges, reason }) writes both).',
  appliesTo: { kinds: ['Service'], group: '' },
  check: (object) => {
    const spec = objectAt(object.spec);
    if (spec.type === 'NodePort') {
      return ['spec.type is \'NodePort\', expected \'ClusterIP\''];
    }
    if (spec.type === 'LoadBalancer') {
      const ranges = spec.loadBalancerSourceRanges;
      const open = !Array.isArray(ranges) || ranges.length === 0 ? ' and no loadBalancerSourceRanges (every address may connect)' : '';
      return [`spec.type is 'LoadBalancer'${open}, expected 'ClusterIP' or an acknowledged load balancer`];
    }
    return [];
  },
});
