import * as fs from 'fs';
import * as path from 'path';
import { sharedFixtures } from './helpers';
import { CaseOutcome, PeerCase, compareWithPeer, describeDifference, guardrailsDoc, undocumented } from './peer-conformance';

// Polaris's per-check fixtures (FairwindsOps/polaris, test/checks/<check>/ at a pinned commit,
// Apache-2.0), read where they lie. Polaris's convention is the verdict: a file named `failure…`
// must fail its folder's check, any other must pass it. No code of Polaris is used.
const FOLDER = path.join(sharedFixtures('polaris'), 'testdata');

/** Polaris's default checks, each with the rules of ours that answer the same question. */
const MAPPING: Readonly<Record<string, ReadonlyArray<string>>> = {
  automountServiceAccountToken: ['sa-token'],
  clusterrolebindingClusterAdmin: ['rbac-cluster-admin', 'rbac-wildcard'],
  clusterrolebindingPodExecAttach: ['rbac-wildcard'],
  clusterrolePodExecAttach: ['rbac-wildcard'],
  cpuLimitsMissing: ['cpu-limit'],
  cpuRequestsMissing: ['cpu-request'],
  dangerousCapabilities: ['pss-capabilities-baseline'],
  deploymentMissingReplicas: ['replicas'],
  hostIPCSet: ['pss-host-namespaces'],
  hostNetworkSet: ['pss-host-namespaces'],
  hostPIDSet: ['pss-host-namespaces'],
  hostPathSet: ['pss-host-path-volumes'],
  hostPortSet: ['pss-host-ports'],
  hostProcess: ['pss-windows-host-process'],
  hpaMaxAvailability: ['hpa-min'],
  hpaMinAvailability: ['hpa-min'],
  insecureCapabilities: ['pss-capabilities-restricted'],
  linuxHardening: ['pss-seccomp-baseline', 'pss-seccomp-restricted', 'pss-capabilities-restricted', 'pss-apparmor', 'pss-selinux'],
  livenessProbeMissing: ['liveness-probe'],
  memoryLimitsMissing: ['memory-limit'],
  memoryRequestsMissing: ['memory-request'],
  metadataAndInstanceMismatched: ['instance-label'],
  missingNetworkPolicy: ['netpol-covers-pod'],
  missingPodDisruptionBudget: ['pdb'],
  notReadOnlyRootFilesystem: ['read-only-root'],
  pdbDisruptionsIsZero: ['pdb-policy'],
  pdbMinAvailableGreaterThanHPAMinReplicas: ['pdb-policy'],
  privilegeEscalationAllowed: ['pss-allow-privilege-escalation'],
  procMount: ['pss-proc-mount'],
  pullPolicyNotAlways: ['pull-policy'],
  readinessProbeMissing: ['readiness-probe'],
  rolePodExecAttach: ['rbac-wildcard'],
  rolebindingClusterAdminClusterRole: ['rbac-cluster-admin', 'rbac-wildcard'],
  rolebindingClusterAdminRole: ['rbac-cluster-admin', 'rbac-wildcard'],
  rolebindingClusterRolePodExecAttach: ['rbac-wildcard'],
  rolebindingRolePodExecAttach: ['rbac-wildcard'],
  runAsPrivileged: ['pss-privileged'],
  runAsRootAllowed: ['pss-run-as-non-root'],
  sensitiveContainerEnvVar: ['env-secret'],
  tagNotSpecified: ['image-tag'],
  tlsSettingsMissing: ['ingress-tls'],
  topologySpreadConstraint: ['topology-spread'],
};

/** Every fixture file, as a case of its folder's check, with the verdict its name gives. */
function cases(): PeerCase[] {
  return fs.readdirSync(FOLDER).sort().flatMap((check) => fs.readdirSync(path.join(FOLDER, check)).sort()
    .filter((file) => file.endsWith('.yaml'))
    .map((file): PeerCase => ({ file: `${check}/${file}`, check, expected: file.startsWith('failure') ? 'fail' : 'pass' })));
}

/**
 * Every case where we knowingly disagree with Polaris. Each one is explained next to its rule in
 * docs/guardrails.md ("Compared with kube-score and Polaris"). A difference that appears or
 * disappears fails the test below, so this list and the docs stay true.
 */
