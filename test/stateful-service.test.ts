import { Chart, Size, Testing } from 'cdk8s';
import { Cpu } from 'cdk8s-plus-30/lib/container';
import {
  ApiProtocol, HealthCheck, NamespaceQuota, SecureNamespace, StatefulService, StatefulServiceProps, WebService,
} from '../src';
import { containerOf, namespacedChart, oneOf } from './util/manifests';
import { allSchemaErrors } from './util/schema';
import { checkManifests } from '../src/guardrails/engine';

const IMAGE = 'ghcr.io/acme/kv:7.2.4';

function synth(props: Partial<StatefulServiceProps> = {}, chart = namespacedChart()): any[] {
  const kv = new StatefulService(chart, 'kv', { image: IMAGE, port: 6379, storage: { size: Size.gibibytes(10) }, ...props });
  kv.allowFrom(new WebService(chart, 'storefront', { image: 'ghcr.io/acme/storefront:2.0.1' }));
  return Testing.synth(chart).filter((d) => d.metadata.name.startsWith('kv'));
}

function findings(docs: any[]): string[] {
  return checkManifests(docs).map((f) => `${f.rule} ${f.kind}/${f.name}: ${f.message}`);
}

describe('StatefulService', () => {
  test('is a StatefulSet with a volume per pod, a headless and a client Service, a PDB and a NetworkPolicy', () => {
    // GIVEN / WHEN
    const docs = synth();
    // THEN
    expect(docs).toMatchSnapshot();
    expect(docs.map((d) => `${d.kind}/${d.metadata.name}`)).toEqual([
      'ServiceAccount/kv', 'StatefulSet/kv', 'Service/kv', 'PodDisruptionBudget/kv', 'NetworkPolicy/kv', 'Service/kv-headless',
    ]);
    const set = oneOf(docs, 'StatefulSet');
    expect(set.spec).toMatchObject({
      replicas: 3,
      serviceName: 'kv-headless',
      selector: { matchLabels: { 'app.kubernetes.io/name': 'kv', 'app.kubernetes.io/instance': 'kv' } },
      podManagementPolicy: 'OrderedReady',
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
    });
    expect(set.spec.volumeClaimTemplates).toEqual([{
      metadata: { name: 'data', labels: { 'app.kubernetes.io/name': 'kv', 'app.kubernetes.io/instance': 'kv' } },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10240Mi' } } },
    }]);
    expect(containerOf(set).volumeMounts).toContainEqual({ name: 'data', mountPath: '/data' });
    const headless = docs.find((d) => d.metadata.name === 'kv-headless');
    expect(headless.spec).toMatchObject({ clusterIP: 'None', publishNotReadyAddresses: true, ports: [{ name: 'tcp', port: 6379, targetPort: 'tcp', protocol: 'TCP' }] });
    const policy = oneOf(docs, 'NetworkPolicy');
    expect(policy.spec.ingress.map((r: any) => r.from[0].podSelector.matchLabels['app.kubernetes.io/instance'])).toEqual(['kv', 'storefront']);
    expect(policy.spec.egress).toContainEqual({ to: [{ podSelector: { matchLabels: { 'app.kubernetes.io/instance': 'kv' } } }], ports: [{ port: 6379, protocol: 'TCP' }] });
    expect(findings(docs)).toEqual([]);
    expect(allSchemaErrors(docs)).toEqual([]);
  });

  test('the immutable fields depend only on the name, storage and pod management, not on the image or other props', () => {
    // GIVEN two releases of the same service
    const immutable = (docs: any[]) => {
      const { selector, serviceName, volumeClaimTemplates, podManagementPolicy } = oneOf(docs, 'StatefulSet').spec;
      return { selector, serviceName, volumeClaimTemplates, podManagementPolicy };
    };
    // WHEN
    const first = synth();
    const second = synth({ image: 'ghcr.io/acme/kv:7.4.0', replicas: 5, env: { MODE: 'cluster' }, labels: { team: 'data' } });
    // THEN
    expect(immutable(second)).toEqual(immutable(first));
  });

  test('storage class, access mode, mount path, parallel start and an HTTP protocol', () => {
    // GIVEN / WHEN
    const docs = synth({
      storage: { size: Size.mebibytes(512), storageClassName: 'fast-ssd', accessMode: 'ReadWriteOncePod', mountPath: '/var/lib/kv' },
      parallelPodManagement: true,
      protocol: ApiProtocol.HTTP,
      readinessProbe: HealthCheck.httpGet('/ready'),
    });
    // THEN
    const set = oneOf(docs, 'StatefulSet');
    expect(set.spec.podManagementPolicy).toBe('Parallel');
    expect(set.spec.volumeClaimTemplates[0].spec).toEqual({ accessModes: ['ReadWriteOncePod'], storageClassName: 'fast-ssd', resources: { requests: { storage: '512Mi' } } });
    expect(containerOf(set).volumeMounts).toContainEqual({ name: 'data', mountPath: '/var/lib/kv' });
    expect(findings(docs)).toEqual([]);
    expect(allSchemaErrors(docs)).toEqual([]);
  });

  test.each([
    [{ storage: undefined }, '[shop/kv] storage: must be the storage of each pod, got undefined; pass { size: Size.gibibytes(10) }'],
    [{ storage: { size: 10 as any } }, '[shop/kv] storage.size: must be a whole number of MiB, at least 1, got 10; use Size.gibibytes(n) or Size.mebibytes(n)'],
    [{ storage: { size: Size.gibibytes(1), accessMode: 'ReadWriteMany' } },
      "[shop/kv] storage.accessMode: must be a single-writer access mode (each pod has its own volume), got 'ReadWriteMany'; use 'ReadWriteOnce' or 'ReadWriteOncePod'"],
    [{ storage: { size: Size.gibibytes(1), mountPath: '/tmp' } }, "[shop/kv] storage.mountPath: must be an absolute path other than /, /tmp and /config, got '/tmp'; use a path such as '/data'"],
    [{ autoscaling: { maxReplicas: 5 } },
      '[shop/kv] autoscaling: does not apply to a StatefulService (adding members to a stateful system is a decision, not a reflex), got {"maxReplicas":5}; set `replicas`'],
    [{ rollout: { maxSurgePercent: 50 } },
      '[shop/kv] rollout: does not apply to a StatefulSet (it replaces one pod at a time, the highest ordinal first, with no surge), got {"maxSurgePercent":50}; leave it out'],
    [{ parallelPodManagement: 'yes' as any }, "[shop/kv] parallelPodManagement: must be true or false, got 'yes'; pass a boolean"],
    [{ name: 'a'.repeat(55) }, `[shop/kv] name: must be at most 63 characters (it is 64), got '${'a'.repeat(55)}-headless'; use at most 63 lower-case letters, digits and '-', starting with a letter and ending with a letter or digit (set the \`name\` prop to choose another name than the construct id)`],
  ])('refuses bad storage and props that do not apply (%#)', (props, message) => {
    expect(() => synth(props as Partial<StatefulServiceProps>)).toThrow(message);
  });

  test('counts its replicas (no surge) and two Services in the namespace quota', () => {
    // GIVEN
    const app = Testing.app();
    const quota = NamespaceQuota.custom({ cpuRequests: Cpu.units(8), memory: Size.gibibytes(16), pods: 4, services: 1 });
    new SecureNamespace(new Chart(app, 'platform'), 'shop', { name: 'shop', quota });
    const shop = namespacedChart('shop', app);
    new StatefulService(shop, 'kv', { image: IMAGE, storage: { size: Size.gibibytes(1) }, replicas: 4 });
    // WHEN / THEN
    // 4 pods fit a quota of 4 (no surge); the headless Service is the second Service
    expect(() => app.synthYaml()).toThrow([
      'Validation failed with the following errors:',
      "  [platform/shop] quota.services: the golden workloads of namespace 'shop' need up to 2 at their largest scale and rollout surge (shop/kv 2), got '1'; raise the quota (a larger NamespaceQuota preset or NamespaceQuota.custom) or lower the workloads' resources or replicas",
    ].join('\n'));
  });
});
