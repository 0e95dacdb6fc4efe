import { ApiObject } from 'cdk8s';
import * as k8s from 'cdk8s-plus-30/lib/imports/k8s';
import { Construct } from 'constructs';
import { ApiProtocol } from './conventions/api-protocol';
import { PeerSelection } from './network/network-peer';
import { fail } from './private/errors';
import { refuseNameCollisions } from './private/unique-names';
import { GoldenWorkloadBase } from './workload/golden-workload-base';
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
export class Worker extends GoldenWorkloadBase {
  /** The KEDA ScaledObject, when `keda` was given. */
  public readonly scaledObject?: ApiObject;
  /** @internal */
  protected readonly _wiring: Wiring;
  /** @internal */
  protected readonly _core: Workload;

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
    this._core = new Workload(this, props === null || typeof props !== 'object' ? props : { ...props, portName: props.portName ?? 'admin' }, {
      component: 'worker',
      protocol: ApiProtocol.HTTP,
      noIngress: true,
      externalScaling: keda === undefined ? undefined : { maxReplicas: keda.maxReplicaCount },
    });
    this._wiring = new Wiring(this, () => [this._core], this._core.namespace, this._core.port);
    this._wiring.refuseIngress(NO_INGRESS);
    if (keda !== undefined) {
      const scaledObject = new ApiObject(this, 'ScaledObject', {
        apiVersion: 'keda.sh/v1alpha1',
        kind: 'ScaledObject',
        metadata: this._core.metadata(),
        spec: {
          scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: this._core.name },
          ...keda,
        },
      });
      this.scaledObject = scaledObject;
      refuseNameCollisions(this, () => [scaledObject]);
    }
  }

  /** The fixed replica count; undefined under autoscaling or KEDA. */
  public get replicas(): number | undefined {
    return this._core.replicas;
  }

  /** The Deployment running the pods. */
  public get deployment(): k8s.KubeDeployment {
    return this._core.deployment!;
  }

  /** The PodDisruptionBudget (one pod down at a time). */
  public get podDisruptionBudget(): k8s.KubePodDisruptionBudget {
    return this._core.podDisruptionBudget!;
  }

  /**
   * The Prometheus Operator object that scrapes `metrics`, when given and the platform runs the
   * Operator: a PodMonitor (a Worker has no Service).
   */
  public get monitor(): ApiObject | undefined {
    return this._core.monitor;
  }

  /** The HorizontalPodAutoscaler, when `autoscaling` was given. */
  public get autoscaler(): k8s.KubeHorizontalPodAutoscalerV2 | undefined {
    return this._core.autoscaler;
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
