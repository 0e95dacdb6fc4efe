import { App, Chart, Size } from 'cdk8s';
import { Cpu } from 'cdk8s-plus-30/lib/container';
import fc from 'fast-check';
import {
  annotations, anyText, badText, BUDGET, dnsLabel, dropUndefined, expectHardenedOrRefused, expectRefused, HUGE_QUOTA, image, labels,
  mutation, Mutation, notAnObject, notAString, outOfRange, resources, synthApp, TIMEOUT_MS,
  testValidOutput,
} from './arbitraries';
import { InternalApi, NamespaceQuota, NetworkPeer, PodSecurityLevel, ResourcePreset, SecureNamespace, SecureNamespaceProps, WebService } from '../../src';

const level = fc.constantFrom(PodSecurityLevel.RESTRICTED, PodSecurityLevel.BASELINE, PodSecurityLevel.PRIVILEGED);

/** A custom quota of any size, or a preset. */
const quota: fc.Arbitrary<NamespaceQuota> = fc.oneof(
  fc.constantFrom(NamespaceQuota.SMALL, NamespaceQuota.MEDIUM, NamespaceQuota.LARGE),
  fc.record({
    cpuRequests: fc.integer({ min: 1, max: 1_000_000 }),
    cpuExtra: fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: undefined }),
    memory: fc.integer({ min: 1, max: 1_000_000 }),
    storage: fc.option(fc.integer({ min: 1, max: 1000 }), { nil: undefined }),
    storageExtra: fc.option(fc.integer({ min: 0, max: 1000 }), { nil: undefined }),
    pods: fc.integer({ min: 1, max: 100000 }),
    services: fc.option(fc.integer({ min: 0, max: 100000 }), { nil: undefined }),
  }).map((g) => NamespaceQuota.custom(dropUndefined({
    cpuRequests: Cpu.millis(g.cpuRequests),
    // Limits at or above the requests (the defaults are 4x and 2x).
    cpuLimits: g.cpuExtra === undefined ? undefined : Cpu.millis(g.cpuRequests + g.cpuExtra),
    memory: Size.mebibytes(g.memory),
    ephemeralStorageRequests: g.storage === undefined ? undefined : Size.gibibytes(g.storage),
    ephemeralStorageLimits: g.storageExtra === undefined ? undefined
      : Size.gibibytes((g.storage ?? Math.ceil(g.memory / 1024)) + g.storageExtra + (g.storage === undefined ? 1 : 0)),
    pods: g.pods,
    services: g.services,
  }))),
);

/**
 * Valid SecureNamespace props: a level below restricted, and a policy version other than v1.30,
 * always with a written reason; never a namespace Kubernetes keeps for itself.
 */
const secureNamespaceProps: fc.Arbitrary<SecureNamespaceProps> = fc.record({
  name: dnsLabel(63).filter((n) => !['default', 'kube-system', 'kube-public', 'kube-node-lease'].includes(n)),
  level: fc.option(level, { nil: undefined }),
  reason: anyText.filter((r) => r.trim().length >= 10),
  version: fc.option(fc.integer({ min: 0, max: 99 }).map((m) => `v1.${m}`), { nil: undefined }),
  quota: fc.option(quota, { nil: undefined }),
  containerDefaults: fc.option(resources, { nil: undefined }),
  labels: fc.option(labels, { nil: undefined }),
  annotations: fc.option(annotations, { nil: undefined }),
}).map((g) => dropUndefined({
  name: g.name,
  podSecurity: g.level,
  podSecurityReason: g.level === undefined || g.level === PodSecurityLevel.RESTRICTED ? undefined : g.reason,
  podSecurityVersion: g.version,
  podSecurityVersionReason: g.version === undefined || g.version === 'v1.30' ? undefined : g.reason,
  quota: g.quota,
  containerDefaults: g.containerDefaults,
  labels: g.labels,
  annotations: g.annotations,
}));

