/**
 * A small model of a cluster that GitOps applies commits to: the oracle for "does this output
 * work while it rolls out", not only "is it valid". Pure functions: nothing here reads or writes
 * anything but its arguments, and no argument is changed.
 *
 * Input is what `cdk8s synth` writes, parsed: arrays of plain manifest objects (no cdk8s types),
 * so the model serves any manifest set: the canary workflow's tests, and the `traffic-*` rules of
 * `cdk8s-golden diff` (src/diff/rules/traffic.ts), which run it on untrusted input. Lookups go
 * through indexes by kind, namespace and name, so a manifest set is modelled in about linear time.
 *
 * What it models, and nothing more:
 * - `apply(previous, manifests)`: a commit's manifests are applied at once, with prune: an object
 *   absent from the commit is deleted. The result is the state right after the apply, before any
 *   new pod is ready.
 * - Pods of a Deployment: its desired count is `spec.replicas`, or, without it, the `minReplicas`
 *   of a HorizontalPodAutoscaler that targets it (or 1, the API default). Right after an apply:
 *   - a new Deployment, or one that had no ready pod, has none (new pods start unready);
 *   - a template change keeps `min(old ready, desired)` ready pods of the OLD template, minus what
 *     `maxUnavailable` lets go at once (none with `maxUnavailable: 0`; all with `Recreate`);
 *   - a change of replicas only keeps `min(old ready, desired)` (scale-up pods start unready);
 *   - no change keeps what was ready.
 * - `settle(state)`: every Deployment at its desired count, all pods ready, of the new template.
 * - A Service routes only to ready pods of its namespace that its selector matches and that expose
 *   its target port (a Service without selector has no endpoints here).
 * - Weighted traffic: each HTTPRoute rule splits by `backendRefs[].weight` (default 1); each plain
 *   Ingress sends its host and path to its backend; an ingress-nginx canary Ingress
 *   (`nginx.ingress.kubernetes.io/canary: "true"`) takes `canary-weight` of `canary-weight-total`
 *   (default 100) from the main Ingress of the same host and path. A backend whose Service has no
 *   ready endpoint fails its share. Traffic routed only by a header (HTTPRoute rules whose every
 *   match has headers, `canary-by-header*`) is opt-in and reported apart, never as weighted.
 * - Who reaches whom: NetworkPolicies (podSelector, policyTypes, ingress and egress peers with pod
 *   and namespace selectors, ports by number, range or name) decide whether a pod reaches another
 *   on a port; a pod reaches a Service when it reaches one of its ready endpoints. Namespace labels
 *   come from the Namespace objects applied, plus `kubernetes.io/metadata.name`.
 *
 * Not modelled: scheduling, quotas, probes' timing, surge limits, DNS, ipBlock peers (they never
 * match pods here), Services of type ExternalName, EndpointSlices written by hand.
 */

/** A parsed manifest. */
export type Manifest = { [key: string]: any };

/** The ready pods of one Deployment, all from one pod template. */
export interface PodGroup {
  readonly namespace: string;
  /** The Deployment's name. */
  readonly deployment: string;
  /** The labels of the pods (of the template they come from). */
  readonly labels: Readonly<Record<string, string>>;
  /** The container images of the pods. */
  readonly images: readonly string[];
  /** The container ports: name and number. */
  readonly ports: ReadonlyArray<{ readonly name?: string; readonly containerPort: number; readonly protocol?: string }>;
  /** How many of the pods are ready. */
  readonly ready: number;
  /** The pod template itself, to tell a template change (compared by value, `sameValue`). */
  readonly template: unknown;
}

/** The cluster: the objects applied and the ready pods of each Deployment. */
export interface ClusterState {
  readonly objects: readonly Manifest[];
  /** One group per Deployment, in the order of the objects. */
  readonly pods: readonly PodGroup[];
}

/** An empty cluster. */
export const EMPTY_CLUSTER: ClusterState = { objects: [], pods: [] };

