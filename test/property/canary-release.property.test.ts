import { App } from 'cdk8s';
import fc from 'fast-check';
import {
  annotations, config, deploymentSelectors, dnsLabel, dropUndefined, env, expectHardenedOrRefused, expectRefused, externalWiring,
  host, imagePair, mutation, Mutation, namespaced, namespaceName, notAnObject, notANumber, outOfRange, referenceName, runs, scale, synthApp,
  TIMEOUT_MS, tls,
  wire, Wiring, workloadMutation, workloadOptions,
  applyMutation,
  BUDGET,
  testValidOutput,
} from './arbitraries';
import { ApiProtocol, CanaryRelease, CanaryReleaseProps, NetworkPeer, TrafficStrategy } from '../../src';

const header = fc.record({ name: fc.stringMatching(/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,20}$/), value: fc.string({ minLength: 1, maxLength: 30 }).filter((v) => !/[\r\n]/.test(v)) });

type StrategyChoice = { kind: 'ratio' } | { kind: 'gateway'; options: any } | { kind: 'nginx'; options: any };

const strategy: fc.Arbitrary<StrategyChoice> = fc.oneof(
  fc.constant({ kind: 'ratio' as const }),
  fc.record({
    gatewayName: referenceName,
    gatewayNamespace: namespaceName,
    sectionName: referenceName,
    controllerNamespace: namespaceName,
    canaryHeader: header,
  }, { requiredKeys: ['gatewayName'] }).map((options) => ({ kind: 'gateway' as const, options })),
  fc.record({ canaryHeader: header }, { requiredKeys: [] }).map((options) => ({ kind: 'nginx' as const, options })),
);

function strategyOf(choice: StrategyChoice): TrafficStrategy {
  switch (choice.kind) {
    case 'gateway': return TrafficStrategy.gatewayApi(choice.options);
    case 'nginx': return TrafficStrategy.ingressNginx(choice.options);
    default: return TrafficStrategy.replicaRatio();
  }
}

/** Valid CanaryRelease props: tracks, weight, steps, strategy, exposure and every workload option. */
const protocols = fc.constantFrom(ApiProtocol.HTTP, ApiProtocol.H2C, ApiProtocol.GRPC);
const trackOptions = fc.record({ config, env }, { requiredKeys: [] });
const canaryProps: fc.Arbitrary<CanaryReleaseProps> = protocols.chain((protocol) => fc.record({
  name: fc.option(dnsLabel(56), { nil: undefined }),
  images: imagePair,
  stableTrack: fc.record({ config, env }, { requiredKeys: [] }),
  canary: fc.option(fc.record({ weight: fc.integer({ min: 0, max: 100 }), track: trackOptions }), { nil: undefined }),
  steps: fc.option(fc.uniqueArray(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 5 }), { nil: undefined }),
  strategy,
  scale,
  options: workloadOptions(protocol),
  host: fc.option(host, { nil: undefined }),
  exposure: fc.record(
    { ingressClassName: referenceName, ingressControllerNamespace: namespaceName, tls, ingressAnnotations: annotations },
    { requiredKeys: [] },
  ),
  explicitProtocol: fc.boolean(),
}).map((g) => {
  const [stableImage, canaryImage] = g.images;
  const weight = g.canary?.weight;
  const steps = g.steps === undefined ? undefined : [...new Set([...g.steps, ...(weight === undefined ? [] : [weight])])].sort((a, b) => a - b);
  const choice = g.strategy;
  // ingress-nginx needs a host; the Gateway API takes no Ingress options.
  const h = choice.kind === 'nginx' ? g.host ?? 'shop.example.com' : g.host;
  const ingressOptions = choice.kind === 'gateway' ? {} : dropUndefined({
    ingressControllerNamespace: g.exposure.ingressControllerNamespace,
    ...(h === undefined ? {} : {
      ingressClassName: g.exposure.ingressClassName, tls: g.exposure.tls, ingressAnnotations: g.exposure.ingressAnnotations,
    }),
  });
  return dropUndefined({
    ...g.options,
    ...g.scale,
    ...ingressOptions,
    name: g.name,
    host: h,
    steps,
    strategy: choice.kind === 'ratio' && g.explicitProtocol ? undefined : strategyOf(choice),
    protocol: g.explicitProtocol || protocol !== ApiProtocol.HTTP ? protocol : undefined,
    stable: { image: stableImage, ...g.stableTrack },
    canary: g.canary === undefined ? undefined : { image: canaryImage, weight: g.canary.weight, ...g.canary.track },
  }) as CanaryReleaseProps;
}));

