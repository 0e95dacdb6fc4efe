import { k8s } from 'cdk8s-plus-30';
import { Construct } from 'constructs';
import { Workload } from './workload';
import { WorkloadProps } from './workload-props';
import { ApiProtocol } from '../conventions/api-protocol';
import { INetworkPeer, NetworkPort, PeerSelection } from '../network/network-peer';
import { checkLabelPeers, LabelPeer } from '../network/peer-check';
import { checkPorts, policyPeer, policyPorts } from '../network/policy-peer';
import { ApiResource } from '../rbac/api-resource';
import { GrantOptions } from '../rbac/grant-options';
import { checkGrant } from '../rbac/grants';
import { fail, formatValue } from '../private/errors';

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

/** The core behind each golden workload, for wiring between them. */
const cores = new WeakMap<object, Workload>();

/**
 * What WebService and InternalApi share: the hardened workload, the objects it made, network
 * wiring (`allowFrom`, `allowTo`) and least-privilege RBAC grants.
 */
export abstract class GoldenWorkload extends Construct implements INetworkPeer {
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

  private readonly core: Workload;
  private readonly labelPeers: LabelPeer[] = [];

  protected constructor(scope: Construct, id: string, props: WorkloadProps, options: GoldenWorkloadOptions) {
    super(scope, id);
    const core = new Workload(this, id, props, { component: options.component, protocol: options.protocol ?? ApiProtocol.HTTP, headless: options.headless });
    cores.set(this, core);
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
    checkLabelPeers(this, () => this.labelPeers);
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

  /**
   * Lets peers open connections to this workload's port. A golden workload peer also gets the
   * matching egress rule in its own NetworkPolicy.
   */
  public allowFrom(...peers: INetworkPeer[]): void {
    peers.forEach((peer, i) => {
      const field = `allowFrom[${i}]`;
      const selection = this.selectionOf(field, peer);
      const source = cores.get(peer);
      if (source === undefined && selection.ports !== undefined && selection.cidr === undefined) {
        fail(this, `${field}.ports`, 'only apply to allowTo (traffic here always goes to this workload\'s port)', selection.ports.map((p) => p.port), 'leave ports out');
      }
      this.core.allowIngressFrom(policyPeer(this, field, selection, this.namespace));
      this.trackLabelPeer(field, selection, undefined);
      if (source !== undefined) {
        source.allowEgressTo(policyPeer(this, field, this.toPeerSelection(), source.namespace), policyPorts([NetworkPort.tcp(this.port)]));
      }
    });
  }

  /**
   * Lets this workload open connections to peers: golden workloads (on their port; they get the
   * matching ingress rule), pods or namespaces with `ports`, or IP ranges outside the cluster.
   * DNS is always allowed; nothing else is.
   */
  public allowTo(...peers: INetworkPeer[]): void {
    peers.forEach((peer, i) => {
      const field = `allowTo[${i}]`;
      const selection = this.selectionOf(field, peer);
      if (cores.has(peer)) {
        (peer as GoldenWorkload).allowFrom(this);
        return;
      }
      const ports = selection.ports === undefined ? [] : checkPorts(this, `${field}.ports`, selection.ports);
      if (ports.length === 0) {
        fail(this, `${field}.ports`, `traffic to ${selection.description} needs the ports it may use`, selection.ports, 'pass ports, such as NetworkPeer.ipBlock(\'203.0.113.0/24\', [NetworkPort.tcp(443)])');
      }
      this.core.allowEgressTo(policyPeer(this, field, selection, this.namespace), policyPorts(ports));
      this.trackLabelPeer(field, selection, ports);
    });
  }

  /**
   * Lets the workload read objects of a kind in its namespace through the Kubernetes API: a Role
   * scoped to the namespace (and to `names` when given) bound to the workload's ServiceAccount.
   * Wildcards are impossible; every Secret, `pods/exec` and `pods/attach` need an acknowledgement.
   */
  public grantRead(resource: ApiResource, options: GrantOptions = {}): void {
    if (this.namespace === undefined) {
      fail(this, 'grantRead', 'a Role and its binding need a namespace, and the chart has none', undefined, 'set `namespace` on the chart');
    }
    this.core.grant(checkGrant(this, 'grantRead', resource, options ?? {}));
  }

  /** Lets the workload read these ConfigMaps, by name. */
  public grantReadConfigMap(...names: string[]): void {
    this.grantRead(ApiResource.CONFIG_MAPS, { names });
  }

  /** Lets the workload read these Secrets, by name (never every Secret). */
  public grantReadSecret(...names: string[]): void {
    this.grantRead(ApiResource.SECRETS, { names });
  }

  private selectionOf(field: string, peer: unknown): PeerSelection {
    const selection = peer !== null && typeof peer === 'object' && typeof (peer as INetworkPeer).toPeerSelection === 'function'
      ? (peer as INetworkPeer).toPeerSelection() : undefined;
    if (selection === undefined || typeof selection !== 'object' || typeof selection.description !== 'string') {
      fail(this, field, 'is not a network peer', typeof peer === 'object' && peer !== null ? peer.constructor?.name ?? formatValue(peer) : peer,
        'pass a WebService, an InternalApi, NetworkPeer.pods(labels), NetworkPeer.namespace(name) or NetworkPeer.ipBlock(cidr, ports)');
    }
    if (selection.golden === true && (selection.namespace === undefined) !== (this.namespace === undefined)) {
      fail(this, field, `cannot tell whether ${selection.description} shares this workload's namespace: one chart has a namespace, the other none`,
        selection.namespace ?? 'no namespace', 'set `namespace` on both charts');
    }
    return selection;
  }

  private trackLabelPeer(field: string, selection: PeerSelection, ports: NetworkPort[] | undefined): void {
    if (selection.golden === true || selection.podLabels === undefined) {
      return;
    }
    this.labelPeers.push({
      field,
      description: selection.description,
      namespace: selection.namespace ?? this.namespace,
      labels: selection.podLabels,
      ports: ports?.map((p) => ({ port: p.port, protocol: p.protocol })),
    });
  }
}
