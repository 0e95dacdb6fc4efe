import { Chart, Testing } from 'cdk8s';
import { Construct } from 'constructs';
import { ReplicaRatio } from '../../src/canary/replica-ratio';
import { TrafficStrategy } from '../../src/canary/traffic-strategy';
import { CanaryRelease, CanaryReleaseProps } from '../../src/canary-release';
import { checkManifests } from '../../src/guardrails/engine';
import { PlatformDefaults } from '../../src/platform/platform-defaults';
import { byKind, oneOf } from '../util/manifests';
import { allSchemaErrors } from '../util/schema';

describe('ReplicaRatio', () => {
  test('bound to a release: the pods are the split, and outside traffic comes through its Ingress', () => {
    // GIVEN
    const release = new Construct(Testing.chart(), 'storefront');
    // WHEN
    const bound = new ReplicaRatio().bind(release);
    // THEN
    expect({ name: bound.name, splitsByPods: bound.splitsByPods, usesIngress: bound.usesIngress })
      .toEqual({ name: 'replica-ratio', splitsByPods: true, usesIngress: true });
  });

  test('without a host it routes nothing and lets no controller in', () => {
    // GIVEN
    const release = new Construct(Testing.chart(), 'storefront');
    const allowed: unknown[] = [];
    // WHEN
    const routed = new ReplicaRatio().bind(release).route({
      scope: release,
      name: 'storefront',
      labels: {},
      servicePort: 80,
      portName: 'http',
      service: 'storefront',
      stableService: 'storefront-stable',
      props: {},
      allowFrom: (peer) => allowed.push(peer),
    });
    // THEN
    expect(routed).toEqual({});
    expect(allowed).toEqual([]);
  });
});

/** A release in `shop` with the platform's Gateway declared on the App. */
function synthWithGateway(strategy: TrafficStrategy, props: Partial<CanaryReleaseProps> = {}): any[] {
  const app = Testing.app();
  PlatformDefaults.set(app, { gateway: { name: 'public', namespace: 'gateways', sectionName: 'https' } });
  const chart = new Chart(app, 'shop', { namespace: 'shop' });
  new CanaryRelease(chart, 'storefront', {
    stable: { image: 'ghcr.io/acme/storefront:2.0.1' }, canary: { image: 'ghcr.io/acme/storefront:2.1.0', weight: 10 }, host: 'shop.example.com', strategy, ...props,
  });
  return Testing.synth(chart);
}

describe('ReplicaRatio with the platform\'s Gateway', () => {
  test('routes `host` through an HTTPRoute to the release Service instead of an Ingress, and lets the Gateway in', () => {
    // GIVEN / WHEN
    const docs = synthWithGateway(TrafficStrategy.replicaRatio(), { hosts: ['www.example.com'] });
    // THEN
    expect(byKind(docs, 'Ingress')).toEqual([]);
    const route = oneOf(docs, 'HTTPRoute');
    expect(route.spec).toEqual({
      parentRefs: [{ group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'public', namespace: 'gateways', sectionName: 'https' }],
      hostnames: ['shop.example.com', 'www.example.com'],
      rules: [{ matches: [{ path: { type: 'PathPrefix', value: '/' } }], backendRefs: [{ group: '', kind: 'Service', name: 'storefront', port: 80, weight: 1 }] }],
    });
    expect(byKind(docs, 'NetworkPolicy').map((p) => p.spec.ingress[0].from[0].namespaceSelector.matchLabels['kubernetes.io/metadata.name'])).toEqual(['gateways', 'gateways']);
    expect(checkManifests(docs).map((f) => `${f.rule} ${f.kind}/${f.name}: ${f.message}`)).toEqual([]);
    expect(allSchemaErrors(docs)).toEqual([]);
  });
});
