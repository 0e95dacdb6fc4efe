import { Chart, Size, Testing } from 'cdk8s';
import { Cpu } from 'cdk8s-plus-30/lib/container';
import {
  ClusterDns, CpuLimits, InternalApi, NamespaceQuota, PlatformDefaults, PodSecurityLevel, ResourcePreset, SecureNamespace, SecureNamespaceProps,
  WebService,
} from '../src';
import { byKind, namespacedChart, oneOf } from './util/manifests';
import { allSchemaErrors } from './util/schema';
import { checkManifests } from '../src/guardrails/engine';

function findings(docs: any[]): string[] {
  return checkManifests(docs).map((f) => `${f.rule} ${f.kind}/${f.name}: ${f.message}`);
}

function synth(props: Partial<SecureNamespaceProps> = {}): any[] {
  const chart = new Chart(Testing.app(), 'platform');
  new SecureNamespace(chart, 'shop', { name: 'shop', ...props });
  return Testing.synth(chart);
}

describe('SecureNamespace with default props', () => {
  // GIVEN a chart whose own namespace differs, as a platform chart may
  const app = Testing.app();
  const chart = new Chart(app, 'platform', { namespace: 'platform-system' });
  // WHEN
  const ns = new SecureNamespace(chart, 'shop', { name: 'shop', labels: { 'acme.com/team': 'shop' }, annotations: { 'acme.com/owner': 'shop@acme.com' } });
  const docs = Testing.synth(chart);

  test('emits the namespace, default-deny and DNS policies, a quota and container defaults', () => {
    // THEN
    expect(docs).toMatchSnapshot();
    expect(docs.map((d) => `${d.kind}/${d.metadata.name}`)).toEqual([
      'Namespace/shop', 'NetworkPolicy/default-deny', 'NetworkPolicy/allow-dns', 'ResourceQuota/quota', 'LimitRange/container-defaults',
    ]);
    expect(ns.name).toBe('shop');
  });

  test('labels the Namespace for Pod Security restricted, pinned to v1.30, and keeps no metadata.namespace on it', () => {
    const namespace = oneOf(docs, 'Namespace');
    expect(namespace.metadata.namespace).toBeUndefined();
    expect(namespace.metadata.labels).toMatchObject({
      'pod-security.kubernetes.io/enforce': 'restricted',
      'pod-security.kubernetes.io/enforce-version': 'v1.30',
      'pod-security.kubernetes.io/audit': 'restricted',
      'pod-security.kubernetes.io/audit-version': 'v1.30',
      'pod-security.kubernetes.io/warn': 'restricted',
      'pod-security.kubernetes.io/warn-version': 'v1.30',
      'acme.com/team': 'shop',
      'app.kubernetes.io/managed-by': 'cdk8s-golden',
    });
    expect(namespace.metadata.annotations).toEqual({ 'acme.com/owner': 'shop@acme.com' });
  });

  test('puts every other object in the new namespace, whatever the chart namespace', () => {
    expect(docs.filter((d) => d.kind !== 'Namespace').every((d) => d.metadata.namespace === 'shop')).toBe(true);
  });

  test('denies all traffic by default and allows DNS egress to the cluster DNS', () => {
    const [deny, dns] = byKind(docs, 'NetworkPolicy');
    expect(deny.spec).toEqual({ podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
    expect(dns.spec.policyTypes).toEqual(['Egress']);
    expect(dns.spec.egress[0].ports).toEqual([{ port: 53, protocol: 'UDP' }, { port: 53, protocol: 'TCP' }]);
  });

  test('sizes the quota and the container defaults from the presets', () => {
    expect(oneOf(docs, 'ResourceQuota').spec.hard).toEqual({
      'requests.cpu': '8',
      'requests.memory': '16384Mi',
      'requests.ephemeral-storage': '16384Mi',
      'limits.cpu': '32',
      'limits.memory': '16384Mi',
      'limits.ephemeral-storage': '32768Mi',
      'pods': '60',
      'services': '30',
    });
    expect(oneOf(docs, 'LimitRange').spec.limits).toEqual([{
      type: 'Container',
      defaultRequest: { 'cpu': '100m', 'memory': '256Mi', 'ephemeral-storage': '128Mi' },
      default: { 'cpu': '1', 'memory': '256Mi', 'ephemeral-storage': '256Mi' },
    }]);
  });

  test('passes every guardrail rule and the Kubernetes 1.30 schema', () => {
    expect(findings(docs)).toEqual([]);
    expect(allSchemaErrors(docs)).toEqual([]);
  });
});

describe('SecureNamespace options', () => {
  test('the DNS policy allows the DNS the platform declares', () => {
    // GIVEN
    const app = Testing.app();
    PlatformDefaults.set(app, { dns: ClusterDns.OPENSHIFT });
    const chart = new Chart(app, 'platform');
    // WHEN
    new SecureNamespace(chart, 'shop', { name: 'shop' });
    // THEN
    const dns = byKind(Testing.synth(chart), 'NetworkPolicy').find((d) => d.metadata.name === 'allow-dns');
    expect(dns.spec.egress).toEqual([{
      to: [{
        namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'openshift-dns' } },
        podSelector: { matchLabels: { 'dns.operator.openshift.io/daemonset-dns': 'default' } },
      }],
      ports: [{ port: 5353, protocol: 'UDP' }, { port: 5353, protocol: 'TCP' }],
    }]);
  });

  test('a lower Pod Security level with a written reason', () => {
    const namespace = oneOf(synth({ podSecurity: PodSecurityLevel.BASELINE, podSecurityReason: 'the legacy batch image runs as root until Q3' }), 'Namespace');
    expect(namespace.metadata.labels['pod-security.kubernetes.io/enforce']).toBe('baseline');
    expect(namespace.metadata.annotations).toEqual({ 'cdk8s-golden.io/pod-security-reason': 'the legacy batch image runs as root until Q3' });
  });

  test('another pinned policy version, with a written reason kept on the Namespace', () => {
    const namespace = oneOf(synth({ podSecurityVersion: 'v1.31', podSecurityVersionReason: 'the clusters run 1.31 and we want its checks' }), 'Namespace');
    expect(namespace.metadata.labels['pod-security.kubernetes.io/warn-version']).toBe('v1.31');
    expect(namespace.metadata.annotations).toEqual({ 'cdk8s-golden.io/pod-security-version-reason': 'the clusters run 1.31 and we want its checks' });
  });

  test('a custom quota and container defaults', () => {
    const docs = synth({
      quota: NamespaceQuota.custom({ cpuRequests: Cpu.units(3), memory: Size.gibibytes(6), pods: 12 }),
      containerDefaults: ResourcePreset.MEDIUM,
    });
    expect(oneOf(docs, 'ResourceQuota').spec.hard).toEqual({
      'requests.cpu': '3',
      'requests.memory': '6144Mi',
      'requests.ephemeral-storage': '6144Mi',
      'limits.cpu': '12',
      'limits.memory': '6144Mi',
      'limits.ephemeral-storage': '12288Mi',
      'pods': '12',
      'services': '6',
    });
    expect(oneOf(docs, 'LimitRange').spec.limits[0].defaultRequest.cpu).toBe('250m');
  });

  test.each([
    ['SMALL', NamespaceQuota.SMALL, '20'],
    ['MEDIUM', NamespaceQuota.MEDIUM, '60'],
    ['LARGE', NamespaceQuota.LARGE, '200'],
  ])('the %s quota preset passes every rule and the schema', (_name, quota, pods) => {
    const docs = synth({ quota });
    expect(oneOf(docs, 'ResourceQuota').spec.hard.pods).toBe(pods);
    expect(findings(docs)).toEqual([]);
    expect(allSchemaErrors(docs)).toEqual([]);
  });

  test('without CPU limits on the platform, neither the quota nor the defaults limit CPU', () => {
    const app = Testing.app();
    PlatformDefaults.set(app, { cpuLimits: CpuLimits.disabled('latency-sensitive services are throttled by CFS quotas') });
    const chart = new Chart(app, 'platform');
    new SecureNamespace(chart, 'shop', { name: 'shop' });
    const docs = Testing.synth(chart);
    expect(oneOf(docs, 'ResourceQuota').spec.hard['limits.cpu']).toBeUndefined();
    expect(oneOf(docs, 'LimitRange').spec.limits[0].default.cpu).toBeUndefined();
  });
});

