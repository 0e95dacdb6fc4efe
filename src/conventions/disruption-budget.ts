import * as k8s from 'cdk8s-plus-30/lib/imports/k8s';

/**
 * The disruption budget opinion: one PodDisruptionBudget per workload (per track of a canary),
 * one pod down at a time (`maxUnavailable: 1`, which never blocks a drain the way a
 * `minAvailable` equal to the replicas does), and pods that are not ready may always be evicted
 * (`AlwaysAllow`), so a crash-looping pod never blocks a node drain (kube-score, Polaris,
 * kube-linter).
 * @param selectorLabels the labels that select exactly the workload's pods
 */
export function disruptionBudget(selectorLabels: Record<string, string>): k8s.PodDisruptionBudgetSpec {
  return {
    maxUnavailable: k8s.IntOrString.fromNumber(1),
    unhealthyPodEvictionPolicy: 'AlwaysAllow',
    selector: { matchLabels: selectorLabels },
  };
}
