import { ApiObject, App, Chart, Testing } from 'cdk8s';
import * as k8s from 'cdk8s-plus-30/lib/imports/k8s';
import { Construct } from 'constructs';
import { refuseSecondNginxCanary } from '../../src/canary/nginx-canary';
import { TrafficStrategy } from '../../src/canary/traffic-strategy';
import { CanaryRelease } from '../../src/canary-release';
import { IngressTls } from '../../src/platform/ingress-tls';
import { namespacedChart } from '../util/manifests';

const HOST = 'shop.example.com';
const CANARY = 'nginx.ingress.kubernetes.io/canary';
const FIX = 'run one canary at a time per host, or use TrafficStrategy.gatewayApi';

interface HandWritten {
  readonly host?: string;
  readonly path?: string;
  /** The value of the canary annotation; none when undefined. */
  readonly canary?: string;
  readonly namespace?: string;
  /** Several rules of one Ingress, as [host, path] pairs (overrides host and path). */
  readonly rules?: Array<[string | undefined, string | undefined]>;
}

/** A hand-written Ingress, as an app may add next to the golden constructs. */
function ingress(scope: Construct, id: string, given: HandWritten = {}): ApiObject {
  const rules = (given.rules ?? [[given.host ?? HOST, given.path ?? '/']]).map(([host, path]) => ({
    host,
    http: { paths: [{ path, pathType: 'Prefix', backend: { service: { name: id, port: { number: 80 } } } }] },
  }));
  return new ApiObject(scope, id, {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: id, namespace: given.namespace, annotations: given.canary === undefined ? undefined : { [CANARY]: given.canary } },
    spec: { rules },
  });
}

/** A release-like owner with its own canary Ingress at `<owner>/CanaryIngress`, guarded by the check. */
function owner(chart: Chart, id = 'release'): Construct {
  const release = new Construct(chart, id);
  const own = ingress(release, 'CanaryIngress', { canary: 'true' });
  refuseSecondNginxCanary(release, chart.namespace, HOST, () => own.node.path);
  return release;
}

function conflict(ownerPath: string, others: string): string {
  return `[${ownerPath}] strategy: ingress-nginx applies one canary per host and path, and ${others} ${others.includes(', ') ? 'are others' : 'is one'} for ${HOST}/ too, got '${HOST}'; ${FIX}`;
}

function validationError(...lines: string[]): Error {
  return new Error(['Validation failed with the following errors:', ...lines.map((l) => `  ${l}`)].join('\n'));
}