describe('golden workloads in a SecureNamespace', () => {
  test('need no further setup, and pass every rule together', () => {
    // GIVEN
    const app = Testing.app();
    new SecureNamespace(new Chart(app, 'platform'), 'shop', { name: 'shop' });
    const shop = namespacedChart('shop', app);
    const web = new WebService(shop, 'storefront', { image: 'ghcr.io/acme/storefront:2.0.1', host: 'shop.example.com' });
    new InternalApi(shop, 'orders', { image: 'ghcr.io/acme/orders:1.4.2' }).allowFrom(web);
    // WHEN
    const docs = app.charts.flatMap((c) => Testing.synth(c));
    // THEN
    expect(findings(docs)).toEqual([]);
    expect(allSchemaErrors(docs)).toEqual([]);
  });

  test('a workload whose requests cannot fit the quota is refused at synth with the numbers', () => {
    // GIVEN
    const app = Testing.app();
    new SecureNamespace(new Chart(app, 'platform'), 'shop', { name: 'shop', quota: NamespaceQuota.SMALL });
    const shop = namespacedChart('shop', app);
    new WebService(shop, 'storefront', { image: 'ghcr.io/acme/storefront:2.0.1', replicas: 8, resources: ResourcePreset.MEDIUM });
    // WHEN / THEN
    expect(() => app.synthYaml()).toThrow([
      'Validation failed with the following errors:',
      "  [platform/shop] quota.requests.cpu: the golden workloads of namespace 'shop' need up to 2500m at their largest scale and rollout surge (shop/storefront 2500m (10 pods)), got '2000m'; raise the quota (a larger NamespaceQuota preset or NamespaceQuota.custom) or lower the workloads' resources or replicas",
      "  [platform/shop] quota.requests.memory: the golden workloads of namespace 'shop' need up to 5120Mi at their largest scale and rollout surge (shop/storefront 5120Mi (10 pods)), got '4096Mi'; raise the quota (a larger NamespaceQuota preset or NamespaceQuota.custom) or lower the workloads' resources or replicas",
      "  [platform/shop] quota.limits.memory: the golden workloads of namespace 'shop' need up to 5120Mi at their largest scale and rollout surge (shop/storefront 5120Mi (10 pods)), got '4096Mi'; raise the quota (a larger NamespaceQuota preset or NamespaceQuota.custom) or lower the workloads' resources or replicas",
      "  [platform/shop] quota.limits.cpu: the golden workloads of namespace 'shop' need up to 20000m at their largest scale and rollout surge (shop/storefront 20000m (10 pods)), got '8000m'; raise the quota (a larger NamespaceQuota preset or NamespaceQuota.custom) or lower the workloads' resources or replicas",
      "  [shop/storefront] resources: needs up to 2500m of cpu requests (10 pods at the largest scale and rollout surge), more than the quota of namespace 'shop' (2000m, set by platform/shop), got '2500m'; lower the resources or replicas, or raise the namespace quota",
      "  [shop/storefront] resources: needs up to 5120Mi of memory (10 pods at the largest scale and rollout surge), more than the quota of namespace 'shop' (4096Mi, set by platform/shop), got '5120Mi'; lower the resources or replicas, or raise the namespace quota",
      "  [shop/storefront] resources: needs up to 20000m of cpu limits (10 pods at the largest scale and rollout surge), more than the quota of namespace 'shop' (8000m, set by platform/shop), got '20000m'; lower the resources or replicas, or raise the namespace quota",
    ].join('\n'));
  });

  test('sidecars and init containers count: the pod needs the app and its sidecars, or an init container and the sidecars, whichever is more', () => {
    // GIVEN 3 pods (2 replicas and the surge) of an app (SMALL), a sidecar (MEDIUM) and an init container (LARGE)
    const app = Testing.app();
    new SecureNamespace(new Chart(app, 'platform'), 'shop', { name: 'shop', quota: NamespaceQuota.SMALL });
    const shop = namespacedChart('shop', app);
    new WebService(shop, 'storefront', {
      image: 'ghcr.io/acme/storefront:2.0.1',
      replicas: 2,
      sidecars: [{ name: 'proxy', image: 'ghcr.io/acme/proxy:1.0.0', port: 9901, resources: ResourcePreset.MEDIUM }],
      initContainers: [{ name: 'warm-up', image: 'ghcr.io/acme/warm-up:1.0.0', resources: ResourcePreset.LARGE }],
    });
    // WHEN
    let message = '';
    try {
      app.synthYaml();
    } catch (e) {
      message = (e as Error).message;
    }
    // THEN cpu: max(100m + 250m, 1000m + 250m) per pod; memory: max(256Mi + 512Mi, 2048Mi + 512Mi); cpu limits: max(1 + 2, 4 + 2)
    expect(message.split('\n').filter((line) => line.startsWith('  [shop/storefront]'))).toEqual([
      "  [shop/storefront] resources: needs up to 3750m of cpu requests (3 pods at the largest scale and rollout surge), more than the quota of namespace 'shop' (2000m, set by platform/shop), got '3750m'; lower the resources or replicas, or raise the namespace quota",
      "  [shop/storefront] resources: needs up to 7680Mi of memory (3 pods at the largest scale and rollout surge), more than the quota of namespace 'shop' (4096Mi, set by platform/shop), got '7680Mi'; lower the resources or replicas, or raise the namespace quota",
      "  [shop/storefront] resources: needs up to 18000m of cpu limits (3 pods at the largest scale and rollout surge), more than the quota of namespace 'shop' (8000m, set by platform/shop), got '18000m'; lower the resources or replicas, or raise the namespace quota",
    ]);
  });

  test('workloads that fit alone but not together are refused at the namespace', () => {
    const app = Testing.app();
    new SecureNamespace(new Chart(app, 'platform'), 'shop', { name: 'shop', quota: NamespaceQuota.custom({ cpuRequests: Cpu.millis(800), cpuLimits: Cpu.units(20), memory: Size.gibibytes(8), pods: 20 }) });
    const shop = namespacedChart('shop', app);
    const web = new WebService(shop, 'storefront', { image: 'ghcr.io/acme/storefront:2.0.1' });
    new InternalApi(shop, 'orders', { image: 'ghcr.io/acme/orders:1.4.2', replicas: 4 }).allowFrom(web);
    expect(() => app.synthYaml()).toThrow([
      'Validation failed with the following errors:',
      "  [platform/shop] quota.requests.cpu: the golden workloads of namespace 'shop' need up to 900m at their largest scale and rollout surge (shop/storefront 400m (4 pods), shop/orders 500m (5 pods)), got '800m'; raise the quota (a larger NamespaceQuota preset or NamespaceQuota.custom) or lower the workloads' resources or replicas",
    ].join('\n'));
  });
});

