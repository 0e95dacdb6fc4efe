import * as k8s from 'cdk8s-plus-30/lib/imports/k8s';

/** The topologies the pods of a workload spread over, widest first. */
export const SPREAD_TOPOLOGY_KEYS: ReadonlyArray<string> = ['topology.kubernetes.io/zone', 'kubernetes.io/hostname'];

/**
 * The topology spread opinion: the pods of a workload spread over zones and nodes, at most one
 * pod of difference, and are still scheduled when that cannot hold (`ScheduleAnyway`), so a
 * small cluster never leaves pods pending (Polaris, kube-score).
 * @param selectorLabels the labels that select exactly the workload's pods
 */
export function topologySpread(selectorLabels: Record<string, string>): k8s.TopologySpreadConstraint[] {
  return SPREAD_TOPOLOGY_KEYS.map((topologyKey) => ({
    maxSkew: 1,
    topologyKey,
    whenUnsatisfiable: 'ScheduleAnyway',
    labelSelector: { matchLabels: selectorLabels },
  }));
}