/** The object that sends traffic to a backend: an HTTPRoute or an Ingress. */
export interface RouteRef {
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
}

/** One backend of weighted or header traffic. */
export interface Backend {
  /** What sends the traffic, e.g. `HTTPRoute shop/web rule 1` or `Ingress shop/web shop.example.com/`. */
  readonly via: string;
  /** The HTTPRoute or Ingress that sends it. */
  readonly route: RouteRef;
  /** Where in that object: `spec.rules[1].backendRefs`, or `spec.rules[0].http.paths[0].backend`. */
  readonly field: string;
  /**
   * The requests that the backends share, the same in any state: `HTTPRoute shop/web rule 1`, or
   * `Ingress shop shop.example.com/` for a host and path (the main Ingress and its canary share them).
   */
  readonly traffic: string;
  readonly namespace: string;
  readonly service: string;
  /** The percent of the route's (non-header) traffic; 0 for header traffic. */
  readonly share: number;
  /** True when only requests with a header get here (opt-in, not weighted). */
  readonly byHeader: boolean;
  /** Ready endpoints of the Service. */
  readonly readyPods: number;
}

/** A pod to ask about: its namespace, labels and container ports. */
export interface PodRef {
  readonly namespace: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly ports?: PodGroup['ports'];
}

const MANAGED_NAMESPACE_LABEL = 'kubernetes.io/metadata.name';

/** Applies a commit's manifests at once, with prune: the state right after the apply. */
export function apply(previous: ClusterState, manifests: readonly Manifest[]): ClusterState {
  const objects = manifests.filter((m) => m && typeof m === 'object' && !Array.isArray(m) && typeof m.kind === 'string');
  const before = new Map<string, PodGroup>();
  for (const group of previous.pods) {
    const key = `${group.namespace}/${group.deployment}`;
    if (!before.has(key)) {
      before.set(key, group);
    }
  }
  const pods = objects.filter((o) => o.kind === 'Deployment').map((deployment): PodGroup => {
    const namespace = namespaceOf(deployment);
    const name = deployment.metadata?.name;
    const desired = desiredReplicas(deployment, objects);
    const next = groupOf(deployment, 0);
    const old = before.get(`${namespace}/${name}`);
    if (old === undefined || old.ready === 0 || desired === 0) {
      return next;
    }
    const kept = Math.min(old.ready, desired);
    if (sameValue(old.template, next.template)) {
      return { ...next, ready: kept };
    }
    return { ...old, ready: Math.max(0, kept - unavailableDuringRollout(deployment, desired)) };
  });
  return { objects, pods };
}

/** The state once every rollout is done: each Deployment at its desired count, all ready. */
export function settle(state: ClusterState): ClusterState {
  return {
    objects: state.objects,
    pods: state.objects.filter((o) => o.kind === 'Deployment').map((d) => groupOf(d, desiredReplicas(d, state.objects))),
  };
}

/** Applies the commits one after the other, settling between them; returns the state right after the last apply. */
export function applyAll(commits: ReadonlyArray<readonly Manifest[]>, from: ClusterState = EMPTY_CLUSTER): ClusterState {
  return commits.reduce((state, commit, i) => apply(i === 0 ? state : settle(state), commit), from);
}

/** The pods a Deployment runs when settled: `spec.replicas`, else its autoscaler's minimum, else 1. */
export function desiredReplicas(deployment: Manifest, objects: readonly Manifest[]): number {
  if (deployment.spec?.replicas !== undefined) {
    return deployment.spec.replicas;
  }
  const hpa = indexOf(objects).autoscalers.get(`${namespaceOf(deployment)}/${deployment.metadata?.name}`);
  return hpa === undefined ? 1 : hpa.spec?.minReplicas ?? 1;
}

