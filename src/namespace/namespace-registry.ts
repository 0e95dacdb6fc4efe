import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { QuotaNumbers } from './namespace-quota';

/** What a golden workload may use at most: at its largest scale plus the rollout surge. */
export interface WorkloadNeeds {
  /** The workload construct, for messages. */
  readonly owner: IConstruct;
  readonly name: string;
  readonly pods: number;
  readonly cpuRequest: number;
  readonly cpuLimit: number;
  readonly memory: number;
  readonly ephemeralStorageRequest: number;
  readonly ephemeralStorageLimit: number;
  readonly services: number;
}

/** A SecureNamespace as workloads see it. */
export interface NamespaceEntry {
  readonly owner: IConstruct;
  /** The Namespace object, which objects in the namespace are ordered after. */
  readonly namespaceObject?: () => ApiObject;
  readonly quota: QuotaNumbers;
  /** Whether the quota limits CPU (not when the platform turns CPU limits off). */
  readonly cpuLimits: boolean;
}

interface Registry {
  readonly workloads: Map<string, Array<() => WorkloadNeeds>>;
  readonly namespaces: Map<string, NamespaceEntry>;
}

const registries = new WeakMap<IConstruct, Registry>();

function registryOf(scope: IConstruct): Registry {
  const root = scope.node.root;
  let registry = registries.get(root);
  if (!registry) {
    registry = { workloads: new Map(), namespaces: new Map() };
    registries.set(root, registry);
  }
  return registry;
}

/** Records that a golden workload runs in a namespace, with what it needs (read at synth). */
export function registerWorkload(scope: IConstruct, namespace: string | undefined, needs: () => WorkloadNeeds): void {
  if (namespace === undefined) {
    return;
  }
  const workloads = registryOf(scope).workloads;
  const inNamespace = workloads.get(namespace);
  if (inNamespace === undefined) {
    workloads.set(namespace, [needs]);
  } else {
    inNamespace.push(needs);
  }
}

/** Records a SecureNamespace; returns the one already declared with that name, if any. */
export function registerNamespace(name: string, entry: NamespaceEntry): NamespaceEntry | undefined {
  const namespaces = registryOf(entry.owner).namespaces;
  const existing = namespaces.get(name);
  if (existing === undefined) {
    namespaces.set(name, entry);
  }
  return existing;
}

/** The SecureNamespace of that name in the app, if there is one. */
export function secureNamespace(scope: IConstruct, name: string | undefined): NamespaceEntry | undefined {
  return name === undefined ? undefined : registryOf(scope).namespaces.get(name);
}

/** The SecureNamespaces of the app, by name. */
export function secureNamespaces(scope: IConstruct): ReadonlyMap<string, NamespaceEntry> {
  return registryOf(scope).namespaces;
}

/** The golden workloads of a namespace in the app. */
export function workloadsIn(scope: IConstruct, namespace: string): WorkloadNeeds[] {
  return (registryOf(scope).workloads.get(namespace) ?? []).map((needs) => needs());
}
