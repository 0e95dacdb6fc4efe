import { EnvSource, SecretKeyReference } from './env';
import { VolumeMount } from './volume';
import { ApiProtocol } from '../conventions/api-protocol';
import { HealthCheck } from '../conventions/health-check';
import { ResourcePreset } from '../conventions/resource-preset';

/**
 * A container beside the app container: a sidecar (a native sidecar, an init container with
 * `restartPolicy: Always` that runs for the pod's lifetime) or an init container (runs to
 * completion, in order, before the app). Hardened like the app container: the pinned image is
 * pulled on every start, from an allowed registry; the restricted security context; resources;
 * the pod's writable `/tmp`.
 */
export interface ContainerOptions {
  /** The container's name: a DNS label, unique in the pod, not `app`. */
  readonly name: string;
  /** The container image, pinned to a tag other than `latest` or to a digest. */
  readonly image: string;
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
   * Environment variables with literal values; secret-looking names are refused (use `secretEnv`).
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
   * The port a sidecar listens on (not for init containers). It must differ from the app's and
   * every other container's port: the containers of a pod share its network.
   * @default - no port: a sidecar of a long-running workload then needs exec readiness and liveness checks
   */
  readonly port?: number;
  /**
   * The name of the sidecar's port, unique in the pod.
   * @default - the container's name, when it is a valid port name (at most 15 characters)
   */
  readonly portName?: string;
  /**
   * The protocol of the sidecar's port: its default health checks.
   * @default ApiProtocol.HTTP (httpGet '/readyz' and '/healthz' on the port)
   */
  readonly protocol?: ApiProtocol;
  /**
   * CPU, memory and ephemeral-storage requests and limits. They add to the pod's needs (and the
   * namespace quota's): a sidecar's for the pod's lifetime, an init container's while it runs.
   * @default - the workload's resources
   */
  readonly resources?: ResourcePreset;
  /**
   * A sidecar's startup check: the app (and the next init containers) start only once it passes.
   * In a job, the only default-less probe besides liveness. Not for init containers.
   * @default - like the app's: follows the liveness or readiness check given, else the protocol's
   * (none in a job)
   */
  readonly startupProbe?: HealthCheck;
  /**
   * A sidecar's readiness check (not in a job, not for init containers).
   * @default - the protocol's on the port (HealthCheck.httpGet('/readyz') for HTTP); required
   * (an exec check) without a port
   */
  readonly readinessProbe?: HealthCheck;
  /**
   * A sidecar's liveness check; must differ from its readiness check. Not for init containers.
   * @default - the protocol's on the port (HealthCheck.httpGet('/healthz') for HTTP); required
   * (an exec check) without a port; none in a job
   */
  readonly livenessProbe?: HealthCheck;
  /**
   * Volumes mounted into this container, besides the pod's writable `/tmp`.
   * @default - none
   */
  readonly volumes?: VolumeMount[];
}
