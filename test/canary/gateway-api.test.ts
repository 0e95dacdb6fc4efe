import { Testing } from 'cdk8s';
import { Construct } from 'constructs';
import { GatewayApi } from '../../src/canary/gateway-api';

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
