import { diffManifests } from '../../src/diff/diff';
import { manifestSet } from '../../src/diff/manifest-set';
import { Manifest } from '../../src/guardrails/manifest';

const NS = 'shop';

function diff(old: Manifest[], next: Manifest[]) {
  return diffManifests(manifestSet(old).set, manifestSet(next).set);
}

/** The findings as `rule kind/name: message` (the message starts with the field). */
function found(old: Manifest[], next: Manifest[]): string[] {
  return diff(old, next).map((f) => `${f.rule} ${f.kind}/${f.name}: ${f.message}`);
}

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value));
}

function deployment(name: string, opts: { image?: string; replicas?: number; labels?: Record<string, string>; recreate?: boolean } = {}): Manifest {
  const labels = opts.labels ?? { 'app.kubernetes.io/name': name, 'app.kubernetes.io/instance': name };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: NS, labels: { ...labels, 'app.kubernetes.io/version': '1.0.0' } },
    spec: {
      replicas: opts.replicas ?? 2,
      selector: { matchLabels: labels },
      strategy: opts.recreate ? { type: 'Recreate' } : { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
      template: {
        metadata: { labels },
        spec: { containers: [{ name: 'app', image: opts.image ?? `ghcr.io/acme/${name}:1.0.0`, ports: [{ name: 'http', containerPort: 8080 }] }] },
      },
    },
  };
}

function service(name: string, selector: Record<string, string> = { 'app.kubernetes.io/instance': name }): Manifest {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: NS }, spec: { selector, ports: [{ name: 'http', port: 80, targetPort: 'http' }] } };
}

function ingress(name: string, backend: string): Manifest {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name, namespace: NS },
    spec: { rules: [{ host: 'shop.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: backend, port: { name: 'http' } } } }] } }] },
  };
}

function statefulSet(size = '10Gi'): Manifest {
  const labels = { 'app.kubernetes.io/instance': 'db' };
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'db', namespace: NS },
    spec: {
      serviceName: 'db',
      replicas: 1,
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers: [{ name: 'db', image: 'postgres:16.4' }] } },
      volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: size } } } }],
    },
  };
}

function pvc(spec: Manifest = {}): Manifest {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name: 'data', namespace: NS },
    spec: { storageClassName: 'standard', accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10Gi' } }, ...spec },
  };
}

function job(image: string, extra: Manifest = {}): Manifest {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'migrate', namespace: NS },
    spec: { ...extra, template: { spec: { restartPolicy: 'Never', containers: [{ name: 'migrate', image }] } } },
  };
}

function configMap(data: Record<string, string>, immutable?: boolean): Manifest {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: NS }, immutable, data };
}

function ack(object: Manifest, rule: string, reason: string): Manifest {
  const copy = clone(object);
  copy.metadata.annotations = { ...copy.metadata.annotations, [`ack.cdk8s-golden.io/${rule}`]: reason };
  return copy;
}

const WEB = [deployment('web'), service('web'), ingress('web', 'web')];

describe('harmless changes pass', () => {
  test.each<[string, (objects: Manifest[]) => void]>([
    ['an image bump', (o) => { o[0].spec.template.spec.containers[0].image = 'ghcr.io/acme/web:1.1.0'; }],
    ['more replicas', (o) => { o[0].spec.replicas = 5; }],
    ['a label that is not in the selector', (o) => { o[0].metadata.labels['acme.com/team'] = 'shop'; o[0].spec.template.metadata.labels = { ...o[0].spec.template.metadata.labels, tier: 'web' }; }],
    ['annotations', (o) => { o[1].metadata.annotations = { 'acme.com/owner': 'shop' }; }],
    ['nothing', () => undefined],
  ])('%s', (_name, change) => {
    // GIVEN
    const next = clone(WEB);
    change(next);
    // WHEN / THEN
    expect(found(WEB, next)).toEqual([]);
  });

  test('a brand-new app, OLD empty: nothing to break', () => {
    // WHEN / THEN
    expect(found([], WEB)).toEqual([]);
  });
});

