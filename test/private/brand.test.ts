import * as cdk8s from 'cdk8s';
import { Chart, Testing } from 'cdk8s';
import * as k8s from 'cdk8s-plus-30/lib/imports/k8s';
import * as constructs from 'constructs';
import * as golden from '../../src';
import { brand, isBranded } from '../../src/private/brand';
import { containerOf, oneOf } from '../util/manifests';

/**
 * A second installed copy of the library, as a platform team's profile package brings its own
 * `node_modules/cdk8s-golden`: a module registry of its own, so every class of the library is a
 * second class of the same name. cdk8s, constructs and cdk8s-plus-30 are peer dependencies, which
 * npm installs once, so both copies share them.
 */
function secondCopy(): typeof golden {
  let copy: typeof golden | undefined;
  jest.isolateModules(() => {
    jest.doMock('cdk8s', () => cdk8s);
    jest.doMock('constructs', () => constructs);
    jest.doMock('cdk8s-plus-30/lib/imports/k8s', () => k8s);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    copy = require('../../src');
  });
  return copy!;
}

describe('brand', () => {
  test('a branded value is recognised by its class name, and by no other', () => {
    // GIVEN
    const value = {};
    // WHEN
    brand(value, 'Thing');
    // THEN
    expect(isBranded(value, 'Thing')).toBe(true);
    expect(isBranded(value, 'Other')).toBe(false);
    expect(isBranded({}, 'Thing')).toBe(false);
    expect(isBranded(null, 'Thing')).toBe(false);
    expect(isBranded('Thing', 'Thing')).toBe(false);
  });

  test('the brand shows nowhere: not in keys, JSON or equality', () => {
    // GIVEN
    const value = { a: 1 };
    // WHEN
    brand(value, 'Thing');
    // THEN
    expect(Object.keys(value)).toEqual(['a']);
    expect(JSON.stringify(value)).toBe('{"a":1}');
    expect(value).toStrictEqual({ a: 1 });
  });
});

