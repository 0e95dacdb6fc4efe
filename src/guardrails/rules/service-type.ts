import { RuleId } from '../../conventions/rule-ids';
import { objectAt } from '../manifest';
import { Rule, scopedRule } from '../rule';

/** Services are not NodePorts. */
export const serviceType: Rule = scopedRule({
  id: RuleId.SERVICE_TYPE,
  severity: 'warning',
  why: 'A NodePort Service opens a port on every node of the cluster, outside ingress, TLS and NetworkPolicies.',
  fix: 'Use type ClusterIP behind an Ingress or Gateway (LoadBalancer only as an explicit opt-in).',
  appliesTo: { kinds: ['Service'], group: '' },
  check: (object) => (objectAt(object.spec).type === 'NodePort'
    ? ['spec.type is \'NodePort\', expected \'ClusterIP\'']
    : []),
});