describe('immutable-*', () => {
  test('immutable-selector: a Deployment selector that gains a label', () => {
    // GIVEN
    const next = clone(WEB);
    next[0].spec.selector.matchLabels.version = '2';
    next[0].spec.template.metadata.labels.version = '2';
    // WHEN / THEN
    expect(found(WEB, next)).toEqual([
      'immutable-selector Deployment/web: spec.selector: the API server refuses to change the selector of a Deployment, got '
      + '{"matchLabels":{"app.kubernetes.io/instance":"web","app.kubernetes.io/name":"web"}} in OLD and '
      + '{"matchLabels":{"app.kubernetes.io/instance":"web","app.kubernetes.io/name":"web","version":"2"}} in NEW',
    ]);
  });

  test('immutable-selector: an empty matchExpressions list is the same selector', () => {
    // GIVEN
    const next = clone(WEB);
    next[0].spec.selector.matchExpressions = [];
    // WHEN / THEN
    expect(found(WEB, next)).toEqual([]);
  });

  test('immutable-statefulset: a resized volumeClaimTemplate, a new serviceName; replicas may change', () => {
    // GIVEN
    const next = statefulSet('20Gi');
    next.spec.serviceName = 'db-headless';
    next.spec.replicas = 3;
    // WHEN
    const findings = diff([statefulSet()], [next]);
    // THEN
    expect(findings.map((f) => [f.rule, f.field, f.oldValue, f.newValue])).toEqual([
      ['immutable-statefulset', 'spec.serviceName', 'db', 'db-headless'],
      ['immutable-statefulset', 'spec.volumeClaimTemplates',
        '[{"apiVersion":"v1","kind":"PersistentVolumeClaim","metadata":{"name":"data"},"spec":{"accessModes":["ReadWriteOnce"],"resources":{"requests":{"storage":"10Gi"}},"volumeMode":"Filesystem"}}]',
        '[{"apiVersion":"v1","kind":"PersistentVolumeClaim","metadata":{"name":"data"},"spec":{"accessModes":["ReadWriteOnce"],"resources":{"requests":{"storage":"20Gi"}},"volumeMode":"Filesystem"}}]'],
    ]);
  });

  test('immutable-statefulset: podManagementPolicy written as its default is no change', () => {
    // GIVEN
    const next = statefulSet();
    next.spec.podManagementPolicy = 'OrderedReady';
    const parallel = statefulSet();
    parallel.spec.podManagementPolicy = 'Parallel';
    // WHEN / THEN
    expect(found([statefulSet()], [next])).toEqual([]);
    expect(diff([statefulSet()], [parallel]).map((f) => f.field)).toEqual(['spec.podManagementPolicy']);
  });

  test('immutable-job: a Job re-applied with a new image', () => {
    // WHEN / THEN
    expect(diff([job('ghcr.io/acme/migrate:1.0.0')], [job('ghcr.io/acme/migrate:1.1.0')]).map((f) => [f.rule, f.field, f.message.split(',')[0]])).toEqual([
      ['immutable-job', 'spec.template', 'spec.template: the API server refuses to change the pod template of a Job'],
    ]);
  });

  test('immutable-job: a suspended Job may change its scheduling directives, not its image', () => {
    // GIVEN
    const old = job('ghcr.io/acme/migrate:1.0.0', { suspend: true });
    const moved = clone(old);
    moved.spec.template.spec.nodeSelector = { pool: 'batch' };
    const bumped = job('ghcr.io/acme/migrate:1.1.0', { suspend: true });
    // WHEN / THEN
    expect(found([old], [moved])).toEqual([]);
    expect(diff([old], [bumped]).map((f) => f.rule)).toEqual(['immutable-job']);
  });

  test('immutable-cluster-ip: a Service made headless; leaving clusterIP out keeps it', () => {
    // GIVEN
    const headless = clone(WEB);
    headless[1].spec.clusterIP = 'None';
    const pinned = clone(WEB);
    pinned[1].spec.clusterIP = '10.0.0.12';
    const moved = clone(pinned);
    moved[1].spec.clusterIP = '10.0.0.13';
    // WHEN / THEN
    expect(found(WEB, headless)).toEqual(["immutable-cluster-ip Service/web: spec.clusterIP: a Service that has a cluster IP cannot become headless, got (unset) in OLD and 'None' in NEW"]);
    expect(found(pinned, WEB)).toEqual([]);
    expect(diff(pinned, moved).map((f) => [f.rule, f.oldValue, f.newValue])).toEqual([['immutable-cluster-ip', '10.0.0.12', '10.0.0.13']]);
  });

  test('immutable-cluster-ip and immutable-ip-family: a change to ExternalName may change both', () => {
    // GIVEN
    const old = clone(WEB);
    old[1].spec.clusterIP = '10.0.0.12';
    old[1].spec.ipFamilies = ['IPv4'];
    const external = clone(WEB);
    external[1].spec = { type: 'ExternalName', externalName: 'web.example.com', clusterIP: '', ipFamilies: ['IPv6'] };
    const v6 = clone(old);
    v6[1].spec.ipFamilies = ['IPv6'];
    // WHEN / THEN
    expect(found(old, external)).toEqual([]);
    expect(diff(old, v6).map((f) => [f.rule, f.field])).toEqual([['immutable-ip-family', 'spec.ipFamilies[0]']]);
  });

  test('immutable-pvc: storageClassName and accessModes; immutable-pvc-size: a smaller claim', () => {
    // GIVEN
    const next = pvc({ storageClassName: 'fast', accessModes: ['ReadWriteMany'], resources: { requests: { storage: '9Gi' } } });
    // WHEN / THEN
    expect(diff([pvc()], [next]).map((f) => [f.rule, f.field, f.oldValue, f.newValue])).toEqual([
      ['immutable-pvc', 'spec.storageClassName', 'standard', 'fast'],
      ['immutable-pvc', 'spec.accessModes', '["ReadWriteOnce"]', '["ReadWriteMany"]'],
      ['immutable-pvc-size', 'spec.resources.requests.storage', '10Gi', '9Gi'],
    ]);
  });

  test('immutable-pvc-size: growing needs an expandable class; 10Gi is 10240Mi', () => {
    // GIVEN
    const storageClass = (allowVolumeExpansion?: boolean): Manifest => ({ apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'standard' }, provisioner: 'csi.example.com', allowVolumeExpansion });
    const bigger = pvc({ resources: { requests: { storage: '20Gi' } } });
    // WHEN / THEN
    expect(diff([pvc(), storageClass()], [bigger, storageClass()]).map((f) => f.message)).toEqual([
      "spec.resources.requests.storage: the claim grows but its StorageClass standard does not set allowVolumeExpansion: true, got '10Gi' in OLD and '20Gi' in NEW",
    ]);
    expect(found([pvc(), storageClass(true)], [bigger, storageClass(true)])).toEqual([]);
    expect(found([pvc()], [pvc({ resources: { requests: { storage: '10240Mi' } } })])).toEqual([]);
  });

  test('immutable-data: an immutable ConfigMap whose data changes, or that is no longer immutable', () => {
    // WHEN / THEN
    expect(found([configMap({ a: '1', b: '2' }, true)], [configMap({ a: '1', b: '3' }, true)])).toEqual([
      "immutable-data ConfigMap/settings: data: the API server refuses to change the data of an immutable ConfigMap, got a change of the keys 'b'",
    ]);
    expect(diff([configMap({ a: '1' }, true)], [configMap({ a: '1' })]).map((f) => [f.rule, f.field])).toEqual([['immutable-data', 'immutable']]);
    expect(found([configMap({ a: '1' })], [configMap({ a: '2' })])).toEqual([]);
  });

  test('immutable-data: a Secret\'s stringData is its data; immutable-secret-type: the type is fixed', () => {
    // GIVEN
    const secret = (data: Manifest, type?: string): Manifest => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'key', namespace: NS }, immutable: true, type, ...data });
    // WHEN / THEN
    expect(found([secret({ data: { k: Buffer.from('v').toString('base64') } })], [secret({ stringData: { k: 'v' } }, 'Opaque')])).toEqual([]);
    expect(diff([secret({ stringData: { k: 'v' } })], [secret({ stringData: { k: 'w' } }, 'kubernetes.io/tls')]).map((f) => [f.rule, f.field, f.oldValue, f.newValue])).toEqual([
      ['immutable-data', 'data', '', ''],
      ['immutable-secret-type', 'type', 'Opaque', 'kubernetes.io/tls'],
    ]);
  });

  test('immutable-role-ref: a RoleBinding pointed at another Role', () => {
    // GIVEN
    const binding = (role: string): Manifest => ({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: 'web', namespace: NS },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: role },
      subjects: [{ kind: 'ServiceAccount', name: 'web', namespace: NS }],
    });
    // WHEN / THEN
    expect(diff([binding('read')], [binding('write')]).map((f) => [f.rule, f.field])).toEqual([['immutable-role-ref', 'roleRef']]);
  });
});

