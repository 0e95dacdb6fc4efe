import { Chart, Testing } from 'cdk8s';
import { ApiProtocol, CanaryRelease, CanaryReleaseProps, InternalApi, IngressTls, NetworkPeer, TrafficStrategy, WebService } from '../src';
import { byKind, grantingApp, namespacedChart, oneOf } from './util/manifests';
import { allSchemaErrors } from './util/schema';
import { checkManifests } from '../src/guardrails/engine';

const STABLE = 'ghcr.io/acme/storefront:2.0.1';
const CANARY = 'ghcr.io/acme/storefront:2.1.0';

function findings(docs: any[]): string[] {
  return checkManifests(docs).map((f) => `${f.rule} ${f.kind}/${f.name}: ${f.message}`);
}

function synth(props: Partial<CanaryReleaseProps> = {}): any[] {
  const chart = namespacedChart();
  new CanaryRelease(chart, 'storefront', { stable: { image: STABLE }, canary: { image: CANARY, weight: 10 }, host: 'shop.example.com', ...props });
  return Testing.synth(chart);
}

function deployment(docs: any[], track: string): any {
  return byKind(docs, 'Deployment').find((d) => d.metadata.name === `storefront-${track}`);
}

const STRATEGIES: Array<[string, () => TrafficStrategy]> = [
  ['replica ratio', () => TrafficStrategy.replicaRatio()],
  ['Gateway API', () => TrafficStrategy.gatewayApi({ gatewayName: 'public', gatewayNamespace: 'gateways' })],
  ['ingress-nginx', () => TrafficStrategy.ingressNginx()],
];

describe('CanaryRelease with the default strategy (replica ratio)', () => {
  // GIVEN / WHEN
  const docs = synth();

  test('emits two tracks with fixed names, a Service per track and one for both, and an Ingress', () => {
    // THEN
    expect(docs).toMatchSnapshot();
    expect(docs.map((d) => `${d.kind}/${d.metadata.name}`)).toEqual([
      'ServiceAccount/storefront-stable', 'Deployment/storefront-stable', 'Service/storefront-stable', 'PodDisruptionBudget/storefront-stable', 'NetworkPolicy/storefront-stable',
      'ServiceAccount/storefront-canary', 'Deployment/storefront-canary', 'Service/storefront-canary', 'PodDisruptionBudget/storefront-canary', 'NetworkPolicy/storefront-canary',
      'Service/storefront', 'Ingress/storefront',
    ]);
  });

  test('selects each track by name, instance and track from the first synth; the release Service selects both', () => {
    expect(deployment(docs, 'stable').spec.selector.matchLabels).toEqual({
      'app.kubernetes.io/name': 'storefront', 'app.kubernetes.io/instance': 'storefront-stable', 'track': 'stable',
    });
    expect(deployment(docs, 'canary').spec.selector.matchLabels).toEqual({
      'app.kubernetes.io/name': 'storefront', 'app.kubernetes.io/instance': 'storefront-canary', 'track': 'canary',
    });
    const release = byKind(docs, 'Service').find((s) => s.metadata.name === 'storefront');
    expect(release.spec.selector).toEqual({ 'app.kubernetes.io/name': 'storefront' });
    expect(release.metadata.labels['app.kubernetes.io/instance']).toBe('storefront');
    expect(oneOf(docs, 'Ingress').spec.rules[0].http.paths[0].backend.service.name).toBe('storefront');
  });

  test('labels each track with its own version, and budgets each track separately (no overlap)', () => {
    expect(deployment(docs, 'stable').metadata.labels['app.kubernetes.io/version']).toBe('2.0.1');
    expect(deployment(docs, 'canary').metadata.labels['app.kubernetes.io/version']).toBe('2.1.0');
    expect(byKind(docs, 'PodDisruptionBudget').map((p) => p.spec.selector.matchLabels.track)).toEqual(['stable', 'canary']);
    expect(byKind(docs, 'NetworkPolicy').map((p) => p.spec.podSelector.matchLabels)).toEqual([
      { 'app.kubernetes.io/instance': 'storefront-stable' }, { 'app.kubernetes.io/instance': 'storefront-canary' },
    ]);
  });

  test('runs the canary as a single acknowledged pod, and passes every rule and the schema', () => {
    expect([deployment(docs, 'stable').spec.replicas, deployment(docs, 'canary').spec.replicas]).toEqual([2, 1]);
    expect(deployment(docs, 'canary').metadata.annotations).toEqual({ 'ack.cdk8s-golden.io/replicas': 'a canary release track runs as many pods as its share of traffic needs' });
    expect(findings(docs)).toEqual([]);
    expect(allSchemaErrors(docs)).toEqual([]);
  });
});

