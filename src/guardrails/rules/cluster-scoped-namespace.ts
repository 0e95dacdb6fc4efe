import { RuleId } from '../../conventions/rule-ids';
import { isClusterScoped, objectAt, quote } from '../manifest';
import { Rule } from '../rule';

/** Cluster-scoped objects carry no metadata.namespace. */
export const clusterScopedNamespace: Rule = {
  id: RuleId.CLUSTER_SCOPED_NAMESPACE,
  severity: 'error',
  why: 'A namespace on a cluster-scoped object (cdk8s copies a chart\'s namespace onto every object) makes GitOps tools report it out of sync forever, and some API clients reject it.',
  fix: 'Remove metadata.namespace from the cluster-scoped object (create it outside the namespaced chart).',
  check: (object) => {
    const namespace = objectAt(object.metadata).namespace;
    return isClusterScoped(object) && namespace !== undefined && namespace !== null && namespace !== ''
      ? [`${object.kind} is cluster-scoped but metadata.namespace is ${quote(namespace)}`]
      : [];
  },
};
