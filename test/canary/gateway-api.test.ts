import { Chart, Testing } from 'cdk8s';
import { Construct } from 'constructs';
import { GatewayApi } from '../../src/canary/gateway-api';
import { TrafficStrategy } from '../../src/canary/traffic-strategy';
import { CanaryRelease, CanaryReleaseProps } from '../../src/canary-release';
import { checkManifests } from '../../src/guardrails/engine';
import { Exposure } from '../../src/network/exposure';
import { PlatformDefaults } from '../../src/platform/platform-defaults';
import { PlatformGateway } from '../../src/platform/platform-gateway';
import { byKind, oneOf } from '../util/manifests';
import { allSchemaErrors } from '../util/schema';

describe('GatewayApi', () => {
  test('bound to a release: a router splits requests, through its HTTPRoute instead of an Ingress', () => {
    // GIVEN
    const release = new Construct(Testing.chart(), 'storefront');
    // WHEN
    const bound = new GatewayApi({ gatewayName: 'public' }).bind(release, {});
    // THEN
    expect({ name: bound.name, splitsByPods: bound.splitsByPods, usesIngress: bound.usesIngress })
      .toEqual({ name: 'gateway-api', splitsByPods: false, usesIngress: false });
  });

  test('refuses, at the release, an Ingress prop it cannot apply', () => {
    // GIVEN
    const release = new Construct(Testing.chart(), 'storefront');
    // WHEN / THEN
    expect(() => new GatewayApi({ gatewayName: 'public' }).bind(release, { ingressClassName: 'nginx' })).toThrow(new Error(
      "[test/storefront] ingressClassName: applies to an Ingress, and the Gateway API strategy routes through an HTTPRoute instead, got 'nginx'; "
      + 'remove it: the Gateway owns TLS and its data plane (set strategy controllerNamespace for the NetworkPolicies)'));
  });

  test('routes through an HTTPRoute and lets the gateway pods in, from the chart namespace by default', () => {
    // GIVEN
    const release = new Construct(Testing.chart(), 'storefront');
    const allowed: any[] = [];
    // WHEN
    const routed = new GatewayApi({ gatewayName: 'public' }).bind(release, {}).route({
      scope: release,
      name: 'storefront',
      namespace: 'shop',
      weight: 10,
      labels: {},
      servicePort: 80,
      portName: 'http',
      service: 'storefront',
      stableService: 'storefront-stable',
      canaryService: 'storefront-canary',
      props: {},
      allowFrom: (peer) => allowed.push(peer),
    });
    // THEN
    expect(routed.ingress).toBeUndefined();
    expect(routed.httpRoute!.toJson().spec.rules[0].backendRefs.map((b: any) => [b.name, b.weight])).toEqual([['storefront-stable', 90], ['storefront-canary', 10]]);
    expect(allowed.map((p) => p.toPeerSelection().namespace)).toEqual(['shop']);
  });
});