describe.each(STRATEGIES)('%s', (_name, strategy) => {
  test.each([0, 10, 50, 100])('at weight %p passes every rule and the 1.30 and Gateway API schemas', (weight) => {
    // GIVEN / WHEN
    const docs = synth({ strategy: strategy(), canary: { image: CANARY, weight }, replicas: 4 });
    // THEN
    expect(findings(docs)).toEqual([]);
    expect(allSchemaErrors(docs)).toEqual([]);
  });

  test('never changes a Deployment selector, whatever the images, weight or promotion', () => {
    const selectors = (props: Partial<CanaryReleaseProps>) => byKind(synth({ strategy: strategy(), ...props }), 'Deployment')
      .map((d): [string, string] => [d.metadata.name, JSON.stringify(d.spec.selector)]);
    const first = new Map(selectors({ canary: { image: CANARY, weight: 10 } }));
    for (const props of [
      { canary: { image: CANARY, weight: 50 } },
      { canary: { image: 'ghcr.io/acme/storefront:3.0.0', weight: 0 } },
      { stable: { image: CANARY }, canary: undefined },
      { stable: { image: CANARY }, canary: { image: 'ghcr.io/acme/storefront@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef', weight: 5 } },
    ] as Array<Partial<CanaryReleaseProps>>) {
      for (const [name, selector] of selectors(props)) {
        expect(selector).toEqual(first.get(name));
      }
    }
  });
});

describe('replica ratio', () => {
  test.each([
    [0, 4, 0], [10, 3, 1], [25, 3, 1], [50, 2, 2], [90, 1, 3], [100, 1, 3],
  ])('at weight %p of 4 pods runs %p stable and %p canary pods', (weight, stable, canary) => {
    const docs = synth({ canary: { image: CANARY, weight }, replicas: 4 });
    expect([deployment(docs, 'stable').spec.replicas, deployment(docs, 'canary').spec.replicas]).toEqual([stable, canary]);
  });

  test('with autoscaling, an autoscaler per track over its share, and no replicas under them', () => {
    const docs = synth({ canary: { image: CANARY, weight: 20 }, autoscaling: { minReplicas: 5, maxReplicas: 20 } });
    expect(byKind(docs, 'HorizontalPodAutoscaler').map((h) => [h.metadata.name, h.spec.minReplicas, h.spec.maxReplicas, h.spec.scaleTargetRef.name])).toEqual([
      ['storefront-stable', 4, 16, 'storefront-stable'],
      ['storefront-canary', 1, 4, 'storefront-canary'],
    ]);
    expect(byKind(docs, 'Deployment').map((d) => d.spec.replicas)).toEqual([undefined, undefined]);
    expect(findings(docs)).toEqual([]);
  });
});