describe('prune-*', () => {
  const namespace: Manifest = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: NS } };
  const crd: Manifest = { apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name: 'widgets.acme.com' } };

  test('a removed Namespace, PVC, StatefulSet with claims and CRD', () => {
    // WHEN / THEN
    expect(found([namespace, pvc(), statefulSet(), crd, ...WEB], WEB)).toEqual([
      'prune-namespace Namespace/shop: Namespace shop is in OLD and not in NEW: applied with prune, it is deleted with everything in it (5 objects of OLD, and all the cluster holds there)',
      'prune-pvc PersistentVolumeClaim/data: PersistentVolumeClaim shop/data is in OLD and not in NEW: applied with prune, the claim is deleted, and with it its volume unless the volume\'s reclaimPolicy is Retain',
      'prune-statefulset StatefulSet/db: StatefulSet shop/db is in OLD and not in NEW: applied with prune, its pods are deleted and its claims are left without a workload (whenDeleted: Retain)',
      'prune-crd CustomResourceDefinition/widgets.acme.com: CustomResourceDefinition widgets.acme.com is in OLD and not in NEW: applied with prune, every custom resource of this kind is deleted, in every namespace',
    ]);
  });

  test('a removed Deployment, Service or ConfigMap nobody references is no finding', () => {
    // WHEN / THEN
    expect(found([...WEB, configMap({ a: '1' })], [])).toEqual([]);
  });

  test('prune-config-in-use: a ConfigMap removed while a pod still reads it through envFrom, a projected volume or a key', () => {
    // GIVEN
    const next = clone(WEB);
    const pod = next[0].spec.template.spec;
    pod.containers[0].envFrom = [{ configMapRef: { name: 'settings' } }, { secretRef: { name: 'gone', optional: true } }];
    pod.containers[0].env = [{ name: 'A', valueFrom: { configMapKeyRef: { name: 'settings', key: 'a' } } }];
    pod.volumes = [{ name: 'all', projected: { sources: [{ configMap: { name: 'settings' } }] } }];
    // WHEN
    const findings = diff([...clone(WEB), configMap({ a: '1' }), { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'gone', namespace: NS } }], next);
    // THEN
    expect(findings.map((f) => [f.rule, f.kind, f.name, f.field])).toEqual([
      ['prune-config-in-use', 'Deployment', 'web', 'spec.template.spec.containers[0].env[0].valueFrom.configMapKeyRef'],
      ['prune-config-in-use', 'Deployment', 'web', 'spec.template.spec.containers[0].envFrom[0].configMapRef'],
      ['prune-config-in-use', 'Deployment', 'web', 'spec.template.spec.volumes[0].projected.sources[0].configMap'],
    ]);
    expect(findings[0].message).toBe('spec.template.spec.containers[0].env[0].valueFrom.configMapKeyRef: Deployment shop/web still references ConfigMap shop/settings, '
      + 'which is in OLD and not in NEW, got a reference to a pruned object');
  });

  test('prune-config-in-use: a Secret volume', () => {
    // GIVEN
    const old = [...clone(WEB), { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'tls', namespace: NS } }];
    old[0].spec.template.spec.volumes = [{ name: 'tls', secret: { secretName: 'tls' } }];
    // WHEN / THEN
    expect(diff(old, old.slice(0, 3)).map((f) => f.field)).toEqual(['spec.template.spec.volumes[0].secret']);
  });
});

