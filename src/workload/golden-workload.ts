import { ApiObject } from 'cdk8s';
import * as k8s from 'cdk8s-plus-30/lib/imports/k8s';
import { Construct } from 'constructs';
import { GoldenWorkloadBase } from './golden-workload-base';
import { Wiring } from './wiring';
import { Workload } from './workload';
import { WorkloadProps } from './workload-props';
import { ApiProtocol } from '../conventions/api-protocol';
import { NetworkPort } from '../conventions/network-port';
import { PeerSelection } from '../network/network-peer';

/** What a golden construct decides about its workload. */
export interface GoldenWorkloadOptions {
  /** The default `app.kubernetes.io/component` label. */
  readonly component: string;
  /**
   * The protocol of the port.
   * @default ApiProtocol.HTTP
   */
  readonly protocol?: ApiProtocol;
  /**
   * A headless Service (`clusterIP: None`).
   * @default false
   */
  readonly headless?: boolean;
}

/**
 * What WebService and InternalApi share: the hardened workload and the objects it made, with
 * the network wiring and RBAC grants of every golden construct.
 */
export abstract class GoldenWorkload extends GoldenWorkloadBase {
  /** @internal */
  protected readonly _wiring: Wiring;
  /** The workload core: every property below is read from it, never copied. */
  /** @internal */
  protected readonly _core: Workload;

  protected constructor(scope: Construct, id: string, props: WorkloadProps, options: GoldenWorkloadOptions) {
    super(scope, id);
    this._core = new Workload(this, props, {
      component: options.component,
      protocol: options.protocol ?? ApiProtocol.HTTP,
      headless: options.headless,
    });
    this._wiring = new Wiring(this, () => [this._core], this._core.namespace, this._core.port);
  }

  /** The container port. */
  public get port(): number {
    return this._core.port;
  }

  /** The name of the container and Service port. */
  public get portName(): string {
    return this._core.portName;
  }

  /** The Service port. */
  public get servicePort(): number {
    return this._core.servicePort;
  }

  /** The fixed replica count; undefined under autoscaling. */
  public get replicas(): number | undefined {
    return this._core.replicas;
  }

  /** The Deployment running the pods. */
  public get deployment(): k8s.KubeDeployment {
    return this._core.deployment!;
  }

  /** The Service in front of the pods. */
  public get service(): k8s.KubeService {
    return this._core.service!;
  }

  /** The PodDisruptionBudget (one pod down at a time). */
  public get podDisruptionBudget(): k8s.KubePodDisruptionBudget {
    return this._core.podDisruptionBudget!;
  }

  /**
   * The Prometheus Operator object that scrapes `metrics`, when given and the platform runs the
   * Operator: a ServiceMonitor over the Service, or a PodMonitor behind a load balancer (whose Service carries no metrics port).
   */
  public get monitor(): ApiObject | undefined {
    return this._core.monitor;
  }

  /** The HorizontalPodAutoscaler, when `autoscaling` was given. */
  public get autoscaler(): k8s.KubeHorizontalPodAutoscalerV2 | undefined {
    return this._core.autoscaler;
  }

  /** The workload's pods, on its port. */
  public toPeerSelection(): PeerSelection {
    return {
      description: `${this.constructor.name} ${this.node.path}`,
      namespace: this.namespace,
      podLabels: { 'app.kubernetes.io/instance': this.name },
      ports: [NetworkPort.tcp(this.port)],
      golden: true,
    };
  }
}