/** A release inside the cluster needs clients; one behind an Ingress or a Gateway has them. */
function build(app: App, props: CanaryReleaseProps, wiring: Wiring[] = [], clients = 'clients'): CanaryRelease {
  const release = new CanaryRelease(namespaced(app), 'storefront', props);
  release.allowFrom(NetworkPeer.namespace(clients));
  wire(release, wiring);
  return release;
}

describe('CanaryRelease, generated valid props', () => {
  testValidOutput(fc.tuple(canaryProps, externalWiring), (app, [props, wiring]) => build(app, props, wiring), {
    hardened: 'the output passes every guardrail rule, the Kubernetes 1.30 and Gateway API schemas and the API server\'s own checks',
    deterministic: 'the same props synthesize byte-identical YAML in two fresh apps',
  });

  test('each track\'s Deployment selector is name, instance and track, whatever the images, weight, strategy and other props', () => {
    fc.assert(fc.property(fc.option(dnsLabel(56), { nil: undefined }), canaryProps, canaryProps, (name, a, b) => {
      const selectors = (props: CanaryReleaseProps) => {
        const app = new App();
        build(app, { ...props, name });
        return deploymentSelectors(synthApp(app));
      };
      const n = name ?? 'storefront';
      const track = (t: string) => ({ matchLabels: { 'app.kubernetes.io/name': n, 'app.kubernetes.io/instance': `${n}-${t}`, 'track': t } });
      const first = selectors(a);
      const second = selectors(b);
      expect(first[`${n}-stable`]).toEqual(track('stable'));
      expect(second[`${n}-stable`]).toEqual(track('stable'));
      for (const s of [first, second]) {
        if (s[`${n}-canary`] !== undefined) expect(s[`${n}-canary`]).toEqual(track('canary'));
      }
      expect(Object.keys(first).length).toBe(a.canary === undefined ? 1 : 2);
    }), { numRuns: BUDGET.selectors() });
  }, TIMEOUT_MS);
});

const d = (f: () => unknown) => f;
const canaryMutation: fc.Arbitrary<Mutation> = fc.oneof(
  mutation('stable', fc.oneof(notAnObject.filter((v) => typeof v !== 'object'), fc.constantFrom(undefined, null, {}, { image: 'nginx' }, { image: 'app:latest' }, { image: 5 },
    // A track's env or config with a bad entry is refused under the track's field name (defect 9).
    { image: 'ghcr.io/acme/storefront:2.0.1', config: 'x' }, { image: 'ghcr.io/acme/storefront:2.0.1', env: ['A'] },
    { image: 'ghcr.io/acme/storefront:2.0.1', env: { 'BAD NAME': 'x' } }, { image: 'ghcr.io/acme/storefront:2.0.1', config: { 'bad/key': 'x' } }))),
  mutation('canary', fc.oneof(
    notAnObject.filter((v) => typeof v !== 'object'),
    fc.constantFrom(null, {}, { weight: 10 }, { image: 'nginx', weight: 10 }, { image: 'ghcr.io/acme/storefront:9.9.9' }),
    fc.oneof(outOfRange(0, 100), notANumber).map((weight) => ({ image: 'ghcr.io/acme/storefront:9.9.9', weight })),
  )),
  mutation('strategy', fc.oneof(notAnObject, fc.constantFrom({}, { kind: 'gateway-api' }), fc.constantFrom(
    d(() => TrafficStrategy.gatewayApi(undefined as any)), d(() => TrafficStrategy.gatewayApi({} as any)), d(() => TrafficStrategy.gatewayApi({ gatewayName: '' })),
    d(() => TrafficStrategy.gatewayApi({ gatewayName: 'Bad Name' })), d(() => TrafficStrategy.gatewayApi({ gatewayName: 'g', gatewayNamespce: 'typo' } as any)),
    d(() => TrafficStrategy.gatewayApi({ gatewayName: 'g', gatewayNamespace: 'Bad' })), d(() => TrafficStrategy.gatewayApi({ gatewayName: 'g', sectionName: '' })),
    d(() => TrafficStrategy.gatewayApi({ gatewayName: 'g', canaryHeader: { name: 'bad header', value: 'x' } })),
    d(() => TrafficStrategy.gatewayApi({ gatewayName: 'g', canaryHeader: { name: 'x', value: '' } })),
    d(() => TrafficStrategy.gatewayApi({ gatewayName: 'g', canaryHeader: { name: 'x', value: 'a\nb' } })),
    d(() => TrafficStrategy.gatewayApi({ gatewayName: 'g', canaryHeader: 'x-canary' as any })),
    d(() => TrafficStrategy.gatewayApi({ gatewayName: 'g', canaryHeader: { name: 'x', value: 'v'.repeat(4097) } })),
    d(() => TrafficStrategy.ingressNginx({ canaryHeadr: {} } as any)), d(() => TrafficStrategy.ingressNginx({ canaryHeader: { name: '', value: 'x' } })),
  ).map((f) => f()))),
  mutation('steps', fc.oneof(notAnObject.filter((v) => !Array.isArray(v)), fc.constantFrom([], [5, 5], [10, 5], [101], [0.5], ['x'], [-1], [NaN], [null]))),
  mutation('protocol', fc.oneof(notAnObject, fc.constantFrom('grpc', {}))),
  mutation('name', fc.constantFrom('a'.repeat(57), 'Storefront', '')),
);

