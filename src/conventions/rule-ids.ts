/**
 * The id of every guardrail rule, to acknowledge a rule without spelling its id:
 * `Guardrails.acknowledge(deployment, RuleId.REPLICAS, 'a preview environment')`, or the
 * annotation `ack.cdk8s-golden.io/<rule-id>: <reason>` on the object. Rules derived from the
 * Pod Security Standards have ids that start with `pss-`. docs/guardrails.md says what each rule checks.
 */
export class RuleId {
  /** `pss-host-namespaces`: PSS baseline: no sharing of the node's network, process or IPC namespaces. */
  public static readonly PSS_HOST_NAMESPACES = 'pss-host-namespaces';
  /** `pss-privileged`: PSS baseline: no privileged containers. */
  public static readonly PSS_PRIVILEGED = 'pss-privileged';
  /** `pss-capabilities-baseline`: PSS baseline: capabilities.add only from the default container runtime set. */
  public static readonly PSS_CAPABILITIES_BASELINE = 'pss-capabilities-baseline';
  /** `pss-host-path-volumes`: PSS baseline: no hostPath volumes. */
  public static readonly PSS_HOST_PATH_VOLUMES = 'pss-host-path-volumes';
  /** `pss-host-ports`: PSS baseline: no hostPort other than 0. */
  public static readonly PSS_HOST_PORTS = 'pss-host-ports';
  /** `pss-apparmor`: PSS baseline: AppArmor profile (field or annotation) only RuntimeDefault or Localhost. */
  public static readonly PSS_APPARMOR = 'pss-apparmor';
  /** `pss-selinux`: PSS baseline: seLinuxOptions.type only from the container types; user and role unset. */
  public static readonly PSS_SELINUX = 'pss-selinux';
  /** `pss-proc-mount`: PSS baseline: procMount unset or Default. */
  public static readonly PSS_PROC_MOUNT = 'pss-proc-mount';
  /** `pss-seccomp-baseline`: PSS baseline: seccomp never Unconfined. */
  public static readonly PSS_SECCOMP_BASELINE = 'pss-seccomp-baseline';
  /** `pss-sysctls`: PSS baseline: sysctls only from the safe set. */
  public static readonly PSS_SYSCTLS = 'pss-sysctls';
  /** `pss-windows-host-process`: PSS baseline: no Windows HostProcess containers. */
  public static readonly PSS_WINDOWS_HOST_PROCESS = 'pss-windows-host-process';
  /** `pss-restricted-volumes`: PSS restricted: volumes only of the core, non-node types. */
  public static readonly PSS_RESTRICTED_VOLUMES = 'pss-restricted-volumes';
  /** `pss-allow-privilege-escalation`: PSS restricted: every container sets allowPrivilegeEscalation false (Linux pods). */
  public static readonly PSS_ALLOW_PRIVILEGE_ESCALATION = 'pss-allow-privilege-escalation';
  /** `pss-run-as-non-root`: PSS restricted: runAsNonRoot true at pod level (no container false), or on every container. */
  public static readonly PSS_RUN_AS_NON_ROOT = 'pss-run-as-non-root';
  /** `pss-run-as-user`: PSS restricted: runAsUser never 0. */
  public static readonly PSS_RUN_AS_USER = 'pss-run-as-user';
  /** `pss-seccomp-restricted`: PSS restricted: seccomp RuntimeDefault or Localhost at pod level, or on every container. */
  public static readonly PSS_SECCOMP_RESTRICTED = 'pss-seccomp-restricted';
  /** `pss-capabilities-restricted`: PSS restricted: every container drops ALL and adds at most NET_BIND_SERVICE (Linux pods). */
  public static readonly PSS_CAPABILITIES_RESTRICTED = 'pss-capabilities-restricted';
  /** `image-tag`: Every image is pinned to a version tag or a digest. */
  public static readonly IMAGE_TAG = 'image-tag';
  /** `pull-policy`: Every container pulls its image Always, as the cluster stores it (unset policies are defaulted first). */
  public static readonly PULL_POLICY = 'pull-policy';
  /** `cpu-request`: Every container requests CPU. */
  public static readonly CPU_REQUEST = 'cpu-request';
  /** `memory-request`: Every container requests memory. */
  public static readonly MEMORY_REQUEST = 'memory-request';
  /** `cpu-limit`: Every container sets a CPU limit. */
  public static readonly CPU_LIMIT = 'cpu-limit';
  /** `memory-limit`: Every container sets a memory limit. */
  public static readonly MEMORY_LIMIT = 'memory-limit';
  /** `ephemeral-storage`: Every container requests and limits ephemeral storage. */
  public static readonly EPHEMERAL_STORAGE = 'ephemeral-storage';
  /** `readiness-probe`: Containers of pods behind a Service have a readiness probe. */
  public static readonly READINESS_PROBE = 'readiness-probe';
  /** `liveness-probe`: Containers of long-running workloads have a liveness probe. */
  public static readonly LIVENESS_PROBE = 'liveness-probe';
  /** `probes-identical`: Liveness and readiness probes check different things. */
  public static readonly PROBES_IDENTICAL = 'probes-identical';
  /** `probe-port`: Probe ports are ports the container declares. */
  public static readonly PROBE_PORT = 'probe-port';
  /** `probe-host`: Probes and lifecycle hooks never set `host`. */
  public static readonly PROBE_HOST = 'probe-host';
  /** `run-as-user`: Every container runs with a high, explicit UID and GID. */
  public static readonly RUN_AS_USER = 'run-as-user';
  /** `read-only-root`: Every container has a read-only root file system. */
  public static readonly READ_ONLY_ROOT = 'read-only-root';
  /** `sa-token`: Pods do not mount a service account token unless asked to. */
  public static readonly SA_TOKEN = 'sa-token';
  /** `sa-exists`: A pod's service account is part of the output. */
  public static readonly SA_EXISTS = 'sa-exists';
  /** `env-duplicate`: No container declares the same environment variable twice. */
  public static readonly ENV_DUPLICATE = 'env-duplicate';
  /** `env-secret`: Secrets are never written as literal env values: by the variable's name, or by the value's shape. */
  public static readonly ENV_SECRET = 'env-secret';
  /** `port-name`: Container and Service port names (and named targetPorts) are valid IANA service names. */
  public static readonly PORT_NAME = 'port-name';
  /** `selector-match`: A workload's selector matches its own pod template's labels. */
  public static readonly SELECTOR_MATCH = 'selector-match';
  /** `replicas`: A Deployment without an autoscaler runs at least 2 replicas. */
  public static readonly REPLICAS = 'replicas';
  /** `hpa-replicas`: A workload under an autoscaler leaves spec.replicas unset. */
  public static readonly HPA_REPLICAS = 'hpa-replicas';
  /** `anti-affinity`: Replicas of a workload prefer to run on different nodes. */
  public static readonly ANTI_AFFINITY = 'anti-affinity';
  /** `topology-spread`: Replicated pod templates declare topology spread constraints. */
  public static readonly TOPOLOGY_SPREAD = 'topology-spread';
  /** `rolling-update`: Deployments roll out with RollingUpdate. */
  public static readonly ROLLING_UPDATE = 'rolling-update';
  /** `job-restart-policy`: A Job's or CronJob's pod template restarts OnFailure or Never. */
  public static readonly JOB_RESTART_POLICY = 'job-restart-policy';
  /** `instance-label`: Workloads carry app.kubernetes.io/instance equal to their name. */
  public static readonly INSTANCE_LABEL = 'instance-label';
  /** `label-values`: Every label key and value (of the object and of its pod template) is one Kubernetes accepts. */
  public static readonly LABEL_VALUES = 'label-values';
  /** `pdb`: Replicated workloads are covered by a PodDisruptionBudget. */
  public static readonly PDB = 'pdb';
  /** `pdb-policy`: A PodDisruptionBudget allows at least one voluntary disruption. */
  public static readonly PDB_POLICY = 'pdb-policy';
  /** `pdb-eviction`: A PodDisruptionBudget says how unhealthy pods are evicted. */
  public static readonly PDB_EVICTION = 'pdb-eviction';
  /** `pdb-overlap`: No pod is selected by two PodDisruptionBudgets. */
  public static readonly PDB_OVERLAP = 'pdb-overlap';
  /** `hpa-target`: An autoscaler scales an object of the output. */
  public static readonly HPA_TARGET = 'hpa-target';
  /** `hpa-min`: An autoscaler keeps at least 2 replicas and has room to scale. */
  public static readonly HPA_MIN = 'hpa-min';
  /** `service-targets-pod`: A Service's selector matches the pods of a workload in its namespace. */
  public static readonly SERVICE_TARGETS_POD = 'service-targets-pod';
  /** `service-target-port`: A Service's targetPorts are ports that its pods declare. */
  public static readonly SERVICE_TARGET_PORT = 'service-target-port';
  /** `service-type`: Services are ClusterIP: a NodePort never, a LoadBalancer only with a written acknowledgement. */
  public static readonly SERVICE_TYPE = 'service-type';
  /** `ingress-backend`: Ingress and HTTPRoute backends are Services (and ports) of the output. */
  public static readonly INGRESS_BACKEND = 'ingress-backend';
  /** `ingress-tls`: Ingresses terminate TLS. */
  public static readonly INGRESS_TLS = 'ingress-tls';
  /** `route-listener`: An HTTPRoute's parentRef names a listener its Gateway has (the one the platform declared, when it declared one). */
  public static readonly ROUTE_LISTENER = 'route-listener';
  /** `netpol-covers-pod`: Every pod is selected by NetworkPolicies for both ingress and egress. */
  public static readonly NETPOL_COVERS_POD = 'netpol-covers-pod';
  /** `netpol-dns-egress`: Pods whose egress a NetworkPolicy restricts are allowed DNS by one of the policies selecting them. */
  public static readonly NETPOL_DNS_EGRESS = 'netpol-dns-egress';
  /** `pvc-single-writer`: A workload that can run more than one pod mounts no ReadWriteOnce claim. */
  public static readonly PVC_SINGLE_WRITER = 'pvc-single-writer';
  /** `netpol-targets-pod`: A NetworkPolicy with a pod selector selects some pod of its namespace. */
  public static readonly NETPOL_TARGETS_POD = 'netpol-targets-pod';
  /** `rbac-wildcard`: Roles grant no wildcard, and no Secrets, pods/exec or pods/attach without an acknowledgement. */
  public static readonly RBAC_WILDCARD = 'rbac-wildcard';
  /** `rbac-cluster-admin`: No binding hands out the built-in `cluster-admin` ClusterRole. */
  public static readonly RBAC_CLUSTER_ADMIN = 'rbac-cluster-admin';
  /** `cluster-scoped-namespace`: Cluster-scoped objects carry no metadata.namespace. */
  public static readonly CLUSTER_SCOPED_NAMESPACE = 'cluster-scoped-namespace';
  /** `deprecated-api`: No object uses an API version removed or deprecated by Kubernetes v1.30. */
  public static readonly DEPRECATED_API = 'deprecated-api';
  /** `yaml-reading`: the object reads the same under YAML 1.1, as Kubernetes reads it. */
  public static readonly YAML_READING = 'yaml-reading';
  /** `ack-reason`: An acknowledgement without a written reason. */
  public static readonly ACK_REASON = 'ack-reason';

  private constructor() {}
}