describe('GatewayApi with the platform\'s Gateway', () => {
  const STABLE = 'ghcr.io/acme/storefront:2.0.1';
  const CANARY = 'ghcr.io/acme/storefront:2.1.0';

  function synth(strategy: TrafficStrategy, props: Partial<CanaryReleaseProps> = {}, gateway: PlatformGateway | null = { name: 'public', namespace: 'gateways', sectionName: 'https' }): any[] {
    const app = Testing.app();
    if (gateway !== null) {
      PlatformDefaults.set(app, { gateway });
    }
    const chart = new Chart(app, 'shop', { namespace: 'shop' });
    new CanaryRelease(chart, 'storefront', { stable: { image: STABLE }, canary: { image: CANARY, weight: 10 }, host: 'shop.example.com', strategy, ...props });
    return Testing.synth(chart);
  }

  test('needs no options: attaches to the platform\'s Gateway and listener, lets its namespace into both tracks; guardrails and schemas clean', () => {
    // GIVEN / WHEN
    const docs = synth(TrafficStrategy.gatewayApi());
    // THEN
    const route = oneOf(docs, 'HTTPRoute');
    expect(route.spec.parentRefs).toEqual([{ group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'public', namespace: 'gateways', sectionName: 'https' }]);
    expect(route.spec.rules[0].backendRefs.map((b: any) => [b.name, b.weight])).toEqual([['storefront-stable', 90], ['storefront-canary', 10]]);
    expect(byKind(docs, 'NetworkPolicy').map((p) => p.spec.ingress[0].from[0].namespaceSelector.matchLabels['kubernetes.io/metadata.name'])).toEqual(['gateways', 'gateways']);
    expect(byKind(docs, 'Ingress')).toEqual([]);
    expect(checkManifests(docs).map((f) => `${f.rule} ${f.kind}/${f.name}: ${f.message}`)).toEqual([]);
    expect(allSchemaErrors(docs)).toEqual([]);
  });

  test('its own listener and data plane override the platform\'s; its own Gateway replaces it', () => {
    // GIVEN / WHEN
    const overridden = synth(TrafficStrategy.gatewayApi({ sectionName: 'canary', controllerNamespace: 'envoy' }));
    const own = synth(TrafficStrategy.gatewayApi({ gatewayName: 'internal' }));
    // THEN
    expect(oneOf(overridden, 'HTTPRoute').spec.parentRefs).toEqual([{ group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'public', namespace: 'gateways', sectionName: 'canary' }]);
    expect(byKind(overridden, 'NetworkPolicy')[0].spec.ingress[0].from[0].namespaceSelector.matchLabels['kubernetes.io/metadata.name']).toBe('envoy');
    expect(oneOf(own, 'HTTPRoute').spec.parentRefs).toEqual([{ group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'internal' }]);
  });

  test('more hosts and paths on the weighted route', () => {
    // GIVEN / WHEN
    const docs = synth(TrafficStrategy.gatewayApi(), { hosts: ['www.example.com'], paths: ['/api', '/static'] });
    // THEN
    const spec = oneOf(docs, 'HTTPRoute').spec;
    expect(spec.hostnames).toEqual(['shop.example.com', 'www.example.com']);
    expect(spec.rules[0].matches.map((m: any) => m.path.value)).toEqual(['/api', '/static']);
  });

  test.each([
    ['no Gateway anywhere', TrafficStrategy.gatewayApi(), {}, null,
      '[shop/storefront] strategy.gatewayName: is not set, and the platform declares no Gateway, got undefined; '
      + "pass TrafficStrategy.gatewayApi({ gatewayName: 'public', gatewayNamespace: 'gateway-system' }), or declare the Gateway with PlatformDefaults.set(app, { gateway: { name, namespace } })"],
    ['a Gateway namespace without a Gateway name', TrafficStrategy.gatewayApi({ gatewayNamespace: 'edge' }), {}, { name: 'public', namespace: 'gateways' },
      "[shop/storefront] strategy.gatewayNamespace: is the namespace of a Gateway named by gatewayName, and the platform's Gateway has its own, got 'edge'; "
      + "remove it to use the platform's Gateway, or name the Gateway with gatewayName"],
    ['Exposure.INGRESS', TrafficStrategy.gatewayApi(), { exposure: Exposure.INGRESS }, { name: 'public', namespace: 'gateways' },
      "[shop/storefront] exposure: cannot be anything but the Gateway: the Gateway API strategy routes through an HTTPRoute, got 'Exposure.INGRESS'; "
      + 'remove `exposure`, or use TrafficStrategy.ingressNginx() or replicaRatio() for an Ingress'],
    ['paths without a host', TrafficStrategy.gatewayApi(), { host: undefined, paths: ['/api'] }, { name: 'public', namespace: 'gateways' },
      '[shop/storefront] paths: only applies to an exposed service, and there is no route without `host`, got ["/api"]; set `host` or remove this prop'],
  ])('refuses %s', (_name, strategy, props, gateway, message) => {
    expect(() => synth(strategy, props as Partial<CanaryReleaseProps>, gateway)).toThrow(new Error(message));
  });
});