/** Golden workloads that run in the namespace, with a quota big enough for all of them. */
const tenants = fc.record({
  web: fc.option(fc.tuple(image, fc.integer({ min: 2, max: 6 })), { nil: undefined }),
  api: fc.option(fc.tuple(image, fc.constantFrom(ResourcePreset.XSMALL, ResourcePreset.SMALL)), { nil: undefined }),
  huge: fc.boolean(),
});

/** Builds tenants with the API reachable from the web (or the ingress namespace). */
function buildWithTenants(app: App, props: SecureNamespaceProps, t: { web?: [string, number]; api?: [string, ResourcePreset]; huge: boolean }): void {
  const platform = new Chart(app, 'platform', { namespace: 'platform-system' });
  const hasTenants = t.web !== undefined || t.api !== undefined;
  // LARGE fits two small workloads of up to 6 (+2 surge) pods; HUGE_QUOTA fits anything generated.
  new SecureNamespace(platform, 'ns', hasTenants ? { ...props, quota: t.huge ? HUGE_QUOTA : NamespaceQuota.LARGE } : props);
  if (!hasTenants) return;
  const chart = new Chart(app, 'tenants', { namespace: props.name });
  const web = t.web && new WebService(chart, 'storefront', { image: t.web[0], replicas: t.web[1], resources: ResourcePreset.SMALL, host: 'shop.example.com' });
  if (t.api) {
    const api = new InternalApi(chart, 'orders', { image: t.api[0], resources: t.api[1] });
    if (web) api.allowFrom(web);
    else api.allowFrom(NetworkPeer.namespace('monitoring'));
  }
}
describe('SecureNamespace, generated valid props', () => {
  testValidOutput(fc.tuple(secureNamespaceProps, tenants), (app, [props, t]) => buildWithTenants(app, props, t), {
    hardened: 'the namespace, and the golden workloads that fit its quota, pass every guardrail rule, the schema and the API server\'s own checks',
    deterministic: 'the same props synthesize byte-identical YAML in two fresh apps',
  });

  test('the Namespace is labelled for its Pod Security level, pinned, and carries no metadata.namespace', () => {
    fc.assert(fc.property(secureNamespaceProps, (props) => {
      const app = new App();
      buildWithTenants(app, props, { huge: false });
      const ns = synthApp(app).find((d) => d.kind === 'Namespace');
      const value = (props.podSecurity ?? PodSecurityLevel.RESTRICTED).value;
      for (const mode of ['enforce', 'audit', 'warn']) {
        expect(ns.metadata.labels[`pod-security.kubernetes.io/${mode}`]).toBe(value);
        expect(ns.metadata.labels[`pod-security.kubernetes.io/${mode}-version`]).toBe(props.podSecurityVersion ?? 'v1.30');
      }
      expect(ns.metadata.namespace).toBeUndefined();
    }), { numRuns: BUDGET.selectors() });
  }, TIMEOUT_MS);
});

const d = (f: () => unknown) => f;
const namespaceMutation: fc.Arbitrary<Mutation> = fc.oneof(
  mutation('name', fc.oneof(notAString, badText, fc.constantFrom('a'.repeat(64), '1abc', 'Shop', 'shop.example'))),
  mutation('podSecurity', fc.oneof(notAnObject, fc.constantFrom('baseline', 'restricted', {}))),
  mutation('podSecurityReason', fc.oneof(notAString.filter((v) => v !== undefined), fc.constantFrom('because', 'a long enough reason'))),
  mutation('podSecurityVersion', fc.oneof(notAString.filter((v) => v !== undefined), fc.constantFrom('latest', 'v1', 'v2.30', 'v1.300', '1.30', 'v1.30 ', ''))),
  mutation('quota', fc.oneof(notAnObject, fc.constant({}), fc.constantFrom(
    d(() => NamespaceQuota.custom(undefined as any)), d(() => NamespaceQuota.custom({} as any)),
    d(() => NamespaceQuota.custom({ cpuRequests: Cpu.millis(0), memory: Size.gibibytes(1), pods: 10 })),
    d(() => NamespaceQuota.custom({ cpuRequests: Cpu.units(0.0001), memory: Size.gibibytes(1), pods: 10 })),
    d(() => NamespaceQuota.custom({ cpuRequests: Cpu.units(1), memory: Size.kibibytes(1), pods: 10 })),
    d(() => NamespaceQuota.custom({ cpuRequests: Cpu.units(1), memory: Size.gibibytes(1), pods: 10, services: -1 })),
    d(() => NamespaceQuota.custom({ cpuRequests: '1' as any, memory: Size.gibibytes(1), pods: 10 })),
  ).map((f) => f()), outOfRange(1, 100000).map((pods) => NamespaceQuota.custom({ cpuRequests: Cpu.units(1), memory: Size.gibibytes(1), pods })))),
  mutation('containerDefaults', fc.oneof(notAnObject, fc.constant({}),
    fc.constant(d(() => ResourcePreset.custom({ cpuRequest: Cpu.millis(0), memory: Size.mebibytes(1) }))).map((f) => f()))),
  mutation('labels', fc.oneof(notAnObject, fc.constantFrom({ 'bad key!': 'x' }, { k: 'bad value!' }, { k: 5 }))),
  mutation('annotations', fc.oneof(notAnObject, fc.constantFrom({ 'bad key!': 'x' }, { k: 5 }))),
);

