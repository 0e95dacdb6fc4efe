import { Testing } from 'cdk8s';
import { Construct } from 'constructs';
import { IngressNginx } from '../../src/canary/ingress-nginx';

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