describe('refuseSecondNginxCanary', () => {
  test('its own canary Ingress alone passes', () => {
    // GIVEN
    const chart = namespacedChart();
    owner(chart);
    // WHEN / THEN
    expect(Testing.synth(chart).map((d) => d.metadata.name)).toEqual(['CanaryIngress']);
  });

  test('refuses a hand-written canary for the same namespace, host and path', () => {
    // GIVEN
    const chart = namespacedChart();
    owner(chart);
    // WHEN
    ingress(chart, 'other-canary', { canary: 'true' });
    // THEN
    expect(() => Testing.synth(chart)).toThrow(validationError(conflict('shop/release', 'shop/other-canary')));
  });

  test('an Ingress path left out is `/`, so it conflicts', () => {
    // GIVEN
    const chart = namespacedChart();
    owner(chart);
    // WHEN
    ingress(chart, 'other-canary', { canary: 'true', path: undefined, rules: [[HOST, undefined]] });
    // THEN
    expect(() => Testing.synth(chart)).toThrow(validationError(conflict('shop/release', 'shop/other-canary')));
  });

  test('refuses a canary found in any rule of an Ingress', () => {
    // GIVEN
    const chart = namespacedChart();
    owner(chart);
    // WHEN
    ingress(chart, 'other-canary', { canary: 'true', rules: [['api.example.com', '/'], [HOST, '/']] });
    // THEN
    expect(() => Testing.synth(chart)).toThrow(validationError(conflict('shop/release', 'shop/other-canary')));
  });

  test('lists every other canary, and finds those made with the typed KubeIngress', () => {
    // GIVEN
    const chart = namespacedChart();
    owner(chart);
    // WHEN
    ingress(chart, 'first', { canary: 'true' });
    new k8s.KubeIngress(chart, 'second', {
      metadata: { name: 'second', annotations: { [CANARY]: 'true' } },
      spec: { rules: [{ host: HOST, http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'second', port: { number: 80 } } } }] } }] },
    });
    // THEN
    expect(() => Testing.synth(chart)).toThrow(validationError(conflict('shop/release', 'shop/first, shop/second')));
  });

  test.each<[string, HandWritten]>([
    ['a non-canary Ingress for the same host and path', {}],
    ['a canary annotation set to false', { canary: 'false' }],
    ['a canary for another path of the same host', { canary: 'true', path: '/api' }],
    ['a canary for a sub-path of the same host', { canary: 'true', path: '/admin/' }],
    ['a canary for another host', { canary: 'true', host: 'api.example.com' }],
    ['a canary for a wildcard host', { canary: 'true', host: '*.example.com' }],
    ['a canary without a host (the default server)', { canary: 'true', rules: [[undefined, '/']] }],
    ['a canary in another namespace, set on the object', { canary: 'true', namespace: 'other' }],
  ])('accepts %s', (_name, given) => {
    // GIVEN
    const chart = namespacedChart();
    owner(chart);
    // WHEN
    ingress(chart, 'other', given);
    // THEN
    expect(Testing.synth(chart).map((d) => d.metadata.name)).toEqual(['CanaryIngress', 'other']);
  });

  test('accepts a canary for the same host and path in a chart of another namespace', () => {
    // GIVEN
    const app = Testing.app();
    const shop = namespacedChart('shop', app);
    owner(shop);
    // WHEN
    const payments = namespacedChart('payments', app);
    ingress(payments, 'other-canary', { canary: 'true' });
    // THEN
    expect(Testing.synth(shop)).toHaveLength(1);
    expect(Testing.synth(payments)[0].metadata.namespace).toBe('payments');
  });

  test('refuses a canary in a chart without namespace that names the same namespace on the object', () => {
    // GIVEN
    const app = Testing.app();
    const shop = namespacedChart('shop', app);
    owner(shop);
    // WHEN
    ingress(new Chart(app, 'plain'), 'other-canary', { canary: 'true', namespace: 'shop' });
    // THEN
    expect(() => Testing.synth(shop)).toThrow(validationError(conflict('shop/release', 'plain/other-canary')));
  });

  test('accepts a canary in a chart without namespace when the owner has one (they are not known to share it)', () => {
    // GIVEN
    const app = Testing.app();
    const shop = namespacedChart('shop', app);
    owner(shop);
    // WHEN
    ingress(new Chart(app, 'plain'), 'other-canary', { canary: 'true' });
    // THEN
    expect(Testing.synth(shop)).toHaveLength(1);
  });

  test('charts without namespace are taken to share one, so their canaries conflict', () => {
    // GIVEN
    const app = Testing.app();
    const first = new Chart(app, 'first');
    owner(first);
    // WHEN
    ingress(new Chart(app, 'second'), 'other-canary', { canary: 'true' });
    // THEN
    expect(() => Testing.synth(first)).toThrow(validationError(conflict('first/release', 'second/other-canary')));
  });

  test('two guarded owners refuse each other', () => {
    // GIVEN
    const chart = namespacedChart();
    // WHEN
    owner(chart, 'a');
    owner(chart, 'b');
    // THEN
    expect(() => Testing.synth(chart)).toThrow(validationError(conflict('shop/a', 'shop/b/CanaryIngress'), conflict('shop/b', 'shop/a/CanaryIngress')));
  });

  test('each synth sees the Ingresses added since the last one', () => {
    // GIVEN
    const chart = namespacedChart();
    owner(chart);
    expect(Testing.synth(chart)).toHaveLength(1);
    // WHEN
    ingress(chart, 'late-canary', { canary: 'true' });
    // THEN
    expect(() => Testing.synth(chart)).toThrow(validationError(conflict('shop/release', 'shop/late-canary')));
  });

  test('accepts canary Ingresses without rules, or with a rule without paths', () => {
    // GIVEN
    const chart = namespacedChart();
    owner(chart);
    // WHEN
    new ApiObject(chart, 'default-backend', {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'default-backend', annotations: { [CANARY]: 'true' } },
      spec: { defaultBackend: { service: { name: 'x', port: { number: 80 } } } },
    });
    new ApiObject(chart, 'no-paths', {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'no-paths', annotations: { [CANARY]: 'true' } },
      spec: { rules: [{ host: HOST }] },
    });
    // THEN
    expect(Testing.synth(chart).map((d) => d.metadata.name)).toEqual(['CanaryIngress', 'default-backend', 'no-paths']);
  });

  test('ignores objects of other kinds with the canary annotation', () => {
    // GIVEN
    const chart = namespacedChart();
    owner(chart);
    // WHEN
    new ApiObject(chart, 'route', {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'route', annotations: { [CANARY]: 'true' } },
      spec: { rules: [{ host: HOST, http: { paths: [{ path: '/' }] } }] },
    } as any);
    // THEN
    expect(Testing.synth(chart)).toHaveLength(2);
  });

  // Bug (see report): ingress-nginx parses the canary annotation with Go's strconv.ParseBool, so
  // 'True', 'TRUE', '1' and 't' also make an Ingress a canary; the index only knows 'true'.
  test.each(['True', 'TRUE', '1'])('refuses a hand-written canary annotated %p', (value) => {
    // GIVEN
    const chart = namespacedChart();
    owner(chart);
    // WHEN
    ingress(chart, 'other-canary', { canary: value });
    // THEN
    expect(() => Testing.synth(chart)).toThrow(validationError(conflict('shop/release', 'shop/other-canary')));
  });

  // Questionable (see report): an Ingress with the same host and path in two rules is listed twice.
  test('names each other canary once, however many of its rules match', () => {
    // GIVEN
    const chart = namespacedChart();
    owner(chart);
    // WHEN
    ingress(chart, 'other-canary', { canary: 'true', rules: [[HOST, '/'], [HOST, '/']] });
    // THEN
    expect(() => Testing.synth(chart)).toThrow(validationError(conflict('shop/release', 'shop/other-canary')));
  });
});