describe('the release Service and the tracks over the weights', () => {
  const ROUTERS: Array<[string, () => TrafficStrategy]> = [
    ['Gateway API', () => TrafficStrategy.gatewayApi({ gatewayName: 'public', gatewayNamespace: 'gateways' })],
    ['Gateway API with a header', () => TrafficStrategy.gatewayApi({ gatewayName: 'public', gatewayNamespace: 'gateways', canaryHeader: { name: 'x-canary', value: 'always' } })],
    ['ingress-nginx', () => TrafficStrategy.ingressNginx()],
    ['ingress-nginx with a header', () => TrafficStrategy.ingressNginx({ canaryHeader: { name: 'x-canary', value: 'always' } })],
  ];
  const release = (docs: any[]) => byKind(docs, 'Service').find((s) => s.metadata.name === 'storefront');
  const both = { 'app.kubernetes.io/name': 'storefront' };

  test.each(ROUTERS)('%s: in-cluster callers get the stable track at 0, both tracks in between, the canary at 100', (_name, strategy) => {
    // GIVEN / WHEN
    const selector = (weight: number | undefined) =>
      release(synth({ strategy: strategy(), canary: weight === undefined ? undefined : { image: CANARY, weight } })).spec.selector;
    // THEN
    expect(selector(0)).toEqual({ ...both, track: 'stable' });
    expect(selector(1)).toEqual(both);
    expect(selector(99)).toEqual(both);
    expect(selector(100)).toEqual({ ...both, track: 'canary' });
    expect(selector(undefined)).toEqual(both);
  });

  test.each([0, 50, 100])('replica ratio at weight %p: the release Service selects both tracks (their pods are the split)', (weight) => {
    // GIVEN / WHEN
    const docs = synth({ canary: { image: CANARY, weight } });
    // THEN
    expect(release(docs).spec.selector).toEqual(both);
  });

  test.each(ROUTERS)('%s: the stable track keeps its 4 pods at every weight, and the canary runs at least one', (_name, strategy) => {
    // GIVEN / WHEN
    const pods = (weight: number) => byKind(synth({ strategy: strategy(), canary: { image: CANARY, weight }, replicas: 4 }), 'Deployment').map((d) => d.spec.replicas);
    // THEN
    expect([0, 5, 50, 100].map(pods)).toEqual([[4, 1], [4, 1], [4, 2], [4, 4]]);
  });

  test.each(ROUTERS)('%s, autoscaled: the stable track keeps the whole range at every weight, and the canary a minimum of one', (_name, strategy) => {
    // GIVEN / WHEN
    const autoscaling = { minReplicas: 4, maxReplicas: 12 };
    const ranges = (weight: number) => byKind(synth({ strategy: strategy(), canary: { image: CANARY, weight }, autoscaling }), 'HorizontalPodAutoscaler')
      .map((h) => [h.metadata.name, h.spec.minReplicas, h.spec.maxReplicas]);
    // THEN
    expect(ranges(0)).toEqual([['storefront-stable', 4, 12], ['storefront-canary', 1, 2]]);
    expect(ranges(100)).toEqual([['storefront-stable', 4, 12], ['storefront-canary', 4, 12]]);
  });

  test('replica ratio, autoscaled, at weight 100: the stable track keeps an autoscaler with a minimum of one', () => {
    // GIVEN / WHEN
    const docs = synth({ canary: { image: CANARY, weight: 100 }, autoscaling: { minReplicas: 4, maxReplicas: 12 } });
    // THEN
    expect(byKind(docs, 'HorizontalPodAutoscaler').map((h) => [h.metadata.name, h.spec.minReplicas, h.spec.maxReplicas])).toEqual([
      ['storefront-stable', 1, 2], ['storefront-canary', 3, 10],
    ]);
  });
});

describe('Gateway API', () => {
  test('an HTTPRoute with weighted backends, every defaulted field written out, and a header that always routes to the canary', () => {
    // GIVEN / WHEN
    const docs = synth({
      strategy: TrafficStrategy.gatewayApi({ gatewayName: 'public', gatewayNamespace: 'gateways', sectionName: 'https', canaryHeader: { name: 'x-canary', value: 'always' } }),
      canary: { image: CANARY, weight: 10 },
    });
    // THEN
    const route = oneOf(docs, 'HTTPRoute');
    expect(route).toMatchSnapshot();
    expect(route.apiVersion).toBe('gateway.networking.k8s.io/v1');
    expect(route.spec).toEqual({
      parentRefs: [{ group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'public', namespace: 'gateways', sectionName: 'https' }],
      hostnames: ['shop.example.com'],
      rules: [
        {
          matches: [{ path: { type: 'PathPrefix', value: '/' }, headers: [{ type: 'Exact', name: 'x-canary', value: 'always' }] }],
          backendRefs: [{ group: '', kind: 'Service', name: 'storefront-canary', port: 80, weight: 1 }],
        },
        {
          matches: [{ path: { type: 'PathPrefix', value: '/' } }],
          backendRefs: [
            { group: '', kind: 'Service', name: 'storefront-stable', port: 80, weight: 90 },
            { group: '', kind: 'Service', name: 'storefront-canary', port: 80, weight: 10 },
          ],
        },
      ],
    });
    expect(byKind(docs, 'Ingress')).toEqual([]);
    expect(byKind(docs, 'NetworkPolicy')[0].spec.ingress[0].from).toEqual([{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'gateways' } } }]);
    expect(allSchemaErrors(docs)).toEqual([]);
  });

  test('without a canary, the route sends everything to the stable track', () => {
    const route = oneOf(synth({ strategy: TrafficStrategy.gatewayApi({ gatewayName: 'public' }), canary: undefined }), 'HTTPRoute');
    expect(route.spec.rules).toEqual([{ matches: [{ path: { type: 'PathPrefix', value: '/' } }], backendRefs: [{ group: '', kind: 'Service', name: 'storefront-stable', port: 80, weight: 1 }] }]);
  });
});

