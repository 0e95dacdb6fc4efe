import { Testing } from 'cdk8s';
import { Construct } from 'constructs';
import { ReplicaRatio } from '../../src/canary/replica-ratio';

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