describe('refuseSecondNginxCanary through CanaryRelease', () => {
  const STABLE = 'ghcr.io/acme/storefront:2.0.1';
  const NEXT = 'ghcr.io/acme/storefront:2.1.0';

  function release(chart: Chart, id: string, strategy = TrafficStrategy.ingressNginx()): CanaryRelease {
    return new CanaryRelease(chart, id, {
      stable: { image: STABLE }, canary: { image: NEXT, weight: 10 }, host: HOST, strategy, tls: IngressTls.existingSecret(`${id}-tls`),
    });
  }

  test('releases of one host in different namespaces each run their canary', () => {
    // GIVEN
    const app: App = Testing.app();
    const shop = namespacedChart('shop', app);
    const staging = namespacedChart('staging', app);
    // WHEN
    release(shop, 'storefront');
    release(staging, 'storefront');
    // THEN
    expect(Testing.synth(shop).filter((d) => d.kind === 'Ingress').map((d) => d.metadata.name)).toEqual(['storefront', 'storefront-canary']);
    expect(Testing.synth(staging).filter((d) => d.kind === 'Ingress').map((d) => d.metadata.namespace)).toEqual(['staging', 'staging']);
  });

  test('the main Ingress of a release is no canary: a release next to a plain Ingress-exposed one passes', () => {
    // GIVEN
    const chart = namespacedChart();
    // WHEN
    release(chart, 'storefront');
    release(chart, 'legacy', TrafficStrategy.replicaRatio());
    // THEN
    expect(Testing.synth(chart).filter((d) => d.kind === 'Ingress').map((d) => d.metadata.name)).toEqual(['storefront', 'storefront-canary', 'legacy']);
  });

  test('a release and a hand-written canary for its host and path in its namespace are refused at the release', () => {
    // GIVEN
    const chart = namespacedChart();
    release(chart, 'storefront');
    // WHEN
    ingress(chart, 'manual-canary', { canary: 'true' });
    // THEN
    expect(() => Testing.synth(chart)).toThrow(validationError(conflict('shop/storefront', 'shop/manual-canary')));
  });

  test('two releases of one host and namespace are refused at both', () => {
    // GIVEN
    const chart = namespacedChart();
    // WHEN
    release(chart, 'storefront');
    release(chart, 'checkout');
    // THEN
    expect(() => Testing.synth(chart)).toThrow(validationError(
      conflict('shop/storefront', 'shop/checkout/CanaryIngress'), conflict('shop/checkout', 'shop/storefront/CanaryIngress')));
  });
});