const KNOWN_DIFFERENCES: ReadonlyArray<string> = [
  'clusterrolePodExecAttach clusterrolePodExecAttach/success.defaultclusterrole_admin.yaml: peer pass, we fail',
  'clusterrolePodExecAttach clusterrolePodExecAttach/success.defaultclusterrole_clusteradmin.yaml: peer pass, we fail',
  'clusterrolePodExecAttach clusterrolePodExecAttach/success.gce_calico_clusterrole.yaml: peer pass, we fail',
  'clusterrolePodExecAttach clusterrolePodExecAttach/success.system_prefix.yaml: peer pass, we fail',
  'clusterrolebindingClusterAdmin clusterrolebindingClusterAdmin/success.explicit_apigroups.yaml: peer pass, we fail',
  'clusterrolebindingClusterAdmin clusterrolebindingClusterAdmin/success.explicit_resources.yaml: peer pass, we fail',
  'clusterrolebindingClusterAdmin clusterrolebindingClusterAdmin/success.explicit_verbs.yaml: peer pass, we fail',
  'clusterrolebindingClusterAdmin clusterrolebindingClusterAdmin/success.gce_calico_binding.yaml: peer pass, we fail',
  'clusterrolebindingClusterAdmin clusterrolebindingClusterAdmin/success.system_prefix_binding.yaml: peer pass, we fail',
  'clusterrolebindingPodExecAttach clusterrolebindingPodExecAttach/failure.binding_points_to_missing_ref.yaml: peer fail, we pass',
  'clusterrolebindingPodExecAttach clusterrolebindingPodExecAttach/success.defaultclusterrolebinding_clusteradmin.yaml: peer pass, we fail',
  'clusterrolebindingPodExecAttach clusterrolebindingPodExecAttach/success.defaultclusterrolebinding_system-controller-generic-garbage-collector.yaml: peer pass, we fail',
  'clusterrolebindingPodExecAttach clusterrolebindingPodExecAttach/success.gce_calico_binding.yaml: peer pass, we fail',
  'clusterrolebindingPodExecAttach clusterrolebindingPodExecAttach/success.system_prefix_binding.yaml: peer pass, we fail',
  'hpaMaxAvailability hpaMaxAvailability/success.minAvailabilityAbsent.yaml: peer pass, we fail',
  'hpaMinAvailability hpaMinAvailability/success.minReplicaAbsent.yaml: peer pass, we fail',
  'insecureCapabilities insecureCapabilities/success.all.yaml: peer pass, we fail',
  'insecureCapabilities insecureCapabilities/success.case.yaml: peer pass, we fail',
  'insecureCapabilities insecureCapabilities/success.pod.yaml: peer pass, we fail',
  'insecureCapabilities insecureCapabilities/success.yaml: peer pass, we fail',
  'linuxHardening linuxHardening/success.apparmor_2_containers.yaml: peer pass, we fail',
  'linuxHardening linuxHardening/success.drop_capabilities.yaml: peer pass, we fail',
  'linuxHardening linuxHardening/success.seccomp_profile_container.yaml: peer pass, we fail',
  'linuxHardening linuxHardening/success.seccomp_profile_pod.yaml: peer pass, we fail',
  'linuxHardening linuxHardening/success.seccomp_profile_unconfined_for_pod_but_set_for_container.yaml: peer pass, we fail',
  'linuxHardening linuxHardening/success.selinux_container.yaml: peer pass, we fail',
  'linuxHardening linuxHardening/success.selinux_pod.yaml: peer pass, we fail',
  'missingNetworkPolicy missingNetworkPolicy/failure.netpol_missing_egress_rules.yaml: peer fail, we pass',
  'missingNetworkPolicy missingNetworkPolicy/failure.netpol_missing_ingress_rules.yaml: peer fail, we pass',
  'missingPodDisruptionBudget missingPodDisruptionBudget/failure-bad-ns.yaml: peer fail, we pass',
  'missingPodDisruptionBudget missingPodDisruptionBudget/failure.bad-name.yaml: peer fail, we pass',
  'missingPodDisruptionBudget missingPodDisruptionBudget/failure.empty-labels.yaml: peer fail, we pass',
  'missingPodDisruptionBudget missingPodDisruptionBudget/failure.no-labels.yaml: peer fail, we pass',
  'missingPodDisruptionBudget missingPodDisruptionBudget/failure.no-metadata.yaml: peer fail, we pass',
  'missingPodDisruptionBudget missingPodDisruptionBudget/failure.wrong-place.yaml: peer fail, we pass',
  'missingPodDisruptionBudget missingPodDisruptionBudget/failure.yaml: peer fail, we pass',
  'pdbDisruptionsIsZero pdbDisruptionsIsZero/success.both.yaml: peer pass, we fail',
  'pdbDisruptionsIsZero pdbDisruptionsIsZero/success.none.yaml: peer pass, we fail',
  'pdbMinAvailableGreaterThanHPAMinReplicas pdbMinAvailableGreaterThanHPAMinReplicas/success.equals.yaml: peer pass, we fail',
  'pdbMinAvailableGreaterThanHPAMinReplicas pdbMinAvailableGreaterThanHPAMinReplicas/success.hpa-no-match.yaml: peer pass, we fail',
  'pdbMinAvailableGreaterThanHPAMinReplicas pdbMinAvailableGreaterThanHPAMinReplicas/success.no-hpa.yaml: peer pass, we fail',
  'pdbMinAvailableGreaterThanHPAMinReplicas pdbMinAvailableGreaterThanHPAMinReplicas/success.no-min-replicas.yaml: peer pass, we fail',
  'pullPolicyNotAlways pullPolicyNotAlways/failure.cron-job.yaml: peer fail, we pass',
  'pullPolicyNotAlways pullPolicyNotAlways/failure.yaml: peer fail, we pass',
  'readinessProbeMissing readinessProbeMissing/failure.yaml: peer fail, we pass',
  'rolePodExecAttach rolePodExecAttach/success.gce_calico_binding.yaml: peer pass, we fail',
  'rolePodExecAttach rolePodExecAttach/success.system_prefix_binding.yaml: peer pass, we fail',
  'rolebindingClusterAdminClusterRole rolebindingClusterAdminClusterRole/success.explicit_apigroups.yaml: peer pass, we fail',
  'rolebindingClusterAdminClusterRole rolebindingClusterAdminClusterRole/success.explicit_resources.yaml: peer pass, we fail',
  'rolebindingClusterAdminClusterRole rolebindingClusterAdminClusterRole/success.explicit_verbs.yaml: peer pass, we fail',
  'rolebindingClusterAdminClusterRole rolebindingClusterAdminClusterRole/success.gce_calico_binding.yaml: peer pass, we fail',
  'rolebindingClusterAdminClusterRole rolebindingClusterAdminClusterRole/success.system_prefix_binding.yaml: peer pass, we fail',
  'rolebindingClusterAdminRole rolebindingClusterAdminRole/success.explicit_apigroups.yaml: peer pass, we fail',
  'rolebindingClusterAdminRole rolebindingClusterAdminRole/success.explicit_resources.yaml: peer pass, we fail',
  'rolebindingClusterAdminRole rolebindingClusterAdminRole/success.explicit_verbs.yaml: peer pass, we fail',
  'rolebindingClusterAdminRole rolebindingClusterAdminRole/success.gce_calico_binding.yaml: peer pass, we fail',
  'rolebindingClusterAdminRole rolebindingClusterAdminRole/success.system_prefix_binding.yaml: peer pass, we fail',
  'rolebindingClusterRolePodExecAttach rolebindingClusterRolePodExecAttach/failure.binding_points_to_missing_ref.yaml: peer fail, we pass',
  'rolebindingClusterRolePodExecAttach rolebindingClusterRolePodExecAttach/success.gce_calico_binding.yaml: peer pass, we fail',
  'rolebindingClusterRolePodExecAttach rolebindingClusterRolePodExecAttach/success.system_prefix_binding.yaml: peer pass, we fail',
  'rolebindingRolePodExecAttach rolebindingRolePodExecAttach/failure.binding_points_to_missing_ref.yaml: peer fail, we pass',
  'rolebindingRolePodExecAttach rolebindingRolePodExecAttach/success.gce_calico_binding.yaml: peer pass, we fail',
  'rolebindingRolePodExecAttach rolebindingRolePodExecAttach/success.role_binding_cluster_role_binding.yaml: peer pass, we fail',
  'rolebindingRolePodExecAttach rolebindingRolePodExecAttach/success.system_prefix_binding.yaml: peer pass, we fail',
];

