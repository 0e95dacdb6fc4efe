import { Chart, Testing } from 'cdk8s';
import { Construct } from 'constructs';
import { IngressNginx } from '../../src/canary/ingress-nginx';
import { TrafficStrategy } from '../../src/canary/traffic-strategy';
import { CanaryRelease, CanaryReleaseProps } from '../../src/canary-release';
import { checkManifests } from '../../src/guardrails/engine';
import { PlatformDefaults } from '../../src/platform/platform-defaults';
import { byKind } from '../util/manifests';
import { allSchemaErrors } from '../util/schema';

describe('IngressNginx', () => {
  test('bound to a release with a host: a router splits requests, through the release Ingresses', () => {
    // GIVEN
    const release = new Construct(Testing.chart(), 'storefront');
    // WHEN
    const bound = new IngressNginx({}).bind(release, { host: 'shop.example.com' });
    // THEN
    expect({ name: bound.name, splitsByPods: bound.splitsByPods, usesIngress: bound.usesIngress })
      .toEqual({ name: 'ingress-nginx', splitsByPods: false, usesIngress: true });
  });

  test('refuses, at the release, a release without a host', () => {
    // GIVEN
    const release = new Construct(Testing.chart(), 'storefront');
    // WHEN / THEN
    expect(() => new IngressNginx(undefined).bind(release, {})).toThrow(new Error(
      "[test/storefront] strategy: ingress-nginx canaries split the traffic of an Ingress, and there is none without `host`, got 'ingress-nginx'; "
      + 'set `host`, or use TrafficStrategy.replicaRatio() for traffic inside the cluster'));
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

describe('IngressNginx with the platform\'s Gateway', () => {
  test('keeps its two Ingresses and the ingress controller: the canary annotations need ingress-nginx', () => {
    // GIVEN / WHEN
    const docs = synthWithGateway(TrafficStrategy.ingressNginx());
    // THEN
    expect(byKind(docs, 'HTTPRoute')).toEqual([]);
    expect(byKind(docs, 'Ingress').map((i) => i.metadata.name)).toEqual(['storefront', 'storefront-canary']);
    expect(byKind(docs, 'NetworkPolicy')[0].spec.ingress[0].from[0].namespaceSelector.matchLabels['kubernetes.io/metadata.name']).toBe('ingress-nginx');
    expect(checkManifests(docs).map((f) => `${f.rule} ${f.kind}/${f.name}: ${f.message}`)).toEqual([]);
    expect(allSchemaErrors(docs)).toEqual([]);
  });

  test.each([
    ['hosts', { hosts: ['www.example.com'] }, '["www.example.com"]'],
    ['paths', { paths: ['/api'] }, '["/api"]'],
  ])('refuses %s: one canary per host and path', (field, props, got) => {
    expect(() => synthWithGateway(TrafficStrategy.ingressNginx(), props)).toThrow(new Error(
      `[shop/storefront] ${field}: ingress-nginx applies one canary per host and path, and this strategy splits the traffic of \`host\` on \`/\` only, got ${got}; `
      + 'remove it, or use TrafficStrategy.gatewayApi() or replicaRatio() for more hosts and paths'));
  });
});