/** The workload mutations that apply to a release (it has no `image`: its tracks do). */
const releaseWorkloadMutation = workloadMutation.filter((m) => m.field !== 'image' && m.field !== 'name');

describe('CanaryRelease, generated invalid props', () => {
  test('one field out of its domain: refused with the construct path, the field, the value and the fix; no YAML written', () => {
    const anyMutation = fc.oneof({ weight: 3, arbitrary: releaseWorkloadMutation }, { weight: 2, arbitrary: canaryMutation });
    fc.assert(fc.property(canaryProps, anyMutation, (props, m) => {
      const base: any = { ...props, canary: props.canary === undefined ? undefined : { ...props.canary }, steps: undefined };
      // A strategy mutation is judged on its own: the release gets a host when an Ingress needs one.
      if (m.field === 'strategy') {
        base.host = base.host ?? 'shop.example.com';
        for (const k of ['ingressClassName', 'ingressControllerNamespace', 'tls', 'ingressAnnotations']) delete base[k];
        base.canary = { image: 'ghcr.io/acme/storefront:9.9.9', weight: 10 };
      }
      const message = expectRefused((app) => build(app, applyMutation(base, m)));
      expect(message).toContain(m.hint);
    }), { numRuns: BUDGET.invalid() });
  }, TIMEOUT_MS);

  test('a weight outside the declared steps, and a canary image equal to the stable one, are refused', () => {
    const steps = fc.uniqueArray(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 5 });
    fc.assert(fc.property(canaryProps, steps, fc.integer({ min: 0, max: 100 }),
      (props, declared, weight) => {
        fc.pre(!declared.includes(weight));
        const sorted = [...declared].sort((a, b) => a - b);
        const stable = props.stable;
        expect(expectRefused((app) => build(app, { ...props, steps: sorted, canary: { image: 'ghcr.io/acme/other:9.9.9', weight } })))
          .toContain('canary.weight: is not one of the declared steps');
        expect(expectRefused((app) => build(app, { ...props, steps: undefined, canary: { image: stable.image, weight } })))
          .toContain('canary.image: is the stable image');
      }), { numRuns: runs(0.3) });
  }, TIMEOUT_MS);

  test('any mix of valid and invalid values: the output is hardened, or the synth is refused in the library\'s format', () => {
    fc.assert(fc.property(canaryProps, externalWiring, fc.array(fc.oneof(releaseWorkloadMutation, canaryMutation), { maxLength: 3 }), namespaceName,
      (props, wiring, ms, clients) => {
        let mixed: any = { ...props };
        for (const m of ms) mixed = applyMutation(mixed, m);
        expectHardenedOrRefused((app) => build(app, mixed, wiring, clients));
      }), { numRuns: BUDGET.mixed() });
  }, TIMEOUT_MS);
});