describe('ingress-nginx', () => {
  test('the main Ingress routes to stable, a canary Ingress carries the weight and header as strings', () => {
    const docs = synth({ strategy: TrafficStrategy.ingressNginx({ canaryHeader: { name: 'x-canary', value: 'always' } }), canary: { image: CANARY, weight: 25 } });
    const [main, canary] = byKind(docs, 'Ingress');
    expect(main.spec.rules[0].http.paths[0].backend.service.name).toBe('storefront-stable');
    expect(main.metadata.annotations).toEqual({ 'cert-manager.io/cluster-issuer': 'letsencrypt' });
    expect(canary.metadata.name).toBe('storefront-canary');
    expect(canary.metadata.annotations).toEqual({
      'nginx.ingress.kubernetes.io/canary': 'true',
      'nginx.ingress.kubernetes.io/canary-weight': '25',
      'nginx.ingress.kubernetes.io/canary-by-header': 'x-canary',
      'nginx.ingress.kubernetes.io/canary-by-header-value': 'always',
    });
    expect(canary.spec.rules[0].http.paths[0].backend.service.name).toBe('storefront-canary');
    expect(canary.spec.tls).toEqual(main.spec.tls);
  });

  test('refuses a second canary for the same host and path', () => {
    const chart = namespacedChart();
    const strategy = TrafficStrategy.ingressNginx();
    new CanaryRelease(chart, 'storefront', { stable: { image: STABLE }, canary: { image: CANARY, weight: 10 }, host: 'shop.example.com', strategy });
    new CanaryRelease(chart, 'storefront-b', { stable: { image: STABLE }, canary: { image: CANARY, weight: 10 }, host: 'shop.example.com', strategy, tls: IngressTls.existingSecret('b-tls') });
    expect(() => Testing.synth(chart)).toThrow(
      "[shop/storefront] strategy: ingress-nginx applies one canary per host and path, and shop/storefront-b/CanaryIngress is one for shop.example.com/ too, got 'shop.example.com'; run one canary at a time per host, or use TrafficStrategy.gatewayApi");
  });
});

