import { ApiObject } from 'cdk8s';
import * as k8s from 'cdk8s-plus-30/lib/imports/k8s';
import { Construct } from 'constructs';
import { ApiProtocol } from './conventions/api-protocol';
import { PeerSelection } from './network/network-peer';
import { fail } from './private/errors';
import { refuseNameCollisions } from './private/unique-names';
import { GoldenConstruct } from './workload/golden-construct';
import { KedaScalingOptions, resolveKedaScaling } from './workload/keda-scaling';
import { Wiring } from './workload/wiring';
import { Workload } from './workload/workload';
import { WorkloadProps } from './workload/workload-props';

/** A background worker: the workload props, with `port` as an optional admin port. */
export interface WorkerProps extends WorkloadProps {
  /**
   * Scale the pods with KEDA (a `ScaledObject`, keda.sh/v1alpha1) on the length of a queue, the
   * lag of a stream or any other KEDA trigger. Not together with `autoscaling` (by CPU) or
   * `replicas`: one workload has one scaler.
   * @default - `autoscaling` when given, else a fixed number of replicas
   */
  readonly keda?: KedaScalingOptions;
}

const NO_INGRESS = 'takes no connections (a Worker: its NetworkPolicy denies all ingress)';

/**
 * A background worker (a queue consumer, a stream processor): a Deployment with no Service, a
 * NetworkPolicy that denies all ingress and allows egress to what `allowTo` names, a
 * PodDisruptionBudget, and the same hardened pods as every golden workload. Its probes need no
 * HTTP port: `HealthCheck.exec` checks, or HTTP checks on an admin `port` when one is given.
 * It scales by a fixed `replicas` count, by CPU (`autoscaling`) or by KEDA (`keda`).
 */
export class Worker extends GoldenConstruct {
  /** The KEDA ScaledObject, when `keda` was given. */
  public readonly scaledObject?: ApiObject;
  /** @internal */
  protected readonly _wiring: Wiring;
  private readonly core: Workload;

  constructor(scope: Construct, id: string, props: WorkerProps) {
    super(scope, id);
    if (props !== null && typeof props === 'object') {
      if (props.servicePort !== undefined) {
        fail(this, 'servicePort', 'does not apply: a Worker has no Service', props.servicePort, 'leave it out (use `port` for an admin port the probes reach)');
      }
      if (props.keda !== undefined && props.autoscaling !== undefined) {
        fail(this, 'keda', 'cannot be set together with autoscaling (two scalers would fight over the replica count)', 'keda and autoscaling',
          'scale by CPU (`autoscaling`) or by KEDA triggers (`keda`), not both');
      }
    }
    const keda = props?.keda === undefined ? undefined : resolveKedaScaling(this, 'keda', props.keda);
    this.core = new Workload(this, id, props === null || typeof props !== 'object' ? props : { ...props, portName: props.portName ?? 'admin' }, {
      component: 'worker',
      protocol: ApiProtocol.HTTP,
      noIngress: true,
      externalScaling: keda === undefined ? undefined : { maxReplicas: keda.maxReplicaCount },
    });
    this._wiring = new Wiring(this, () => [this.core], this.core.namespace, this.core.port);
    this._wiring.refuseIngress(NO_INGRESS);
    if (keda !== undefined) {
      const scaledObject = new ApiObject(this, 'ScaledObject', {
        apiVersion: 'keda.sh/v1alpha1',
        kind: 'ScaledObject',
        metadata: this.core.metadata(),
        spec: {
          scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: this.core.name },
          ...keda,
        },
      });
      this.scaledObject = scaledObject;
      refuseNameCollisions(this, () => [scaledObject]);
    }
  }

  /** The name of every object of the worker. */
  public get name(): string {
    return this.core.name;
  }

  /** The namespace of its chart, if the chart has one. */
  public get namespace(): string | undefined {
    return this.core.namespace;
  }

  /** The labels on every object. */
  public get labels(): { [key: string]: string } {
    return this.core.labels;
  }

  /** The labels the selectors use (`app.kubernetes.io/name` and `instance`). */
  public get selectorLabels(): { [key: string]: string } {
    return this.core.selectorLabels;
  }

  /** The fixed replica count; undefined under autoscaling or KEDA. */
  public get replicas(): number | undefined {
    return this.core.replicas;
  }

  /** The Deployment running the pods. */
  public get deployment(): k8s.KubeDeployment {
    return this.core.deployment!;
  }

  /** The ServiceAccount of the pods (no token mounted; API access only through grants). */
  public get serviceAccount(): k8s.KubeServiceAccount {
    return this.core.serviceAccount;
  }

  /** The PodDisruptionBudget (one pod down at a time). */
  public get podDisruptionBudget(): k8s.KubePodDisruptionBudget {
    return this.core.podDisruptionBudget!;
  }

  /** The NetworkPolicy: no ingress; egress to DNS and to what `allowTo` names. */
  public get networkPolicy(): k8s.KubeNetworkPolicy {
    return this.core.networkPolicy;
  }

  /** The HorizontalPodAutoscaler, when `autoscaling` was given. */
  public get autoscaler(): k8s.KubeHorizontalPodAutoscalerV2 | undefined {
    return this.core.autoscaler;
  }

  /**
   * The Prometheus Operator object that scrapes `metrics`, when given and the platform runs the
   * Operator: a PodMonitor (a Worker has no Service).
   */
  public get monitor(): ApiObject | undefined {
    return this.core.monitor;
  }

  /** The ConfigMap of the `config` files, when given. */
  public get configMap(): k8s.KubeConfigMap | undefined {
    return this.core.configMap;
  }

  /** The Role of the grants, once something was granted. */
  public get role(): k8s.KubeRole | undefined {
    return this.core.role;
  }

  /** The RoleBinding of the grants, once something was granted. */
  public get roleBinding(): k8s.KubeRoleBinding | undefined {
    return this.core.roleBinding;
  }

  /** The worker's pods, as a client of other peers (nothing may reach them). */
  public toPeerSelection(): PeerSelection {
    return {
      description: `Worker ${this.node.path}`,
      namespace: this.namespace,
      podLabels: { 'app.kubernetes.io/instance': this.name },
      ports: [],
      golden: true,
    };
  }
}