describe('SecureNamespace, generated invalid props', () => {
  test('one field out of its domain: refused with the construct path, the field, the value and the fix; no YAML written', () => {
    fc.assert(fc.property(secureNamespaceProps, namespaceMutation, (props, m) => {
      const base: any = { ...props };
      // A reason is refused under restricted and required below it: mutate it below restricted.
      if (m.field === 'podSecurityReason') base.podSecurity = typeof m.value === 'string' ? PodSecurityLevel.RESTRICTED : PodSecurityLevel.BASELINE;
      if (m.field === 'podSecurity') delete base.podSecurityReason;
      const message = expectRefused((app) => buildWithTenants(app, { ...base, [m.field]: m.value }, { huge: false }));
      expect(message).toContain(m.hint);
    }), { numRuns: BUDGET.invalid() });
  }, TIMEOUT_MS);

  test('golden workloads that do not fit the quota at their largest scale are refused, naming the quota', () => {
    const replicaCounts = fc.integer({ min: 2, max: 40 });
    fc.assert(fc.property(secureNamespaceProps, image, replicaCounts, fc.integer({ min: 1, max: 4 }), (props, img, replicas, pods) => {
      const message = expectRefused((app) => {
        // The workload needs replicas + its surge (at least one pod more than replicas).
        const small = NamespaceQuota.custom({ cpuRequests: Cpu.units(100), memory: Size.gibibytes(100), pods: Math.min(pods, replicas) });
        new SecureNamespace(new Chart(app, 'platform'), 'ns', { ...props, quota: small });
        new WebService(new Chart(app, 'tenants', { namespace: props.name }), 'storefront', { image: img, replicas, host: 'shop.example.com' });
      });
      expect(message).toMatch(/quota\.pods: the golden workloads of namespace|resources: needs up to/);
    }), { numRuns: BUDGET.selectors() });
  }, TIMEOUT_MS);

  test('two SecureNamespaces of one name in an app are refused', () => {
    fc.assert(fc.property(secureNamespaceProps, secureNamespaceProps, (a, b) => {
      const message = expectRefused((app) => {
        new SecureNamespace(new Chart(app, 'one'), 'ns', a);
        new SecureNamespace(new Chart(app, 'two'), 'ns', { ...b, name: a.name });
      });
      expect(message).toContain('name:');
    }), { numRuns: BUDGET.selectors() });
  }, TIMEOUT_MS);

  test('any mix of valid and invalid values: the output is hardened, or the synth is refused in the library\'s format', () => {
    fc.assert(fc.property(secureNamespaceProps, tenants, fc.array(namespaceMutation, { maxLength: 3 }), (props, t, ms) => {
      const mixed: any = { ...props };
      for (const m of ms) mixed[m.field] = m.value;
      expectHardenedOrRefused((app) => buildWithTenants(app, mixed, t));
    }), { numRuns: BUDGET.mixed() });
  }, TIMEOUT_MS);
});
