import { IConstruct } from 'constructs';
import { registerWorkload, secureNamespace, WorkloadNeeds } from './namespace-registry';
import { problem } from '../private/errors';

/**
 * Declares what a workload needs of its namespace's quota: the SecureNamespace of that namespace
 * sizes against every workload's needs, and the workload alone is checked at synth against the
 * quota (a workload that cannot fit even alone is reported at itself, under `resources`).
 * @param needs what the workload needs, read at synth
 */
export function requireQuota(owner: IConstruct, namespace: string | undefined, needs: () => WorkloadNeeds): void {
  registerWorkload(owner, namespace, needs);
  owner.node.addValidation({ validate: () => quotaProblems(owner, namespace, needs()) });
}

/** Whether the workload alone fits the quota of its SecureNamespace, if it has one. */
function quotaProblems(owner: IConstruct, namespace: string | undefined, needs: WorkloadNeeds): string[] {
  const ns = secureNamespace(owner, namespace);
  if (ns === undefined) {
    return [];
  }
  const checks: Array<[string, number, number, string]> = [
    ['cpu requests', needs.pods * needs.cpuRequest, ns.quota.cpuRequests, 'm'],
    ['memory', needs.pods * needs.memory, ns.quota.memory, 'Mi'],
    ['ephemeral-storage requests', needs.pods * needs.ephemeralStorageRequest, ns.quota.ephemeralStorageRequests, 'Mi'],
    ['ephemeral-storage limits', needs.pods * needs.ephemeralStorageLimit, ns.quota.ephemeralStorageLimits, 'Mi'],
    ['pods', needs.pods, ns.quota.pods, ''],
    ...(ns.cpuLimits ? [['cpu limits', needs.pods * needs.cpuLimit, ns.quota.cpuLimits, 'm'] as [string, number, number, string]] : []),
  ];
  return checks.filter(([, need, quota]) => need > quota).map(([what, need, quota, unit]) => problem('resources',
    `needs up to ${need}${unit} of ${what} (${needs.pods} pods at the largest scale and rollout surge), more than the quota of namespace '${namespace}' (${quota}${unit}, set by ${ns.owner.node.path})`,
    `${need}${unit}`, 'lower the resources or replicas, or raise the namespace quota'));
}