describe('CanaryRelease as a workload among others', () => {
  test('allowFrom(release) on another workload allows both tracks, and the release gets the egress on both', () => {
    // GIVEN
    const chart = namespacedChart();
    const release = new CanaryRelease(chart, 'storefront', { stable: { image: STABLE }, canary: { image: CANARY, weight: 10 }, host: 'shop.example.com' });
    const orders = new InternalApi(chart, 'orders', { image: 'ghcr.io/acme/orders:1.4.2' });
    // WHEN
    orders.allowFrom(release);
    const docs = Testing.synth(chart);
    // THEN
    const policy = (name: string) => byKind(docs, 'NetworkPolicy').find((p) => p.metadata.name === name).spec;
    expect(policy('orders').ingress[0].from).toEqual([{ podSelector: { matchLabels: { 'app.kubernetes.io/name': 'storefront' } } }]);
    expect(policy('storefront-stable').egress[1].to).toEqual([{ podSelector: { matchLabels: { 'app.kubernetes.io/instance': 'orders' } } }]);
    expect(policy('storefront-canary').egress[1].to).toEqual([{ podSelector: { matchLabels: { 'app.kubernetes.io/instance': 'orders' } } }]);
    expect(findings(docs)).toEqual([]);
  });

  test('without host or gateway it is an internal API with two tracks, reachable only from its peers', () => {
    const chart = namespacedChart();
    const release = new CanaryRelease(chart, 'orders', { stable: { image: 'ghcr.io/acme/orders:1.4.2' }, canary: { image: 'ghcr.io/acme/orders:1.5.0', weight: 50 } });
    const web = new WebService(chart, 'storefront', { image: STABLE });
    web.allowTo(release);
    const docs = Testing.synth(chart);
    expect(byKind(docs, 'Ingress').map((i) => i.metadata.name)).toEqual([]);
    const orders = byKind(docs, 'Deployment').filter((d) => d.metadata.name.startsWith('orders-'));
    expect(orders.map((d) => d.metadata.labels['app.kubernetes.io/component'])).toEqual(['api', 'api']);
    expect(byKind(docs, 'NetworkPolicy').find((p) => p.metadata.name === 'orders-canary').spec.ingress[0].from)
      .toEqual([{ podSelector: { matchLabels: { 'app.kubernetes.io/instance': 'storefront' } } }]);
    expect(findings(docs)).toEqual([]);
  });

  test('config is per track and content-hashed, so a config change is canaried', () => {
    const docs = synth({ config: { 'app.yaml': 'a: 1' }, canary: { image: CANARY, weight: 10, config: { 'app.yaml': 'a: 2' } } });
    const maps = byKind(docs, 'ConfigMap').map((c) => c.metadata.name);
    expect(maps).toHaveLength(2);
    expect(maps[0]).toMatch(/^storefront-stable-config-[0-9a-f]{10}$/);
    expect(maps[1]).toMatch(/^storefront-canary-config-[0-9a-f]{10}$/);
    expect(deployment(docs, 'canary').spec.template.spec.volumes).toContainEqual({ name: 'config', configMap: { name: maps[1] } });
  });

  test('a raw TCP release splits connections by pods: TCP probes, no appProtocol on any Service', () => {
    // GIVEN / WHEN
    const chart = namespacedChart();
    const release = new CanaryRelease(chart, 'cache', {
      stable: { image: 'ghcr.io/acme/cache:7.2.0' }, canary: { image: 'ghcr.io/acme/cache:7.4.0', weight: 10 }, protocol: ApiProtocol.TCP, port: 6379,
    });
    release.allowFrom(NetworkPeer.namespace('monitoring'));
    const docs = Testing.synth(chart);
    // THEN
    expect(byKind(docs, 'Service').map((s) => [s.metadata.name, s.spec.ports])).toEqual(['cache-stable', 'cache-canary', 'cache'].map((name) => [
      name, [{ name: 'tcp', port: 80, targetPort: 'tcp', protocol: 'TCP' }],
    ]));
    expect(byKind(docs, 'Deployment').map((d) => d.spec.template.spec.containers[0].readinessProbe.tcpSocket)).toEqual([{ port: 'tcp' }, { port: 'tcp' }]);
    expect(findings(docs)).toEqual([]);
  });

  test('grants go to both tracks', () => {
    const chart = namespacedChart('shop', grantingApp());
    const release = new CanaryRelease(chart, 'storefront', { stable: { image: STABLE }, canary: { image: CANARY, weight: 10 }, host: 'shop.example.com' });
    release.grantReadConfigMap('flags');
    expect(byKind(Testing.synth(chart), 'Role').map((r) => r.metadata.name)).toEqual(['storefront-stable', 'storefront-canary']);
  });

  test('a declared list of steps is checked', () => {
    expect(() => synth({ steps: [0, 5, 25, 50, 100], canary: { image: CANARY, weight: 25 } })).not.toThrow();
    expect(() => synth({ steps: [0, 5, 25, 50, 100], canary: { image: CANARY, weight: 30 } })).toThrow(
      '[shop/storefront] canary.weight: is not one of the declared steps (0, 5, 25, 50, 100), got 30; move to the next declared step, or declare this weight in `steps`');
  });
});