/** The ready pods behind a Service (by Deployment), or undefined when the Service does not exist. */
export function endpoints(state: ClusterState, namespace: string, service: string): PodGroup[] | undefined {
  const svc = find(state, 'Service', namespace, service);
  if (svc === undefined) {
    return undefined;
  }
  const selector: Record<string, string> | undefined = svc.spec?.selector;
  if (selector === undefined || Object.keys(selector).length === 0) {
    return [];
  }
  const targets: unknown[] = (svc.spec?.ports ?? []).map((p: any) => p.targetPort ?? p.port);
  // Services with the same selector and target ports have the same endpoints: computed once per state.
  const memoKey = `${namespace}\u0000${JSON.stringify(selector)}\u0000${JSON.stringify(targets)}`;
  let memo = ENDPOINTS.get(state.pods);
  if (memo === undefined) {
    memo = new Map();
    ENDPOINTS.set(state.pods, memo);
  }
  const known = memo.get(memoKey);
  if (known !== undefined) {
    return [...known];
  }
  // The candidates: the pods of the namespace that carry the selector's rarest label.
  const byLabel = podsIn(state).get(namespace);
  let candidates: readonly PodGroup[] = [];
  Object.entries(selector).forEach(([key, value], i) => {
    const list = byLabel?.get(`${key}=${value}`) ?? [];
    if (i === 0 || list.length < candidates.length) {
      candidates = list;
    }
  });
  const found = candidates.filter((p) => p.ready > 0 && matchLabels(selector, p.labels)
    && targets.every((t) => resolvePort(t, p) !== undefined));
  memo.set(memoKey, found);
  return [...found];
}

/** The number of ready pods behind a Service; 0 when it does not exist. */
export function readyEndpoints(state: ClusterState, namespace: string, service: string): number {
  return (endpoints(state, namespace, service) ?? []).reduce((n, p) => n + p.ready, 0);
}

/** Every backend of every HTTPRoute and Ingress, with its share of traffic and its ready pods. */
export function backends(state: ClusterState): Backend[] {
  const found: Backend[] = [];
  const add = (via: string, route: Manifest, field: string, traffic: string, namespace: string, service: string, share: number, byHeader: boolean) =>
    found.push({
      via,
      route: { kind: route.kind, namespace: namespaceOf(route), name: route.metadata?.name },
      field,
      traffic,
      namespace,
      service,
      share,
      byHeader,
      readyPods: readyEndpoints(state, namespace, service),
    });

  for (const route of state.objects.filter((o) => o.kind === 'HTTPRoute')) {
    const namespace = namespaceOf(route);
    (route.spec?.rules ?? []).forEach((rule: any, i: number) => {
      const matches: any[] = rule.matches ?? [];
      const byHeader = matches.length > 0 && matches.every((m) => (m.headers ?? []).length > 0);
      const refs = (rule.backendRefs ?? []).filter((b: any) => (b.group ?? '') === '' && (b.kind ?? 'Service') === 'Service');
      const total = refs.reduce((n: number, b: any) => n + (b.weight ?? 1), 0);
      for (const ref of refs) {
        const share = byHeader || total === 0 ? 0 : (100 * (ref.weight ?? 1)) / total;
        const via = `HTTPRoute ${namespace}/${route.metadata?.name} rule ${i}`;
        add(via, route, `spec.rules[${i}].backendRefs`, via, ref.namespace ?? namespace, ref.name, share, byHeader);
      }
    });
  }

  const ingresses = state.objects.filter((o) => o.kind === 'Ingress');
  const paths = (ingress: Manifest) => (ingress.spec?.rules ?? []).flatMap((rule: any, r: number) =>
    (rule.http?.paths ?? []).map((p: any, i: number) => ({
      host: rule.host ?? '*', path: p.path ?? '/', service: p.backend?.service?.name as string, field: `spec.rules[${r}].http.paths[${i}].backend`,
    })));
  // The canary Ingress of each namespace, host and path (the first one, as ingress-nginx merges one canary).
  const canaryAt = new Map<string, Manifest>();
  for (const canary of ingresses.filter((i) => isNginxCanary(i))) {
    for (const p of paths(canary)) {
      const key = `${namespaceOf(canary)}\u0000${p.host}\u0000${p.path}`;
      if (!canaryAt.has(key)) {
        canaryAt.set(key, canary);
      }
    }
  }
  for (const main of ingresses.filter((i) => !isNginxCanary(i))) {
    const namespace = namespaceOf(main);
    for (const { host, path, service, field } of paths(main)) {
      const canary = canaryAt.get(`${namespace}\u0000${host}\u0000${path}`);
      const annotations = canary?.metadata?.annotations ?? {};
      const weight = canary === undefined ? 0 : Number(annotations['nginx.ingress.kubernetes.io/canary-weight'] ?? 0);
      const total = Number(annotations['nginx.ingress.kubernetes.io/canary-weight-total'] ?? 100);
      const canaryShare = Math.min(100, (100 * weight) / total);
      const traffic = `Ingress ${namespace} ${host}${path}`;
      add(`Ingress ${namespace}/${main.metadata?.name} ${host}${path}`, main, field, traffic, namespace, service, 100 - canaryShare, false);
      if (canary !== undefined) {
        const canaryPath = paths(canary).find((p: any) => p.host === host && p.path === path)!;
        const via = `Ingress ${namespace}/${canary.metadata?.name} ${host}${path}`;
        add(via, canary, canaryPath.field, traffic, namespace, canaryPath.service, canaryShare, false);
        if (annotations['nginx.ingress.kubernetes.io/canary-by-header'] !== undefined || annotations['nginx.ingress.kubernetes.io/canary-by-cookie'] !== undefined) {
          add(via, canary, canaryPath.field, traffic, namespace, canaryPath.service, 0, true);
        }
      }
    }
  }
  return found;
}

