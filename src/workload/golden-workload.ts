import { ApiObject } from 'cdk8s';
import * as k8s from 'cdk8s-plus-30/lib/imports/k8s';
import { Construct } from 'constructs';
import { GoldenConstruct } from './golden-construct';
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
export abstract class GoldenWorkload extends GoldenConstruct {
  /** @internal */
  protected readonly _wiring: Wiring;
  /** The workload core: every property below is read from it, never copied. */
  private readonly core: Workload;

  protected constructor(scope: Construct, id: string, props: WorkloadProps, options: GoldenWorkloadOptions) {
    super(scope, id);
    this.core = new Workload(this, id, props, {
      component: options.component,
      protocol: options.protocol ?? ApiProtocol.HTTP,
      headless: options.headless,
    });
    this._wiring = new Wiring(this, () => [this.core], this.core.namespace, this.core.port);
  }

  /** The name of every object of the workload. */
  public get name(): string {
    return this.core.name;
  }

  /** The namespace of its chart, if the chart has one. */
  public get namespace(): string | undefined {
    return this.core.namespace;
  }

  /** The labels the selectors use (`app.kubernetes.io/name` and `instance`). */
  public get selectorLabels(): { [key: string]: string } {
    return this.core.selectorLabels;
  }

  /** The labels on every object. */
  public get labels(): { [key: string]: string } {
    return this.core.labels;
  }

  /** The container port. */
  public get port(): number {
    return this.core.port;
  }

  /** The name of the container and Service port. */
  public get portName(): string {
    return this.core.portName;
  }

  /** The Service port. */
  public get servicePort(): number {
    return this.core.servicePort;
  }

  /** The fixed replica count; undefined under autoscaling. */
  public get replicas(): number | undefined {
    return this.core.replicas;
  }

  /** The Deployment running the pods. */
  public get deployment(): k8s.KubeDeployment {
    return this.core.deployment!;
  }

  /** The Service in front of the pods. */
  public get service(): k8s.KubeService {
    return this.core.service!;
  }

  /** The ServiceAccount of the pods (no token mounted; API access only through grants). */
  public get serviceAccount(): k8s.KubeServiceAccount {
    return this.core.serviceAccount;
  }

  /** The PodDisruptionBudget (one pod down at a time). */
  public get podDisruptionBudget(): k8s.KubePodDisruptionBudget {
    return this.core.podDisruptionBudget!;
  }

  /** The NetworkPolicy covering the pods for ingress and egress. */
  public get networkPolicy(): k8s.KubeNetworkPolicy {
    return this.core.networkPolicy;
  }

  /** The HorizontalPodAutoscaler, when `autoscaling` was given. */
  public get autoscaler(): k8s.KubeHorizontalPodAutoscalerV2 | undefined {
    return this.core.autoscaler;
  }

  /**
   * The Prometheus Operator object that scrapes `metrics`, when given and the platform runs the
   * Operator: a ServiceMonitor over the Service, or a PodMonitor (behind a load balancer, whose Service carries no metrics port).
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