describe('traffic-*', () => {
  test('traffic-route: an Ingress moved to a Deployment created in the same commit', () => {
    // GIVEN
    const next = [deployment('web'), service('web'), deployment('web-v2'), service('web-v2'), ingress('web', 'web-v2')];
    // WHEN
    const findings = diff(WEB, next);
    // THEN
    expect(findings.map((f) => [f.rule, f.kind, f.name, f.field, f.oldValue, f.newValue])).toEqual([
      ['traffic-route', 'Ingress', 'web', 'spec.rules[0].http.paths[0].backend', 'Service shop/web-v2: no share', 'Service shop/web-v2: 100% to 0 ready pods'],
    ]);
  });

  test('traffic-service: a Deployment with the Recreate strategy leaves its Service without a ready pod', () => {
    // GIVEN
    const old = [deployment('web', { recreate: true }), service('web')];
    const next = [deployment('web', { recreate: true, image: 'ghcr.io/acme/web:2.0.0' }), service('web')];
    // WHEN / THEN
    expect(found(old, next)).toEqual([
      'traffic-service Service/web: spec.selector: Service shop/web has no ready pod right after the apply, got 2 ready pods in OLD '
      + '(selector {"app.kubernetes.io/instance":"web"} in OLD, {"app.kubernetes.io/instance":"web"} in NEW)',
    ]);
  });

  test('pods the model does not count (a StatefulSet) are left to the cluster', () => {
    // GIVEN
    const db = statefulSet();
    const old = [db, service('db')];
    const next = [db, service('db'), ingress('db', 'db')];
    // WHEN / THEN
    expect(found(old, next)).toEqual([]);
  });
});

