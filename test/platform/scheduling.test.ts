import { Chart, Testing } from 'cdk8s';
import { CanaryRelease, InternalApi, PlatformDefaults, WebService } from '../../src';
import { checkManifests } from '../../src/guardrails/engine';
import { checkAffinity, checkNodeSelector, checkPriorityClassName, checkTolerations, mergeAffinity } from '../../src/platform/scheduling';
import { allSchemaErrors } from '../util/schema';

const IMAGE = 'ghcr.io/acme/storefront:2.0.1';
const ANTI = {
  podAntiAffinity: {
    preferredDuringSchedulingIgnoredDuringExecution: [{
      weight: 100,
      podAffinityTerm: { topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: { app: 'a' } } },
    }],
  },
};
const ZONE_A = {
  nodeAffinity: {
    requiredDuringSchedulingIgnoredDuringExecution: {
      nodeSelectorTerms: [{ matchExpressions: [{ key: 'topology.kubernetes.io/zone', operator: 'In', values: ['eu-west-1a'] }] }],
    },
  },
};

function chartWith(defaults?: Parameters<typeof PlatformDefaults.set>[1]): Chart {
  const app = Testing.app();
  if (defaults) {
    PlatformDefaults.set(app, defaults);
  }
  return new Chart(app, 'shop', { namespace: 'shop' });
}

function podSpecOf(chart: Chart): any {
  return Testing.synth(chart).find((m) => m.kind === 'Deployment').spec.template.spec;
}

describe('scheduling props', () => {
  test('nodeSelector, tolerations, affinity and priorityClassName land in the pod spec, the anti-affinity kept', () => {
    // GIVEN
    const chart = chartWith();
    // WHEN
    new WebService(chart, 'storefront', {
      image: IMAGE,
      nodeSelector: { 'acme.com/pool': 'web' },
      tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'web', effect: 'NoSchedule' }],
      affinity: ZONE_A,
      priorityClassName: 'business-critical',
    });
    // THEN
    const spec = podSpecOf(chart);
    expect(spec.nodeSelector).toEqual({ 'acme.com/pool': 'web' });
    expect(spec.tolerations).toEqual([{ key: 'dedicated', operator: 'Equal', value: 'web', effect: 'NoSchedule' }]);
    expect(spec.priorityClassName).toBe('business-critical');
    expect(spec.affinity.nodeAffinity).toEqual(ZONE_A.nodeAffinity);
    expect(spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution).toEqual([{
      weight: 100,
      podAffinityTerm: { topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: { 'app.kubernetes.io/instance': 'storefront', 'app.kubernetes.io/name': 'storefront' } } },
    }]);
    const docs = Testing.synth(chart);
    expect(checkManifests(docs)).toEqual([]);
    expect(allSchemaErrors(docs)).toEqual([]);
  });

  test('PlatformDefaults give each field; the construct props override them', () => {
    // GIVEN
    const chart = chartWith({
      nodeSelector: { 'acme.com/pool': 'general' },
      tolerations: [{ key: 'acme.com/spot', operator: 'Exists' }],
      affinity: ZONE_A,
      priorityClassName: 'standard',
    });
    // WHEN
    const orders = new InternalApi(chart, 'orders', { image: IMAGE });
    orders.allowFrom(new WebService(chart, 'storefront', {
      image: IMAGE, nodeSelector: { 'acme.com/pool': 'web' }, tolerations: [], priorityClassName: 'business-critical',
    }));
    // THEN
    const [ordersPod, storefront] = Testing.synth(chart).filter((m) => m.kind === 'Deployment').map((d) => d.spec.template.spec);
    expect(ordersPod.nodeSelector).toEqual({ 'acme.com/pool': 'general' });
    expect(ordersPod.tolerations).toEqual([{ key: 'acme.com/spot', operator: 'Exists' }]);
    expect(ordersPod.affinity.nodeAffinity).toEqual(ZONE_A.nodeAffinity);
    expect(ordersPod.priorityClassName).toBe('standard');
    expect(storefront.nodeSelector).toEqual({ 'acme.com/pool': 'web' });
    expect(storefront.tolerations).toBeUndefined();
    expect(storefront.priorityClassName).toBe('business-critical');
  });

  test('both tracks of a CanaryRelease get them', () => {
    // GIVEN
    const chart = chartWith();
    // WHEN
    new CanaryRelease(chart, 'storefront', {
      stable: { image: IMAGE },
      canary: { image: 'ghcr.io/acme/storefront:2.1.0', weight: 10 },
      host: 'shop.example.com',
      nodeSelector: { 'acme.com/pool': 'web' },
      priorityClassName: 'business-critical',
    });
    // THEN
    const pods = Testing.synth(chart).filter((m) => m.kind === 'Deployment').map((d) => d.spec.template.spec);
    expect(pods.map((p) => [p.nodeSelector, p.priorityClassName])).toEqual([
      [{ 'acme.com/pool': 'web' }, 'business-critical'],
      [{ 'acme.com/pool': 'web' }, 'business-critical'],
    ]);
  });

  test('without them the pod spec is as before', () => {
    // GIVEN
    const chart = chartWith();
    // WHEN
    new WebService(chart, 'storefront', { image: IMAGE });
    // THEN
    const spec = podSpecOf(chart);
    expect(spec.nodeSelector).toBeUndefined();
    expect(spec.tolerations).toBeUndefined();
    expect(Object.keys(spec.affinity)).toEqual(['podAntiAffinity']);
  });

  test.each([
    ['priorityClassName', { priorityClassName: 'system-node-critical' },
      "[shop/storefront] priorityClassName: is a class Kubernetes keeps for the cluster's own components: their pods preempt every other pod and are evicted last, got 'system-node-critical'; create a PriorityClass for the platform's workloads and name it here"],
    ['nodeSelector', { nodeSelector: { pool: 'web pool' } },
      "[shop/storefront] nodeSelector.pool: must be a valid label value, got 'web pool'; use at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit"],
    ['tolerations', { tolerations: [{ key: 'dedicated', operator: 'Exists', value: 'web' }] },
      "[shop/storefront] tolerations[0].value: must be empty with operator 'Exists', got 'web'; leave value out, or use operator 'Equal'"],
    ['affinity', { affinity: { nodeAfinity: {} } },
      "[shop/storefront] affinity: has a field Kubernetes does not know, got 'nodeAfinity'; use nodeAffinity, podAffinity or podAntiAffinity"],
  ])('a bad %s is refused at the construct', (_field, props, message) => {
    // GIVEN
    const chart = chartWith();
    // WHEN / THEN
    expect(() => new WebService(chart, 'storefront', { image: IMAGE, ...props as any })).toThrow(message);
  });

  test('a bad platform default is refused where it is set', () => {
    // GIVEN / WHEN / THEN
    expect(() => PlatformDefaults.set(Testing.app(), { tolerations: [{ operator: 'Equal', value: 'x' }] })).toThrow(
      "[<app>] PlatformDefaults.tolerations[0].key: is required with operator 'Equal', got undefined; name the taint's key, or use operator 'Exists' to tolerate every taint");
  });
});