/** Weighted (non-header) backends that get a share of traffic but have no ready pod: requests that fail. */
export function failingBackends(state: ClusterState): Backend[] {
  return backends(state).filter((b) => !b.byHeader && b.share > 0 && b.readyPods === 0);
}

/** The pods of a Deployment as a PodRef (its template's labels and ports). */
export function podOf(state: ClusterState, namespace: string, deployment: string): PodRef {
  const d = find(state, 'Deployment', namespace, deployment);
  if (d === undefined) {
    throw new Error(`no Deployment ${namespace}/${deployment} in the cluster`);
  }
  const group = groupOf(d, 0);
  return { namespace, labels: group.labels, ports: group.ports };
}

/**
 * Whether pod `from` may open a connection to pod `to` on a port (a number, or a name of `to`'s
 * container ports), given the NetworkPolicies: egress of `from`'s namespace and ingress of `to`'s.
 */
export function reaches(state: ClusterState, from: PodRef, to: PodRef, port: number | string, protocol = 'TCP'): boolean {
  const number = resolvePort(port, to);
  if (number === undefined) {
    return false;
  }
  const allowed = (policy: Manifest, type: 'Ingress' | 'Egress') => {
    const rules: any[] = (type === 'Ingress' ? policy.spec?.ingress : policy.spec?.egress) ?? [];
    const peer = type === 'Ingress' ? from : to;
    return rules.some((rule) => peersMatch(state, type === 'Ingress' ? rule.from : rule.to, peer, namespaceOf(policy))
      && portsMatch(rule.ports, number, protocol, to));
  };
  const egress = policiesFor(state, from, 'Egress');
  const ingress = policiesFor(state, to, 'Ingress');
  return (egress.length === 0 || egress.some((p) => allowed(p, 'Egress')))
    && (ingress.length === 0 || ingress.some((p) => allowed(p, 'Ingress')));
}

/** The Deployments behind a Service (ready endpoints) that pod `from` reaches on the Service's port. */
export function reachableBehind(state: ClusterState, from: PodRef, namespace: string, service: string, servicePort: number): string[] {
  const svc = find(state, 'Service', namespace, service);
  const port = (svc?.spec?.ports ?? []).find((p: any) => p.port === servicePort);
  if (port === undefined) {
    return [];
  }
  return (endpoints(state, namespace, service) ?? [])
    .filter((p) => reaches(state, from, p, port.targetPort ?? port.port, port.protocol ?? 'TCP'))
    .map((p) => p.deployment);
}