describe('acknowledgements', () => {
  test('on the NEW object, with a reason, a finding is acknowledged', () => {
    // GIVEN
    const next = clone(WEB);
    next[1].spec.clusterIP = 'None';
    // WHEN / THEN
    expect(found(WEB, [next[0], ack(next[1], 'immutable-cluster-ip', 'recreated by hand during the maintenance window'), next[2]])).toEqual([]);
  });

  test('on the OLD object of a removed one', () => {
    // WHEN / THEN
    expect(found([ack(pvc(), 'prune-pvc', 'the data moved to the new cluster (ticket OPS-12)')], [])).toEqual([]);
  });

  test('without a reason, it acknowledges nothing and is itself a finding', () => {
    // GIVEN
    const next = clone(WEB);
    next[1].spec.clusterIP = 'None';
    // WHEN
    const findings = diff(WEB, [next[0], ack(next[1], 'immutable-cluster-ip', ' '), next[2]]);
    // THEN
    expect(findings.map((f) => [f.rule, f.kind, f.message])).toEqual([
      ['ack-reason', 'Service', 'acknowledgement of immutable-cluster-ip has no written reason'],
      ['immutable-cluster-ip', 'Service', "spec.clusterIP: a Service that has a cluster IP cannot become headless, got (unset) in OLD and 'None' in NEW"],
    ]);
  });

  test('an acknowledgement of another rule does not hide a finding', () => {
    // GIVEN
    const next = clone(WEB);
    next[1].spec.clusterIP = 'None';
    // WHEN / THEN
    expect(diff(WEB, [next[0], ack(next[1], 'immutable-selector', 'wrong rule'), next[2]]).map((f) => f.rule)).toEqual(['immutable-cluster-ip']);
  });
});

describe('bad input', () => {
  test('a field of an unexpected type is reported, never passed', () => {
    // GIVEN a route whose rules are no list
    const next = clone(WEB);
    next.push({ apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', metadata: { name: 'web', namespace: NS }, spec: { rules: 5 } });
    // WHEN
    const findings = diff(WEB, next);
    // THEN
    expect(findings.map((f) => [f.rule, f.message.split(' (')[0]])).toEqual([['traffic-route', 'the rule could not check this change']]);
  });
});

describe('traffic-service and pods scaled to 0 on purpose', () => {
  test('a Service whose Deployment NEW scales to 0 does not carry traffic in NEW', () => {
    // GIVEN
    const old = [deployment('web'), service('web')];
    const next = [deployment('web', { replicas: 0 }), service('web')];
    // WHEN / THEN
    expect(found(old, next)).toEqual([]);
  });
});

describe('values of unexpected types never make diff throw', () => {
  const KINDS: Array<[string, string]> = [
    ['apps/v1', 'Deployment'], ['apps/v1', 'StatefulSet'], ['batch/v1', 'Job'], ['v1', 'Service'], ['v1', 'PersistentVolumeClaim'],
    ['v1', 'ConfigMap'], ['v1', 'Secret'], ['rbac.authorization.k8s.io/v1', 'RoleBinding'], ['networking.k8s.io/v1', 'Ingress'],
    ['gateway.networking.k8s.io/v1', 'HTTPRoute'], ['autoscaling/v2', 'HorizontalPodAutoscaler'],
  ];
  const ODD: unknown[] = [5, 'text', [], [1, 'a'], { toString: 1 }, null, true, { selector: 'x', template: [], rules: {}, ports: 'p' }];

  test.each(ODD.map((v) => [JSON.stringify(v), v]))('every field set to %s, in OLD, in NEW or both', (_name, odd) => {
    // GIVEN objects of every kind the rules read, with spec, data and their fields of the wrong type
    const objects = (value: unknown): Manifest[] => KINDS.map(([apiVersion, kind]) => ({
      apiVersion,
      kind,
      metadata: { name: 'x', namespace: NS, annotations: { 'ack.cdk8s-golden.io/immutable-selector': value } },
      spec: Object.fromEntries(['selector', 'template', 'rules', 'ports', 'resources', 'volumeClaimTemplates', 'clusterIPs', 'replicas'].map((f) => [f, value])),
      data: value,
      stringData: value,
      roleRef: value,
      immutable: true,
    }));
    // WHEN / THEN: findings (or none), never an exception
    for (const [old, next] of [[objects(odd), objects({})], [objects({}), objects(odd)], [objects(odd), objects(odd)], [objects(odd), []]]) {
      expect(() => diff(old, next)).not.toThrow();
      for (const finding of diff(old, next)) {
        expect(finding.severity).toBe('error');
        expect(typeof finding.message).toBe('string');
      }
    }
  });
});