describe('two installed copies of the library', () => {
  const profile = secondCopy();

  test('the copies are two sets of classes', () => {
    expect(profile.HealthCheck).not.toBe(golden.HealthCheck);
    expect(profile.WebService).not.toBe(golden.WebService);
  });

  test.each([
    ['HealthCheck', () => profile.HealthCheck.httpGet('/ready'), golden.HealthCheck.isHealthCheck],
    ['ResourcePreset', () => profile.ResourcePreset.LARGE, golden.ResourcePreset.isResourcePreset],
    ['ApiProtocol', () => profile.ApiProtocol.GRPC, golden.ApiProtocol.isApiProtocol],
    ['TrafficStrategy', () => profile.TrafficStrategy.ingressNginx(), golden.TrafficStrategy.isTrafficStrategy],
    ['NetworkPort', () => profile.NetworkPort.tcp(443), golden.NetworkPort.isNetworkPort],
    ['IngressTls', () => profile.IngressTls.existingSecret('tls'), golden.IngressTls.isIngressTls],
    ['CpuLimits', () => profile.CpuLimits.ENABLED, golden.CpuLimits.isCpuLimits],
    ['SecurityPreset', () => profile.SecurityPreset.PLATFORM_ASSIGNED, golden.SecurityPreset.isSecurityPreset],
    ['PodSecurityLevel', () => profile.PodSecurityLevel.BASELINE, golden.PodSecurityLevel.isPodSecurityLevel],
    ['NamespaceQuota', () => profile.NamespaceQuota.LARGE, golden.NamespaceQuota.isNamespaceQuota],
    ['ApiResource', () => profile.ApiResource.CONFIG_MAPS, golden.ApiResource.isApiResource],
    ['EnvSource', () => profile.EnvSource.fromSecret('db'), golden.EnvSource.isEnvSource],
    ['ClusterDns', () => profile.ClusterDns.OPENSHIFT, golden.ClusterDns.isClusterDns],
  ] as Array<[string, () => object, (x: unknown) => boolean]>)('%s of the other copy is recognised, though not an instance', (_name, make, is) => {
    // GIVEN
    const value = make();
    // THEN
    expect(is(value)).toBe(true);
    expect(is({ ...value })).toBe(false);
  });

  test("the profile's PlatformDefaults and values are honoured by the app's WebService", () => {
    // GIVEN the profile copy sets the platform defaults and makes the values
    const app = Testing.app();
    profile.PlatformDefaults.set(app, {
      resources: profile.ResourcePreset.LARGE,
      tls: profile.IngressTls.existingSecret('wildcard-tls'),
      cpuLimits: profile.CpuLimits.disabled('latency-sensitive services are throttled by CFS quotas'),
      securityPreset: profile.SecurityPreset.PLATFORM_ASSIGNED,
      dns: profile.ClusterDns.ipBlock('169.254.20.10/32'),
      labels: { 'acme.com/team': 'platform' },
    });
    const chart = new Chart(app, 'shop', { namespace: 'shop' });
    // WHEN the app's copy makes the workload
    const web = new golden.WebService(chart, 'web', {
      image: 'ghcr.io/acme/web:1.0.0',
      host: 'shop.example.com',
      readinessProbe: profile.HealthCheck.httpGet('/ready'),
      livenessProbe: profile.HealthCheck.httpGet('/alive'),
      envFrom: [profile.EnvSource.fromConfigMap('settings')],
    });
    web.allowTo(profile.NetworkPeer.ipBlock('203.0.113.0/24', [profile.NetworkPort.tcp(443)]));
    // THEN
    const docs = Testing.synth(chart);
    const deployment = oneOf(docs, 'Deployment');
    const container = containerOf(deployment);
    expect(container.resources.requests.cpu).toBe('1');
    expect(container.resources.limits.cpu).toBeUndefined();
    expect(container.readinessProbe.httpGet.path).toBe('/ready');
    expect(container.livenessProbe.httpGet.path).toBe('/alive');
    expect(container.envFrom).toEqual([{ configMapRef: { name: 'settings' } }]);
    expect(deployment.spec.template.spec.securityContext.runAsUser).toBeUndefined();
    expect(deployment.metadata.labels['acme.com/team']).toBe('platform');
    expect(oneOf(docs, 'Ingress').spec.tls[0].secretName).toBe('wildcard-tls');
    const egress = oneOf(docs, 'NetworkPolicy').spec.egress;
    expect(egress[0].to).toEqual([{ ipBlock: { cidr: '169.254.20.10/32' } }]);
    expect(egress[1]).toEqual({ to: [{ ipBlock: { cidr: '203.0.113.0/24' } }], ports: [{ port: 443, protocol: 'TCP' }] });
  });

  test("the profile's values are honoured by the app's InternalApi, CanaryRelease and SecureNamespace", () => {
    // GIVEN
    const app = Testing.app();
    profile.PlatformDefaults.set(app, { apiServer: { cidrs: ['10.0.0.10/32'], port: 443 } });
    const chart = new Chart(app, 'shop', { namespace: 'shop' });
    // WHEN
    new golden.SecureNamespace(chart, 'ns', {
      name: 'shop',
      quota: profile.NamespaceQuota.LARGE,
      podSecurity: profile.PodSecurityLevel.BASELINE,
      podSecurityReason: 'a vendor agent needs a host port in this namespace',
    });
    const cache = new golden.InternalApi(chart, 'cache', { image: 'ghcr.io/acme/cache:1.0.0', protocol: profile.ApiProtocol.TCP });
    cache.grantRead(profile.ApiResource.CONFIG_MAPS, { names: ['cache-settings'] });
    const release = new golden.CanaryRelease(chart, 'orders', {
      stable: { image: 'ghcr.io/acme/orders:1.0.0' },
      canary: { image: 'ghcr.io/acme/orders:1.1.0', weight: 10 },
      host: 'orders.example.com',
      strategy: profile.TrafficStrategy.ingressNginx(),
    });
    cache.allowFrom(release);
    // THEN
    const docs = Testing.synth(chart);
    expect(oneOf(docs, 'Namespace').metadata.labels['pod-security.kubernetes.io/enforce']).toBe('baseline');
    expect(oneOf(docs, 'ResourceQuota').spec.hard.pods).toBe('200');
    const cacheService = docs.find((d) => d.kind === 'Service' && d.metadata.name === 'cache');
    expect(cacheService.spec.ports[0].name).toBe('tcp');
    expect(oneOf(docs, 'Role').rules).toEqual([{ apiGroups: [''], resources: ['configmaps'], resourceNames: ['cache-settings'], verbs: ['get'] }]);
    const canaryIngress = docs.find((d) => d.kind === 'Ingress' && d.metadata.name === 'orders-canary');
    expect(canaryIngress.metadata.annotations['nginx.ingress.kubernetes.io/canary-weight']).toBe('10');
  });

  test('a copy refuses what is no value of either copy, with the same message', () => {
    // GIVEN
    const chart = Testing.chart();
    // THEN
    expect(() => new golden.WebService(chart, 'web', { image: 'ghcr.io/acme/web:1.0.0', readinessProbe: { ...profile.HealthCheck.httpGet('/ready') } as any }))
      .toThrow(/^\[test\/web\] readinessProbe: must be a HealthCheck, got /);
  });
});