/** Whether a label set satisfies a selector's `matchLabels` (a plain map). */
export function matchLabels(selector: Readonly<Record<string, string>>, labels: Readonly<Record<string, string>>): boolean {
  return Object.entries(selector).every(([k, v]) => labels[k] === v);
}

/** Whether a label set satisfies a LabelSelector (`matchLabels` and `matchExpressions`); an empty one selects all. */
export function matchSelector(selector: any, labels: Readonly<Record<string, string>>): boolean {
  if (!matchLabels(selector?.matchLabels ?? {}, labels)) {
    return false;
  }
  return (selector?.matchExpressions ?? []).every((e: any) => {
    const has = Object.prototype.hasOwnProperty.call(labels, e.key);
    switch (e.operator) {
      case 'In': return has && (e.values ?? []).includes(labels[e.key]);
      case 'NotIn': return !has || !(e.values ?? []).includes(labels[e.key]);
      case 'Exists': return has;
      case 'DoesNotExist': return !has;
      default: throw new Error(`unknown selector operator ${e.operator}`);
    }
  });
}

function namespaceOf(o: Manifest): string {
  return o.metadata?.namespace ?? 'default';
}

function find(state: ClusterState, kind: string, namespace: string, name: string): Manifest | undefined {
  return indexOf(state.objects).byKey.get(`${kind}\u0000${namespace}\u0000${name}`);
}

/** Lookups over one manifest set, built once per set (the sets are never changed). */
interface ObjectIndex {
  /** The first object of each kind, namespace and name. */
  readonly byKey: ReadonlyMap<string, Manifest>;
  /** The first HorizontalPodAutoscaler that targets each Deployment (`namespace/name`). */
  readonly autoscalers: ReadonlyMap<string, Manifest>;
}

const INDEXES = new WeakMap<readonly Manifest[], ObjectIndex>();

function indexOf(objects: readonly Manifest[]): ObjectIndex {
  let index = INDEXES.get(objects);
  if (index === undefined) {
    const byKey = new Map<string, Manifest>();
    const autoscalers = new Map<string, Manifest>();
    for (const o of objects) {
      const key = `${o.kind}\u0000${namespaceOf(o)}\u0000${o.metadata?.name}`;
      if (!byKey.has(key)) {
        byKey.set(key, o);
      }
      if (o.kind === 'HorizontalPodAutoscaler' && o.spec?.scaleTargetRef?.kind === 'Deployment') {
        const target = `${namespaceOf(o)}/${o.spec.scaleTargetRef.name}`;
        if (!autoscalers.has(target)) {
          autoscalers.set(target, o);
        }
      }
    }
    index = { byKey, autoscalers };
    INDEXES.set(objects, index);
  }
  return index;
}

const ENDPOINTS = new WeakMap<readonly PodGroup[], Map<string, PodGroup[]>>();

const PODS_BY_LABEL = new WeakMap<readonly PodGroup[], ReadonlyMap<string, ReadonlyMap<string, PodGroup[]>>>();

/** The pod groups of a state by namespace, then by `key=value` label, in state order; built once per state. */
function podsIn(state: ClusterState): ReadonlyMap<string, ReadonlyMap<string, PodGroup[]>> {
  let byNamespace = PODS_BY_LABEL.get(state.pods);
  if (byNamespace === undefined) {
    const map = new Map<string, Map<string, PodGroup[]>>();
    for (const group of state.pods) {
      let byLabel = map.get(group.namespace);
      if (byLabel === undefined) {
        byLabel = new Map();
        map.set(group.namespace, byLabel);
      }
      for (const [key, value] of Object.entries(group.labels)) {
        const label = `${key}=${value}`;
        const list = byLabel.get(label);
        if (list) {
          list.push(group);
        } else {
          byLabel.set(label, [group]);
        }
      }
    }
    byNamespace = map;
    PODS_BY_LABEL.set(state.pods, byNamespace);
  }
  return byNamespace;
}