describe('Polaris conformance: its own per-check fixtures', () => {
  const all = cases();
  let outcomes: CaseOutcome[];
  beforeAll(() => {
    outcomes = compareWithPeer(FOLDER, all, MAPPING);
  });

  test('every check of the data set is mapped, and the data set is whole', () => {
    // GIVEN the folders / WHEN compared with the mapping / THEN each folder has rules, and all 285 files are there
    expect(fs.readdirSync(FOLDER).sort()).toEqual(Object.keys(MAPPING).sort());
    expect(all).toHaveLength(285);
  });

  test('we agree on every case but the known differences, and each known difference still is one', () => {
    // GIVEN Polaris's verdicts / WHEN `cdk8s-golden check` runs on each file
    const differences = outcomes.filter((o) => o.actual !== o.expected).map(describeDifference);
    // THEN the differences are exactly the known ones
    expect(differences).toEqual(KNOWN_DIFFERENCES);
    expect(outcomes.length - differences.length).toBe(all.length - KNOWN_DIFFERENCES.length);
  });

  test('docs/guardrails.md states each difference next to a rule mapped to its check, no other case, and the count we agree on', () => {
    // GIVEN the differences / WHEN the docs table is read
    const differences = outcomes.filter((o) => o.actual !== o.expected);
    // THEN every difference, and only those, is stated next to its rule, and the count is right
    expect(undocumented('Polaris', differences, MAPPING)).toEqual([]);
    expect(guardrailsDoc()).toContain(`- Polaris: we agree on ${outcomes.length - differences.length} of ${all.length} cases.`);
  });
});
