import { Size } from 'cdk8s';
import * as k8s from 'cdk8s-plus-30/lib/imports/k8s';
import { AutoscalingOptions } from './autoscaling';
import { ContainerOptions } from './container-options';
import { EnvSource, SecretKeyReference } from './env';
import { MetricsOptions } from './metrics';
import { VolumeMount } from './volume';
import { HealthCheck } from '../conventions/health-check';
import { ResourcePreset } from '../conventions/resource-preset';
import { RolloutOptions } from '../conventions/rollout';
import { SecurityOptions } from '../conventions/security-context';
import { ShutdownOptions } from '../conventions/shutdown';
import { ServiceType } from '../network/service-type';

/** What every golden workload (WebService, InternalApi, CanaryRelease) is made of, but the image. */
export interface WorkloadOptions {
  /**
   * The name of every object of this workload, and its `app.kubernetes.io/name` and `instance`
   * labels: a DNS label of at most 63 characters.
   * @default - the construct id
   */
  readonly name?: string;
  /**
   * The port the container listens on.
   * @default 8080
   */
  readonly port?: number;
  /**
   * The name of the container port; the Service, the probes and the network policies refer to
   * the port by this name.
   * @default 'http'
   */
  readonly portName?: string;
  /**
   * The port of the Service in front of the pods.
   * @default 80
   */
  readonly servicePort?: number;
  /**
   * The type of the Service in front of the pods (a CanaryRelease's: the release Service
   * `<name>`; a StatefulService's: the client Service). `ServiceType.loadBalancer({ sourceRanges,
   * reason })` needs a written reason and the client ranges, which the NetworkPolicy admits on the
   * port; refused on a headless Service and on workloads without a Service.
   * @default ServiceType.CLUSTER_IP
   */
  readonly serviceType?: ServiceType;
  /**
   * A fixed number of pods; at least 2. Not together with `autoscaling`.
   * @default 3 (without autoscaling)
   */
  readonly replicas?: number;
  /**
   * Scale the pods with a HorizontalPodAutoscaler; the Deployment then carries no `replicas`.
   * @default - a fixed number of replicas
   */
  readonly autoscaling?: AutoscalingOptions;
  /**
   * CPU, memory and ephemeral-storage requests and limits.
   * @default - the platform default (PlatformDefaults), else ResourcePreset.SMALL
   */
  readonly resources?: ResourcePreset;
  /**
   * The check that the container has started; readiness and liveness wait for it.
   * @default - the liveness check when `livenessProbe` is given, else the readiness check when
   * `readinessProbe` is given, else the protocol's (HealthCheck.httpGet('/healthz') for HTTP);
   * every 2s, up to 60 times
   */
  readonly startupProbe?: HealthCheck;
  /**
   * The check that the pod can take traffic.
   * @default HealthCheck.httpGet('/readyz') every 5s
   */
  readonly readinessProbe?: HealthCheck;
  /**
   * The check that the container is alive; must differ from the readiness check.
   * @default HealthCheck.httpGet('/healthz') every 10s
   */
  readonly livenessProbe?: HealthCheck;
  /**
   * Environment variables with literal values. A name that looks like a secret (PASSWORD, TOKEN,
   * API_KEY…) is refused: use `secretEnv`.
   * @default - none
   */
  readonly env?: { [name: string]: string };
  /**
   * Environment variables read from keys of existing Secrets.
   * @default - none
   */
  readonly secretEnv?: { [name: string]: SecretKeyReference };
  /**
   * Whole ConfigMaps or Secrets whose keys become environment variables.
   * @default - none
   */
  readonly envFrom?: EnvSource[];
  /**
   * Config files: the construct creates an immutable ConfigMap named `<name>-config-<hash>` and
   * mounts it read-only at `configMountPath`. A content change rolls the pods.
   * @default - no ConfigMap
   */
  readonly config?: { [fileName: string]: string };
  /**
   * Where the config files are mounted.
   * @default '/config'
   */
  readonly configMountPath?: string;
  /**
   * The container's entrypoint.
   * @default - the image's ENTRYPOINT
   */
  readonly command?: string[];
  /**
   * Arguments to the entrypoint.
   * @default - the image's CMD
   */
  readonly args?: string[];
  /**
   * Extra labels on every object (team, cost centre…), added to the platform's labels. The
   * standard `app.kubernetes.io/*` labels cannot be set here: use `name`, `version`, `component`
   * and `partOf`.
   * @default - the platform's labels only
   */
  readonly labels?: { [key: string]: string };
  /**
   * Extra annotations on every object.
   * @default - none
   */
  readonly annotations?: { [key: string]: string };
  /**
   * Extra annotations on the pods. For Prometheus, prefer `metrics`: it also lets Prometheus
   * through the NetworkPolicy, which scrape annotations alone do not.
   * @default - none
   */
  readonly podAnnotations?: { [key: string]: string };
  /**
   * A Prometheus metrics endpoint on its own port: a container port and a Service port named
   * `metrics`, NetworkPolicy ingress on it from the platform's monitoring namespace only, and a
   * ServiceMonitor (PodMonitor for a Worker) when the platform runs the Prometheus Operator, else
   * `prometheus.io/*` scrape annotations on the pods. Needs `PlatformDefaults.monitoring`;
   * refused on jobs (pods that run to completion: push to a Pushgateway).
   * @default - no metrics port
   */
  readonly metrics?: MetricsOptions;
  /**
   * The `app.kubernetes.io/version` label.
   * @default - the image tag (for a digest-only image, `sha256-` and its first 12 hex digits)
   */
  readonly version?: string;
  /**
   * The `app.kubernetes.io/component` label.
   * @default - 'web' for a WebService
   */
  readonly component?: string;
  /**
   * The `app.kubernetes.io/part-of` label: the larger application this belongs to.
   * @default - the name
   */
  readonly partOf?: string;
  /**
   * The user and group the containers run as.
   * @default - UID and GID 10001, or none under SecurityPreset.PLATFORM_ASSIGNED
   */
  readonly security?: SecurityOptions;
  /**
   * How the Deployment replaces pods.
   * @default - RollingUpdate with maxSurge 25% and maxUnavailable 0, minReady 5s,
   * progressDeadline 10 min, 5 old ReplicaSets kept
   */
  readonly rollout?: RolloutOptions;
  /**
   * How pods stop.
   * @default - a 5s preStop pause and 30s termination grace
   */
  readonly shutdown?: ShutdownOptions;
  /**
   * Size of the writable emptyDir mounted at `/tmp` (the root filesystem is read-only).
   * @default Size.mebibytes(64)
   */
  readonly tmpVolumeSize?: Size;
  /**
   * Node labels the pods must be scheduled on (`spec.nodeSelector`).
   * @default - PlatformDefaults.nodeSelector, else any node
   */
  readonly nodeSelector?: { [key: string]: string };
  /**
   * Taints the pods tolerate.
   * @default - PlatformDefaults.tolerations, else none
   */
  readonly tolerations?: k8s.Toleration[];
  /**
   * Affinity on top of the default anti-affinity (pods of a workload prefer different nodes),
   * which it never replaces: node and pod affinity as given, anti-affinity terms added to the
   * default one.
   * @default - PlatformDefaults.affinity, else the default anti-affinity only
   */
  readonly affinity?: k8s.Affinity;
  /**
   * The PriorityClass of the pods; it must exist in the cluster. `system-node-critical` and
   * `system-cluster-critical` are refused.
   * @default - PlatformDefaults.priorityClassName, else the cluster's default priority
   */
  readonly priorityClassName?: string;
  /**
   * Native sidecars: init containers with `restartPolicy: Always`, started in the order given
   * before the init containers and the app, running for the pod's lifetime (and stopped after
   * the app, so a job still completes). Hardened like the app container; a sidecar with a port
   * gets the protocol's probes.
   * @default - none
   */
  readonly sidecars?: ContainerOptions[];
  /**
   * Init containers, run to completion one after the other, after the sidecars have started and
   * before the app. Hardened like the app container; no probes, no port.
   * @default - none
   */
  readonly initContainers?: ContainerOptions[];
  /**
   * Volumes mounted into the app container: `{ volume: Volume.fromSecret('db-tls'), mountPath: '/tls' }`.
   * Sidecars and init containers mount them through their own `volumes`; the same Volume is one
   * volume of the pod. A single-writer claim is refused when the workload can run more than one
   * pod at once (replicas, autoscaling or rollout surge), unless acknowledged.
   * @default - only `/tmp` and the config files
   */
  readonly volumes?: VolumeMount[];
}

/** A golden workload: its image and options. */
export interface WorkloadProps extends WorkloadOptions {
  /**
   * The container image, pinned to a tag other than `latest` or to a digest,
   * e.g. `ghcr.io/acme/storefront:2.0.1`.
   */
  readonly image: string;
}