function groupOf(deployment: Manifest, ready: number): PodGroup {
  const template = deployment.spec?.template ?? {};
  const containers: any[] = template.spec?.containers ?? [];
  return {
    namespace: namespaceOf(deployment),
    deployment: deployment.metadata?.name,
    labels: template.metadata?.labels ?? {},
    images: containers.map((c) => c.image),
    ports: containers.flatMap((c) => c.ports ?? []),
    ready,
    template,
  };
}

/** Pods a rolling update may take down at once (`maxUnavailable`, a percentage rounds down; all with Recreate). */
function unavailableDuringRollout(deployment: Manifest, desired: number): number {
  const strategy = deployment.spec?.strategy;
  if (strategy?.type === 'Recreate') {
    return desired;
  }
  const value = strategy?.rollingUpdate?.maxUnavailable ?? '25%';
  return typeof value === 'string' && value.endsWith('%') ? Math.floor((desired * Number(value.slice(0, -1))) / 100) : Number(value);
}

function resolvePort(port: unknown, pod: PodRef): number | undefined {
  if (typeof port === 'number') {
    return port;
  }
  if (typeof port === 'string' && /^[0-9]+$/.test(port)) {
    return Number(port);
  }
  return (pod.ports ?? []).find((p) => p.name === port)?.containerPort;
}

function policiesFor(state: ClusterState, pod: PodRef, type: 'Ingress' | 'Egress'): Manifest[] {
  return state.objects.filter((o) => o.kind === 'NetworkPolicy' && namespaceOf(o) === pod.namespace
    && matchSelector(o.spec?.podSelector ?? {}, pod.labels)
    && (o.spec?.policyTypes ?? (o.spec?.egress !== undefined ? ['Ingress', 'Egress'] : ['Ingress'])).includes(type));
}

function namespaceLabels(state: ClusterState, namespace: string): Record<string, string> {
  const ns = state.objects.find((o) => o.kind === 'Namespace' && o.metadata?.name === namespace);
  return { ...ns?.metadata?.labels, [MANAGED_NAMESPACE_LABEL]: namespace };
}

function peersMatch(state: ClusterState, peers: any[] | undefined, pod: PodRef, policyNamespace: string): boolean {
  if (peers === undefined || peers.length === 0) {
    return true;
  }
  return peers.some((peer) => {
    if (peer.ipBlock !== undefined) {
      return false;
    }
    const namespaceOk = peer.namespaceSelector === undefined
      ? pod.namespace === policyNamespace
      : matchSelector(peer.namespaceSelector, namespaceLabels(state, pod.namespace));
    return namespaceOk && matchSelector(peer.podSelector ?? {}, pod.labels);
  });
}

function portsMatch(ports: any[] | undefined, port: number, protocol: string, to: PodRef): boolean {
  if (ports === undefined || ports.length === 0) {
    return true;
  }
  return ports.some((p) => {
    if ((p.protocol ?? 'TCP') !== protocol) {
      return false;
    }
    if (p.port === undefined) {
      return true;
    }
    const start = resolvePort(p.port, to);
    return start !== undefined && port >= start && port <= (p.endPort ?? start);
  });
}

/**
 * Whether two values from parsed manifests are equal by value: the same scalars, lists of equal
 * items, maps with the same keys (in any order) and equal values. Nesting deeper than 200 levels
 * counts as different (the reader refuses such input anyway).
 */
export function sameValue(a: unknown, b: unknown, depth = 0): boolean {
  if (a === b) {
    return true;
  }
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object' || depth > 200) {
    return false;
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => sameValue(v, b[i], depth + 1));
  }
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) {
    return false;
  }
  return keys.every((k) => Object.prototype.hasOwnProperty.call(b, k)
    && sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], depth + 1));
}

function isNginxCanary(ingress: Manifest): boolean {
  return ['1', 't', 'T', 'TRUE', 'true', 'True'].includes(ingress.metadata?.annotations?.['nginx.ingress.kubernetes.io/canary']);
}