describe('CanaryRelease refuses bad input', () => {
  const refused: Array<[string, Partial<CanaryReleaseProps>, string]> = [
    ['a weight above 100', { canary: { image: CANARY, weight: 101 } },
      '[shop/storefront] canary.weight: must be a whole number from 0 to 100, got 101; use a whole percent from 0 (abort) to 100 (all traffic on the canary)'],
    ['a fractional weight', { canary: { image: CANARY, weight: 12.5 } },
      '[shop/storefront] canary.weight: must be a whole number from 0 to 100, got 12.5; use a whole percent from 0 (abort) to 100 (all traffic on the canary)'],
    ['a canary image equal to stable', { canary: { image: STABLE, weight: 10 } },
      "[shop/storefront] canary.image: is the stable image: there is nothing to canary, got 'ghcr.io/acme/storefront:2.0.1'; set the new image on the canary, or, to promote, set it as stable.image and remove canary"],
    ['a :latest canary', { canary: { image: 'ghcr.io/acme/storefront:latest', weight: 10 } },
      "[shop/storefront] canary.image: the image must be pinned to a tag or digest, got 'ghcr.io/acme/storefront:latest'; use an immutable tag such as 'ghcr.io/acme/storefront:1.27.3' or a digest 'ghcr.io/acme/storefront@sha256:…'"],
    ['an untagged stable image', { stable: { image: 'ghcr.io/acme/storefront' } },
      "[shop/storefront] stable.image: the image must be pinned to a tag or digest, got 'ghcr.io/acme/storefront'; use an immutable tag such as 'ghcr.io/acme/storefront:1.27.3' or a digest 'ghcr.io/acme/storefront@sha256:…'"],
    ['an unknown strategy option', { strategy: TrafficStrategy.gatewayApi({ gatewayName: 'public', weightStep: 5 } as any) },
      "[shop/storefront] strategy.weightStep: is not an option of this strategy, got 'weightStep'; use one of gatewayName, gatewayNamespace, sectionName, controllerNamespace, canaryHeader"],
    ['ingress-nginx without a host', { strategy: TrafficStrategy.ingressNginx(), host: undefined },
      "[shop/storefront] strategy: ingress-nginx canaries split the traffic of an Ingress, and there is none without `host`, got 'ingress-nginx'; set `host`, or use TrafficStrategy.replicaRatio() for traffic inside the cluster"],
    ['an Ingress option with the Gateway API', { strategy: TrafficStrategy.gatewayApi({ gatewayName: 'public' }), ingressClassName: 'nginx' },
      "[shop/storefront] ingressClassName: applies to an Ingress, and the Gateway API strategy routes through an HTTPRoute instead, got 'nginx'; remove it: the Gateway owns TLS and its data plane (set strategy controllerNamespace for the NetworkPolicies)"],
    ['a header that is no header name', { strategy: TrafficStrategy.ingressNginx({ canaryHeader: { name: 'x canary', value: 'y' } }) },
      "[shop/storefront] strategy.canaryHeader.name: must be an HTTP header name, got 'x canary'; use a header such as 'x-canary'"],
    ['steps out of order', { steps: [0, 50, 25] },
      '[shop/storefront] steps[2]: must be above the step before it (50), got 25; list the weights in ascending order, each once'],
    ['a strategy that is no TrafficStrategy', { strategy: 'replica-ratio' as any },
      "[shop/storefront] strategy: must be a TrafficStrategy, got 'replica-ratio'; use TrafficStrategy.replicaRatio(), gatewayApi({...}) or ingressNginx()"],
    ['a protocol that is no ApiProtocol', { protocol: 'tcp' as any },
      "[shop/storefront] protocol: must be an ApiProtocol, got 'tcp'; use ApiProtocol.HTTP, ApiProtocol.H2C, ApiProtocol.GRPC or ApiProtocol.TCP"],
    ['raw TCP with a host', { protocol: ApiProtocol.TCP },
      "[shop/storefront] protocol: raw TCP cannot be routed by HTTP host, path or weight (an Ingress or HTTPRoute), got 'shop.example.com'; leave out `host` and use TrafficStrategy.replicaRatio(), which splits TCP connections by the tracks' pods"],
    ['raw TCP with the Gateway API', { protocol: ApiProtocol.TCP, host: undefined, strategy: TrafficStrategy.gatewayApi({ gatewayName: 'public' }) },
      "[shop/storefront] protocol: raw TCP cannot be routed by HTTP host, path or weight (an Ingress or HTTPRoute), got 'gateway-api'; leave out `host` and use TrafficStrategy.replicaRatio(), which splits TCP connections by the tracks' pods"],
    ['one replica in all', { replicas: 1 },
      '[shop/storefront] replicas: must be a whole number from 2 to 10000, got 1; use a whole number of at least 2, so that both tracks can run at once (or use autoscaling)'],
  ];

  test.each(refused)('%s', (_name, props, message) => {
    expect(() => synth(props)).toThrow(message);
  });

  test('a name that leaves no room for the track suffix', () => {
    const chart = namespacedChart();
    expect(() => new CanaryRelease(chart, 'x', { name: 'a'.repeat(57), stable: { image: STABLE } })).toThrow(
      `[shop/x] name: must be at most 56 characters (it is 57), got '${'a'.repeat(57)}'; use at most 56 lower-case letters, digits and '-', starting with a letter and ending with a letter or digit (set the \`name\` prop to choose another name than the construct id)`);
  });

  test('a Gateway API strategy with no namespace to allow traffic from', () => {
    const chart = new Chart(Testing.app(), 'nowhere');
    expect(() => new CanaryRelease(chart, 'storefront', { stable: { image: STABLE }, strategy: TrafficStrategy.gatewayApi({ gatewayName: 'public' }) })).toThrow(
      "[nowhere/storefront] strategy.controllerNamespace: cannot tell where the gateway's pods run: neither it, the Gateway's namespace nor the chart's namespace is set, got undefined; set controllerNamespace or gatewayNamespace, or a namespace on the chart");
  });
});
