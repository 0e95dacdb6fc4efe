import { ApiObject, Size, SizeRoundingBehavior } from 'cdk8s';
import * as k8s from 'cdk8s-plus-30/lib/imports/k8s';
import { Construct } from 'constructs';
import { ApiProtocol } from './conventions/api-protocol';
import { NetworkPort } from './conventions/network-port';
import { PeerSelection } from './network/network-peer';
import { checkObjectName, checkReferenceName } from './private/checks';
import { fail } from './private/errors';
import { keepPatchedValues } from './private/keep-values';
import { refuseNameCollisions } from './private/unique-names';
import { GoldenWorkloadBase } from './workload/golden-workload-base';
import { Wiring } from './workload/wiring';
import { Workload } from './workload/workload';
import { WorkloadProps } from './workload/workload-props';

/** The disk of each pod of a StatefulService: one PersistentVolumeClaim per pod. */
export interface StatefulStorage {
  /** The size of each pod's volume (immutable once deployed: volumeClaimTemplates never change). */
  readonly size: Size;
  /**
   * The StorageClass of the volumes.
   * @default - the cluster's default StorageClass
   */
  readonly storageClassName?: string;
  /**
   * The access mode of each volume: `ReadWriteOnce` (one node) or `ReadWriteOncePod` (one pod).
   * @default 'ReadWriteOnce'
   */
  readonly accessMode?: string;
  /**
   * Where the volume is mounted in the app container.
   * @default '/data'
   */
  readonly mountPath?: string;
}

/** A stateful service: the workload props, its storage and how its pods start. */
export interface StatefulServiceProps extends WorkloadProps {
  /** The volume each pod gets (a volumeClaimTemplate named `data`). */
  readonly storage: StatefulStorage;
  /**
   * Start and stop the pods in parallel instead of one after the other (`podManagementPolicy:
   * Parallel`). Immutable once deployed.
   * @default false (OrderedReady: pod N starts after pod N-1 is ready, which is what primary/replica
   * and quorum systems expect on first start)
   */
  readonly parallelPodManagement?: boolean;
  /**
   * The protocol the service speaks: the default port name, probes and the client Service's `appProtocol`.
   * @default ApiProtocol.TCP (TCP connect checks on port `tcp`; pass a `readinessProbe` that checks more)
   */
  readonly protocol?: ApiProtocol;
}

const ACCESS_MODES = ['ReadWriteOnce', 'ReadWriteOncePod'];
const CLAIM = 'data';

/**
 * A service with a disk per pod (a database, a queue broker, a search node): a StatefulSet with a
 * volumeClaimTemplate, a headless Service named `<name>-headless` (the StatefulSet's
 * `serviceName`: stable DNS names `<name>-0.<name>-headless`), a client Service `<name>`, a
 * PodDisruptionBudget, and a NetworkPolicy in which its own pods reach each other on the port
 * (replication) and clients are declared with `allowFrom`. The fields Kubernetes never lets change
 * (selector, serviceName, volumeClaimTemplates, podManagementPolicy) are derived only from the name
 * and the `storage` and `parallelPodManagement` props: changing those needs a new StatefulSet.
 */
export class StatefulService extends GoldenWorkloadBase {
  /** The StatefulSet running the pods. */
  public readonly statefulSet: k8s.KubeStatefulSet;
  /** The headless Service that names each pod in DNS (the StatefulSet's `serviceName`). */
  public readonly headlessService: k8s.KubeService;
  /** @internal */
  protected readonly _wiring: Wiring;
  /** @internal */
  protected readonly _core: Workload;