describe('SecureNamespace refuses bad input', () => {
  const refused: Array<[string, Partial<SecureNamespaceProps>, string]> = [
    ['an invalid name', { name: 'Shop_NS' },
      "[platform/shop] name: must be a DNS label (RFC 1035), got 'Shop_NS'; use at most 63 lower-case letters, digits and '-', starting with a letter and ending with a letter or digit (set the `name` prop to choose another name than the construct id)"],
    ['an unknown level', { podSecurity: 'restricted' as any },
      "[platform/shop] podSecurity: must be a PodSecurityLevel, got 'restricted'; use PodSecurityLevel.RESTRICTED, BASELINE or PRIVILEGED"],
    ['a lower level without a reason', { podSecurity: PodSecurityLevel.PRIVILEGED },
      '[platform/shop] podSecurityReason: a level below restricted (privileged) needs a written reason of at least 10 characters, got undefined; say why the namespace cannot run restricted, or keep PodSecurityLevel.RESTRICTED'],
    ['a reason with restricted', { podSecurityReason: 'because we can' },
      "[platform/shop] podSecurityReason: is only for levels below restricted, got 'because we can'; remove it"],
    ['the latest policy version', { podSecurityVersion: 'latest' },
      "[platform/shop] podSecurityVersion: must pin a policy version as 'v1.<minor>' (not 'latest'), got 'latest'; use 'v1.30', the Kubernetes version this library targets"],
    ['an old policy version without a reason (restricted at v1.0 drops the later checks)', { podSecurityVersion: 'v1.0' },
      "[platform/shop] podSecurityVersionReason: a policy version other than v1.30 (v1.0) needs a written reason of at least 10 characters: an older version leaves out the checks added since, got undefined; say why the namespace pins v1.0, or keep 'v1.30'"],
    ['a future policy version without a reason', { podSecurityVersion: 'v1.99' },
      "[platform/shop] podSecurityVersionReason: a policy version other than v1.30 (v1.99) needs a written reason of at least 10 characters: an older version leaves out the checks added since, got undefined; say why the namespace pins v1.99, or keep 'v1.30'"],
    ['a version reason with the default version', { podSecurityVersionReason: 'just in case, really' },
      "[platform/shop] podSecurityVersionReason: is only for a policy version other than v1.30, got 'just in case, really'; remove it"],
    ...['default', 'kube-system', 'kube-public', 'kube-node-lease'].map((name): [string, Partial<SecureNamespaceProps>, string] => [`the reserved namespace ${name}`, { name },
      `[platform/shop] name: is a namespace Kubernetes keeps for itself: default-deny policies, a quota and restricted Pod Security there break the cluster's own pods (or, in default, every object without a namespace), got '${name}'; choose a namespace of the application's own, such as 'shop'`]),
    ['a quota that is no NamespaceQuota', { quota: { pods: 3 } as any },
      '[platform/shop] quota: must be a NamespaceQuota, got {"pods":3}; use NamespaceQuota.SMALL, MEDIUM, LARGE or NamespaceQuota.custom({...})'],
    ['a custom quota with zero pods', { quota: NamespaceQuota.custom({ cpuRequests: Cpu.units(1), memory: Size.gibibytes(1), pods: 0 }) },
      '[platform/shop] quota.pods: must be a whole number from 1 to 100000, got 0; set quota.pods to a whole number from 1 to 100000'],
    ['a custom quota with a fractional CPU', { quota: NamespaceQuota.custom({ cpuRequests: Cpu.millis(0.5), memory: Size.gibibytes(1), pods: 2 }) },
      "[platform/shop] quota.cpuRequests: must be a positive whole number of millicores, got '0.5m'; use Cpu.units(n) or Cpu.millis(n) with n > 0"],
  ];

  test.each(refused)('%s', (_name, props, message) => {
    const chart = new Chart(Testing.app(), 'platform');
    expect(() => new SecureNamespace(chart, 'shop', { name: 'shop', ...props })).toThrow(message);
  });

  test('the same namespace twice in one app', () => {
    const app = Testing.app();
    new SecureNamespace(new Chart(app, 'a'), 'shop', { name: 'shop' });
    expect(() => new SecureNamespace(new Chart(app, 'b'), 'shop', { name: 'shop' })).toThrow(
      "[b/shop] name: namespace 'shop' is already declared by a/shop, got 'shop'; declare each SecureNamespace once per app");
  });
});
