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
  /** The name of every object of the workload. */
  public readonly name: string;
  /** The namespace of its chart, if the chart has one. */
  public readonly namespace?: string;
  /** The labels the selectors use (`app.kubernetes.io/name` and `instance`). */
  public readonly selectorLabels: { [key: string]: string };
  /** The labels on every object. */
  public readonly labels: { [key: string]: string };
  /** The container port. */
  public readonly port: number;
  /** The name of the container and Service port. */
  public readonly portName: string;
  /** The Service port. */
  public readonly servicePort: number;
  /** The fixed replica count; undefined under autoscaling. */
  public readonly replicas?: number;

  /** The Deployment running the pods. */
  public readonly deployment: k8s.KubeDeployment;
  /** The Service in front of the pods. */
  public readonly service: k8s.KubeService;
  /** The ServiceAccount of the pods (no token mounted; API access only through grants). */
  public readonly serviceAccount: k8s.KubeServiceAccount;
  /** The PodDisruptionBudget (one pod down at a time). */
  public readonly podDisruptionBudget: k8s.KubePodDisruptionBudget;
  /** The NetworkPolicy covering the pods for ingress and egress. */
  public readonly networkPolicy: k8s.KubeNetworkPolicy;
  /** The HorizontalPodAutoscaler, when `autoscaling` was given. */
  public readonly autoscaler?: k8s.KubeHorizontalPodAutoscalerV2;
  /** The ConfigMap of the `config` files, when given. */
  public readonly configMap?: k8s.KubeConfigMap;

  /** @internal */
  protected readonly _wiring: Wiring;
  private readonly core: Workload;

  protected constructor(scope: Construct, id: string, props: WorkloadProps, options: GoldenWorkloadOptions) {
    super(scope, id);
    const core = new Workload(this, id, props, {
      component: options.component,
      protocol: options.protocol ?? ApiProtocol.HTTP,
      headless: options.headless,
    });
    this.core = core;
    this.name = core.name;
    this.namespace = core.namespace;
    this.selectorLabels = core.selectorLabels;
    this.labels = core.labels;
    this.port = core.port;
    this.portName = core.portName;
    this.servicePort = core.servicePort;
    this.replicas = core.replicas;
    this.deployment = core.deployment;
    this.service = core.service;
    this.serviceAccount = core.serviceAccount;
    this.podDisruptionBudget = core.podDisruptionBudget;
    this.networkPolicy = core.networkPolicy;
    this.autoscaler = core.autoscaler;
    this.configMap = core.configMap;
    this._wiring = new Wiring(this, () => [core], core.namespace, core.port);
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