describe('the checks', () => {
  const scope = new Chart(Testing.app(), 'test');

  test.each([
    [{ key: 'a', operator: 'Like' }, "[test] t[0].operator: must be Equal or Exists, got 'Like'; use 'Equal' with a value or 'Exists' without"],
    [{ key: 'a', effect: 'NoRun' }, "[test] t[0].effect: must be NoSchedule, PreferNoSchedule or NoExecute, got 'NoRun'; use one of those, or leave it out for every effect"],
    [{ key: 'a', effect: 'NoSchedule', tolerationSeconds: 30 }, "[test] t[0].tolerationSeconds: must be a whole number of seconds of at least 0, with effect NoExecute, got 30; set effect: 'NoExecute', or leave tolerationSeconds out"],
    [{ key: 'a b' }, "[test] t[0].key: must be a taint key, got 'a b'; use a label-like key such as 'dedicated' or 'acme.com/pool'"],
    ['a', "[test] t[0]: must be a toleration, got 'a'; pass { key, operator: 'Equal' | 'Exists', value?, effect? }"],
  ])('a toleration %j is refused', (toleration, message) => {
    expect(() => checkTolerations(scope, 't', [toleration])).toThrow(message);
  });

  test('tolerations must be a list, affinity an object, a node selector labels', () => {
    expect(() => checkTolerations(scope, 't', 'dedicated')).toThrow("[test] t: must be a list of tolerations, got 'dedicated'");
    expect(() => checkAffinity(scope, 'a', [])).toThrow('[test] a: must be an affinity object, got []');
    expect(() => checkNodeSelector(scope, 'n', { 'a b': 'c' })).toThrow("[test] n: has a key that is not a valid label key, got 'a b'");
    expect(checkPriorityClassName(scope, 'p', 'business-critical')).toBe('business-critical');
  });

  test('mergeAffinity adds anti-affinity terms next to the default and keeps required ones', () => {
    // GIVEN
    const extraTerm = { weight: 50, podAffinityTerm: { topologyKey: 'topology.kubernetes.io/zone', labelSelector: { matchLabels: { app: 'b' } } } };
    const required = [{ topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: { app: 'c' } } }];
    // WHEN
    const merged = mergeAffinity(ANTI, {
      podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [extraTerm], requiredDuringSchedulingIgnoredDuringExecution: required },
    });
    // THEN
    expect(merged.podAntiAffinity).toEqual({
      preferredDuringSchedulingIgnoredDuringExecution: [...ANTI.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution, extraTerm],
      requiredDuringSchedulingIgnoredDuringExecution: required,
    });
    expect(mergeAffinity(ANTI, undefined)).toBe(ANTI);
  });
});
