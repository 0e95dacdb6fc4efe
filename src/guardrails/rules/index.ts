import { Rule } from '../rule';
import { antiAffinity } from './anti-affinity';
import { clusterScopedNamespace } from './cluster-scoped-namespace';
import { cpuLimit } from './cpu-limit';
import { cpuRequest } from './cpu-request';
import { deprecatedApi } from './deprecated-api';
import { envDuplicate } from './env-duplicate';
import { envSecret } from './env-secret';
import { ephemeralStorage } from './ephemeral-storage';
import { hpaMin } from './hpa-min';
import { hpaReplicas } from './hpa-replicas';
import { hpaTarget } from './hpa-target';
import { imageTag } from './image-tag';
import { ingressBackend } from './ingress-backend';
import { ingressTls } from './ingress-tls';
import { instanceLabel } from './instance-label';
import { jobRestartPolicy } from './job-restart-policy';
import { labelValues } from './label-values';
import { livenessProbe } from './liveness-probe';
import { memoryLimit } from './memory-limit';
import { memoryRequest } from './memory-request';
import { netpolCoversPod } from './netpol-covers-pod';
import { netpolTargetsPod } from './netpol-targets-pod';
import { pdb } from './pdb';
import { pdbEviction } from './pdb-eviction';
import { pdbOverlap } from './pdb-overlap';
import { pdbPolicy } from './pdb-policy';
import { portName } from './port-name';
import { probeHost } from './probe-host';
import { probePort } from './probe-port';
import { probesIdentical } from './probes-identical';
import { pssAllowPrivilegeEscalation } from './pss-allow-privilege-escalation';
import { pssAppArmor } from './pss-apparmor';
import { pssCapabilitiesBaseline } from './pss-capabilities-baseline';
import { pssCapabilitiesRestricted } from './pss-capabilities-restricted';
import { pssHostNamespaces } from './pss-host-namespaces';
import { pssHostPathVolumes } from './pss-host-path-volumes';
import { pssHostPorts } from './pss-host-ports';
import { pssPrivileged } from './pss-privileged';
import { pssProcMount } from './pss-proc-mount';
import { pssRestrictedVolumes } from './pss-restricted-volumes';
import { pssRunAsNonRoot } from './pss-run-as-non-root';
import { pssRunAsUser } from './pss-run-as-user';
import { pssSeccompBaseline } from './pss-seccomp-baseline';
import { pssSeccompRestricted } from './pss-seccomp-restricted';
import { pssSeLinux } from './pss-selinux';
import { pssSysctls } from './pss-sysctls';
import { pssWindowsHostProcess } from './pss-windows-host-process';
import { pullPolicy } from './pull-policy';
import { rbacClusterAdmin } from './rbac-cluster-admin';
import { rbacWildcard } from './rbac-wildcard';
import { readOnlyRoot } from './read-only-root';
import { readinessProbe } from './readiness-probe';
import { replicas } from './replicas';
import { rollingUpdate } from './rolling-update';
import { routeListener } from './route-listener';
import { runAsUser } from './run-as-user';
import { saExists } from './sa-exists';
import { saToken } from './sa-token';
import { selectorMatch } from './selector-match';
import { serviceTargetPort } from './service-target-port';
import { serviceTargetsPod } from './service-targets-pod';
import { serviceType } from './service-type';
import { topologySpread } from './topology-spread';
import { yamlReading } from './yaml-reading';

/** The Pod Security Standards checks of the baseline level (v1.30). */
export const PSS_BASELINE_RULES: ReadonlyArray<Rule> = [
  pssHostNamespaces,
  pssPrivileged,
  pssCapabilitiesBaseline,
  pssHostPathVolumes,
  pssHostPorts,
  pssAppArmor,
  pssSeLinux,
  pssProcMount,
  pssSeccompBaseline,
  pssSysctls,
  pssWindowsHostProcess,
];

/** The checks the restricted level (v1.30) adds to baseline. */
export const PSS_RESTRICTED_ONLY_RULES: ReadonlyArray<Rule> = [
  pssRestrictedVolumes,
  pssAllowPrivilegeEscalation,
  pssRunAsNonRoot,
  pssRunAsUser,
  pssSeccompRestricted,
  pssCapabilitiesRestricted,
];

/** Every Pod Security Standards check of the restricted level (v1.30), baseline included. */
export const PSS_RESTRICTED_RULES: ReadonlyArray<Rule> = [...PSS_BASELINE_RULES, ...PSS_RESTRICTED_ONLY_RULES];

/** The linter checks (kube-score, kube-linter, Polaris) of HARDENING.md. */
export const LINTER_RULES: ReadonlyArray<Rule> = [
  imageTag,
  pullPolicy,
  cpuRequest,
  memoryRequest,
  cpuLimit,
  memoryLimit,
  ephemeralStorage,
  readinessProbe,
  livenessProbe,
  probesIdentical,
  probePort,
  probeHost,
  runAsUser,
  readOnlyRoot,
  saToken,
  saExists,
  envDuplicate,
  envSecret,
  portName,
  selectorMatch,
  replicas,
  hpaReplicas,
  antiAffinity,
  topologySpread,
  rollingUpdate,
  jobRestartPolicy,
  instanceLabel,
  labelValues,
  pdb,
  pdbPolicy,
  pdbEviction,
  pdbOverlap,
  hpaTarget,
  hpaMin,
  serviceTargetsPod,
  serviceTargetPort,
  serviceType,
  ingressBackend,
  ingressTls,
  routeListener,
  netpolCoversPod,
  netpolTargetsPod,
  rbacWildcard,
  rbacClusterAdmin,
  clusterScopedNamespace,
  deprecatedApi,
  yamlReading,
];

/** Every rule, in the order findings are reported for one object. */
export const ALL_RULES: ReadonlyArray<Rule> = [...PSS_RESTRICTED_RULES, ...LINTER_RULES];