  constructor(scope: Construct, id: string, props: StatefulServiceProps) {
    super(scope, id);
    if (props === null || typeof props !== 'object') {
      fail(this, 'props', 'must be an object', props, 'pass at least { image, storage: { size } }');
    }
    if (props.autoscaling !== undefined) {
      fail(this, 'autoscaling', 'does not apply to a StatefulService (adding members to a stateful system is a decision, not a reflex)', props.autoscaling,
        'set `replicas`');
    }
    const storage = checkStorage(this, props.storage);
    if (props.parallelPodManagement !== undefined && typeof props.parallelPodManagement !== 'boolean') {
      fail(this, 'parallelPodManagement', 'must be true or false', props.parallelPodManagement, 'pass a boolean');
    }
    const protocol = props.protocol ?? ApiProtocol.TCP;
    if (!ApiProtocol.isApiProtocol(protocol)) {
      fail(this, 'protocol', 'must be an ApiProtocol', protocol, 'use ApiProtocol.TCP, ApiProtocol.HTTP, ApiProtocol.H2C or ApiProtocol.GRPC');
    }
    let headlessName = '';
    this._core = new Workload(this, props, {
      component: 'stateful',
      protocol,
      controller: {
        noSurge: true,
        extraServices: 1,
        create: (core, template, annotations) => {
          headlessName = checkObjectName(this, 'name', `${core.name}-headless`);
          core.podTemplate.mountClaim({ name: CLAIM, mountPath: storage.mountPath }, 'storage.mountPath');
          return keepPatchedValues(new k8s.KubeStatefulSet(core, 'StatefulSet', {
            metadata: core.metadata(annotations),
            spec: {
              replicas: core.replicas,
              serviceName: headlessName,
              selector: { matchLabels: core.selectorLabels },
              podManagementPolicy: props.parallelPodManagement ? 'Parallel' : 'OrderedReady',
              // One pod at a time, the highest ordinal first; the PDB keeps voluntary evictions to one.
              updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
              // The data outlives the StatefulSet and a scale-down: deleting it is a human's decision.
              persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
              minReadySeconds: 5,
              revisionHistoryLimit: 5,
              template,
              volumeClaimTemplates: [{
                // Only the selector labels: the template is immutable, and the version label changes.
                metadata: { name: CLAIM, labels: core.selectorLabels },
                spec: {
                  accessModes: [storage.accessMode],
                  storageClassName: storage.storageClassName,
                  resources: { requests: { storage: k8s.Quantity.fromString(`${storage.mebibytes}Mi`) } },
                },
              }],
            },
          }));
        },
      },
    });
    this.statefulSet = this._core.controller as k8s.KubeStatefulSet;
    this.headlessService = keepPatchedValues(new k8s.KubeService(this, 'HeadlessService', {
      metadata: this._core.metadata(undefined, headlessName),
      spec: {
        type: 'ClusterIP',
        clusterIp: 'None',
        // Peers find each other while they start, before they are ready (bootstrap, elections).
        publishNotReadyAddresses: true,
        selector: this._core.selectorLabels,
        ports: [{ name: this._core.portName, port: this._core.port, targetPort: k8s.IntOrString.fromString(this._core.portName), protocol: 'TCP' }],
      },
    }));
    const headless = this.headlessService;
    refuseNameCollisions(this, () => [headless]);
    this._wiring = new Wiring(this, () => [this._core], this._core.namespace, this._core.port);
    // Its own pods reach each other on the port (replication, gossip).
    const self = { podSelector: { matchLabels: { 'app.kubernetes.io/instance': this._core.name } } };
    this._core.allowIngressFrom(self);
    this._core.allowEgressTo(self, [{ port: k8s.IntOrString.fromNumber(this._core.port), protocol: 'TCP' }]);
  }

  /** The container port. */
  public get port(): number {
    return this._core.port;
  }

  /** The replica count. */
  public get replicas(): number | undefined {
    return this._core.replicas;
  }

  /** The client Service `<name>`: what clients connect to. */
  public get service(): k8s.KubeService {
    return this._core.service!;
  }

  /** The PodDisruptionBudget (one pod down at a time). */
  public get podDisruptionBudget(): k8s.KubePodDisruptionBudget {
    return this._core.podDisruptionBudget!;
  }

  /**
   * The Prometheus Operator object that scrapes `metrics`, when given and the platform runs the
   * Operator: a ServiceMonitor over the client Service, or a PodMonitor behind a load balancer (whose Service carries no metrics port).
   */
  public get monitor(): ApiObject | undefined {
    return this._core.monitor;
  }

  /** The service's pods, on its port. */
  public toPeerSelection(): PeerSelection {
    return {
      description: `StatefulService ${this.node.path}`,
      namespace: this.namespace,
      podLabels: { 'app.kubernetes.io/instance': this.name },
      ports: [NetworkPort.tcp(this.port)],
      golden: true,
    };
  }
}

interface CheckedStorage {
  readonly mebibytes: number;
  readonly storageClassName?: string;
  readonly accessMode: string;
  readonly mountPath: string;
}

function checkStorage(owner: Construct, storage: unknown): CheckedStorage {
  if (storage === null || typeof storage !== 'object') {
    fail(owner, 'storage', 'must be the storage of each pod', storage, 'pass { size: Size.gibibytes(10) }');
  }
  const s = storage as StatefulStorage;
  const mebibytes = s.size instanceof Size ? s.size.toMebibytes({ rounding: SizeRoundingBehavior.NONE }) : NaN;
  if (!Number.isSafeInteger(mebibytes) || mebibytes < 1) {
    fail(owner, 'storage.size', 'must be a whole number of MiB, at least 1', s.size instanceof Size ? `${mebibytes}Mi` : s.size, 'use Size.gibibytes(n) or Size.mebibytes(n)');
  }
  const accessMode = s.accessMode ?? 'ReadWriteOnce';
  if (!ACCESS_MODES.includes(accessMode)) {
    fail(owner, 'storage.accessMode', 'must be a single-writer access mode (each pod has its own volume)', accessMode, `use ${ACCESS_MODES.map((m) => `'${m}'`).join(' or ')}`);
  }
  const mountPath = s.mountPath ?? '/data';
  if (typeof mountPath !== 'string' || !/^\/[^\s]+$/.test(mountPath) || mountPath.split('/').includes('..') || ['/tmp', '/config'].includes(mountPath.replace(/\/+$/, ''))) {
    fail(owner, 'storage.mountPath', 'must be an absolute path other than /, /tmp and /config', mountPath, "use a path such as '/data'");
  }
  return {
    mebibytes,
    storageClassName: s.storageClassName === undefined ? undefined : checkReferenceName(owner, 'storage.storageClassName', s.storageClassName),
    accessMode,
    mountPath,
  };
}
