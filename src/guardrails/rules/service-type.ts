import { isCoreKind, objectAt } from '../manifest';
import { Rule } from '../rule';

/** Services are not NodePorts. */
export const serviceType: Rule = {
  id: 'service-type',
  severity: 'warning',
  why: 'A NodePort Service opens a port on every node of the cluster, outside ingress, TLS and NetworkPolicies.',
  fix: 'Use type ClusterIP behind an Ingress or Gateway (LoadBalancer only as an explicit opt-in).',
  check: (object) => (isCoreKind(object, 'Service') && objectAt(object.spec).type === 'NodePort'
    ? ['spec.type is \'NodePort\', expected \'ClusterIP\'']
    : []),
};
