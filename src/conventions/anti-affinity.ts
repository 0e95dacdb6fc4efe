import * as k8s from 'cdk8s-plus-30/lib/imports/k8s';

/**
 * The anti-affinity opinion: the pods of a workload prefer different nodes (weight 100 on
 * `kubernetes.io/hostname`), so one node loss takes one pod; preferred, not required, so a
 * workload with more pods than nodes is still scheduled (kube-score, kube-linter).
 * @param selectorLabels the labels that select exactly the workload's pods
 */
export function antiAffinity(selectorLabels: Record<string, string>): k8s.Affinity {
  return {
    podAntiAffinity: {
      preferredDuringSchedulingIgnoredDuringExecution: [{
        weight: 100,
        podAffinityTerm: { topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: selectorLabels } },
      }],
    },
  };
}
