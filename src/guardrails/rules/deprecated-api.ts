import { RuleId } from '../../conventions/rule-ids';
import { kindOf } from '../manifest';
import { Rule } from '../rule';

/**
 * API versions removed or deprecated by Kubernetes v1.30, by apiVersion, with what replaces them
 * ('*' applies to every kind of that apiVersion).
 */
const DEPRECATED: ReadonlyMap<string, ReadonlyMap<string, string>> = new Map<string, ReadonlyMap<string, string>>([
  ['extensions/v1beta1', new Map([
    ['Ingress', 'networking.k8s.io/v1'], ['Deployment', 'apps/v1'], ['DaemonSet', 'apps/v1'], ['ReplicaSet', 'apps/v1'],
    ['NetworkPolicy', 'networking.k8s.io/v1'], ['PodSecurityPolicy', 'Pod Security admission labels on the Namespace (PodSecurityPolicy was removed)'], ['*', 'a supported API version'],
  ])],
  ['apps/v1beta1', new Map([['*', 'apps/v1']])],
  ['apps/v1beta2', new Map([['*', 'apps/v1']])],
  ['networking.k8s.io/v1beta1', new Map([['*', 'networking.k8s.io/v1']])],
  ['policy/v1beta1', new Map([['PodDisruptionBudget', 'policy/v1'], ['*', 'Pod Security admission labels on the Namespace (PodSecurityPolicy was removed)']])],
  ['batch/v1beta1', new Map([['*', 'batch/v1']])],
  ['batch/v2alpha1', new Map([['*', 'batch/v1']])],
  ['autoscaling/v2beta1', new Map([['*', 'autoscaling/v2']])],
  ['autoscaling/v2beta2', new Map([['*', 'autoscaling/v2']])],
  ['rbac.authorization.k8s.io/v1beta1', new Map([['*', 'rbac.authorization.k8s.io/v1']])],
  ['rbac.authorization.k8s.io/v1alpha1', new Map([['*', 'rbac.authorization.k8s.io/v1']])],
  ['storage.k8s.io/v1beta1', new Map([['*', 'storage.k8s.io/v1']])],
  ['scheduling.k8s.io/v1beta1', new Map([['*', 'scheduling.k8s.io/v1']])],
  ['scheduling.k8s.io/v1alpha1', new Map([['*', 'scheduling.k8s.io/v1']])],
  ['coordination.k8s.io/v1beta1', new Map([['*', 'coordination.k8s.io/v1']])],
  ['certificates.k8s.io/v1beta1', new Map([['*', 'certificates.k8s.io/v1']])],
  ['events.k8s.io/v1beta1', new Map([['*', 'events.k8s.io/v1']])],
  ['discovery.k8s.io/v1beta1', new Map([['*', 'discovery.k8s.io/v1']])],
  ['node.k8s.io/v1beta1', new Map([['*', 'node.k8s.io/v1']])],
  ['node.k8s.io/v1alpha1', new Map([['*', 'node.k8s.io/v1']])],
  ['apiextensions.k8s.io/v1beta1', new Map([['*', 'apiextensions.k8s.io/v1']])],
  ['admissionregistration.k8s.io/v1beta1', new Map([['*', 'admissionregistration.k8s.io/v1']])],
  ['apiregistration.k8s.io/v1beta1', new Map([['*', 'apiregistration.k8s.io/v1']])],
  ['authentication.k8s.io/v1beta1', new Map([['*', 'authentication.k8s.io/v1']])],
  ['authorization.k8s.io/v1beta1', new Map([['*', 'authorization.k8s.io/v1']])],
  ['flowcontrol.apiserver.k8s.io/v1beta1', new Map([['*', 'flowcontrol.apiserver.k8s.io/v1']])],
  ['flowcontrol.apiserver.k8s.io/v1beta2', new Map([['*', 'flowcontrol.apiserver.k8s.io/v1']])],
  ['flowcontrol.apiserver.k8s.io/v1beta3', new Map([['*', 'flowcontrol.apiserver.k8s.io/v1']])],
]);

/** No object uses an API version removed or deprecated by Kubernetes v1.30. */
export const deprecatedApi: Rule = {
  id: RuleId.DEPRECATED_API,
  severity: 'error',
  why: 'An API version removed by Kubernetes v1.30 is rejected by the API server; a deprecated one breaks at the next upgrade.',
  fix: 'Use the stable API version of the kind.',
  check: (object) => {
    const byKind = typeof object.apiVersion === 'string' ? DEPRECATED.get(object.apiVersion) : undefined;
    if (!byKind) {
      return [];
    }
    const replacement = byKind.get(kindOf(object)) ?? byKind.get('*');
    return [`apiVersion ${object.apiVersion} of ${kindOf(object)} is removed or deprecated by Kubernetes v1.30; use ${replacement}`];
  },
};
