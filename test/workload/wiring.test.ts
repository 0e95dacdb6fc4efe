import { App, Chart, Testing } from 'cdk8s';
import { Construct } from 'constructs';
import { CanaryRelease } from '../../src/canary-release';
import { NetworkPort } from '../../src/conventions/network-port';
import { InternalApi } from '../../src/internal-api';
import { INetworkPeer, NetworkPeer } from '../../src/network/network-peer';
import { ApiResource } from '../../src/rbac/api-resource';
import { WebService } from '../../src/web-service';
import { Wiring } from '../../src/workload/wiring';
import { byKind, grantingApp, namespacedChart } from '../util/manifests';

const WEB_IMAGE = 'ghcr.io/acme/storefront:2.0.1';
const API_IMAGE = 'ghcr.io/acme/orders:1.4.2';
const RELEASE_STABLE = 'ghcr.io/acme/checkout:3.0.0';
const RELEASE_CANARY = 'ghcr.io/acme/checkout:3.1.0';
const NOT_A_PEER_FIX = 'pass a WebService, an InternalApi, a CanaryRelease, NetworkPeer.pods(labels), NetworkPeer.namespace(name) or NetworkPeer.ipBlock(cidr, ports)';
const NAME = 'app.kubernetes.io/name';
const INSTANCE = 'app.kubernetes.io/instance';
const NAMESPACE = 'kubernetes.io/metadata.name';

type Golden = WebService | InternalApi | CanaryRelease;

function release(chart: Chart = namespacedChart(), canary = true): CanaryRelease {
  return monitored(new CanaryRelease(chart, 'checkout', { stable: { image: RELEASE_STABLE }, canary: canary ? { image: RELEASE_CANARY, weight: 10 } : undefined }));
}

/** The golden constructs, each with the names of its NetworkPolicies and how peers select its pods. */
const KINDS: Array<[string, (chart: Chart) => Golden, string[], Record<string, string>, number]> = [
  ['WebService', (chart) => new WebService(chart, 'storefront', { image: WEB_IMAGE, host: 'shop.example.com' }), ['storefront'], { [INSTANCE]: 'storefront' }, 8080],
  ['InternalApi', (chart) => monitored(new InternalApi(chart, 'orders', { image: API_IMAGE, port: 9000 })), ['orders'], { [INSTANCE]: 'orders' }, 9000],
  ['CanaryRelease', (chart) => monitored(new CanaryRelease(chart, 'checkout', { stable: { image: RELEASE_STABLE }, canary: { image: RELEASE_CANARY, weight: 10 }, port: 7000 })),
    ['checkout-stable', 'checkout-canary'], { [NAME]: 'checkout' }, 7000],
];

/** Something may reach every workload (a workload nothing may reach is refused at synth). */
function monitored<T extends Golden>(golden: T): T {
  golden.allowFrom(NetworkPeer.namespace('monitoring'));
  return golden;
}

function policy(docs: any[], name: string): any {
  const found = byKind(docs, 'NetworkPolicy').find((p) => p.metadata.name === name);
  if (found === undefined) {
    throw new Error(`no NetworkPolicy ${name}`);
  }
  return found.spec;
}

/** The policy peer of `labels` in `namespace`, seen from a policy in `from`. */
function peerOf(labels: Record<string, string>, namespace: string | undefined, from: string | undefined): object {
  return namespace === from ? { podSelector: { matchLabels: labels } }
    : { namespaceSelector: { matchLabels: { [NAMESPACE]: namespace } }, podSelector: { matchLabels: labels } };
}

function synthAll(...charts: Chart[]): any[] {
  return charts.flatMap((c) => Testing.synth(c));
}

describe('Wiring.of', () => {
  test.each([
    ['undefined', undefined], ['null', null], ['a number', 42], ['a string', 'storefront'], ['a function', () => 1],
    ['a plain object', {}], ['a NetworkPeer', NetworkPeer.namespace('monitoring')],
  ])('is undefined for %s', (_name, peer) => {
    // GIVEN / WHEN / THEN
    expect(Wiring.of(peer)).toBeUndefined();
  });

  test('is undefined for a construct that is no golden construct', () => {
    // GIVEN
    const construct = new Construct(namespacedChart(), 'plain');
    // WHEN / THEN
    expect(Wiring.of(construct)).toBeUndefined();
  });

  test.each(KINDS)('is one wiring per %s, the same at every call', (_kind, make) => {
    // GIVEN
    const chart = namespacedChart();
    const golden = make(chart);
    // WHEN
    const wiring = Wiring.of(golden);
    // THEN
    expect(wiring).toBeInstanceOf(Wiring);
    expect(Wiring.of(golden)).toBe(wiring);
    expect(Wiring.of(new WebService(chart, 'other', { image: WEB_IMAGE }))).not.toBe(wiring);
  });
});

describe('allowFrom and allowTo between golden constructs', () => {
  const cases: Array<[string, string, string, boolean]> = [];
  for (const [from] of KINDS) {
    for (const [to] of KINDS) {
      if (from !== to) {
        for (const direction of ['to.allowFrom(from)', 'from.allowTo(to)']) {
          cases.push([from, to, direction, false], [from, to, direction, true]);
        }
      }
    }
  }

  test.each(cases)('%s to %s by %s (across namespaces: %p): ingress on every track of the target, egress on every track of the source', (fromKind, toKind, direction, across) => {
    // GIVEN
    const [, makeFrom, fromPolicies, fromLabels] = KINDS.find(([k]) => k === fromKind)!;
    const [, makeTo, toPolicies, toLabels, toPort] = KINDS.find(([k]) => k === toKind)!;
    const app = Testing.app();
    const fromChart = namespacedChart('shop', app);
    const toChart = across ? namespacedChart('backend', app) : fromChart;
    const source = makeFrom(fromChart);
    const target = makeTo(toChart);
    // WHEN
    if (direction === 'to.allowFrom(from)') {
      target.allowFrom(source);
    } else {
      source.allowTo(target);
    }
    const docs = across ? synthAll(fromChart, toChart) : synthAll(fromChart);
    // THEN
    for (const name of toPolicies) {
      expect(policy(docs, name).ingress).toContainEqual({ from: [peerOf(fromLabels, 'shop', toChart.namespace)], ports: [{ port: 'http', protocol: 'TCP' }] });
    }
    for (const name of fromPolicies) {
      expect(policy(docs, name).egress).toContainEqual({ to: [peerOf(toLabels, toChart.namespace, 'shop')], ports: [{ port: toPort, protocol: 'TCP' }] });
    }
  });

  test.each(KINDS.flatMap(([from]) => KINDS.filter(([to]) => to !== from).map(([to]) => [from, to])))('%s to %s: allowFrom and allowTo make the same manifests', (fromKind, toKind) => {
    // GIVEN
    const build = (wire: (from: Golden, to: Golden) => void) => {
      const chart = namespacedChart();
      const from = KINDS.find(([k]) => k === fromKind)![1](chart);
      const to = KINDS.find(([k]) => k === toKind)![1](chart);
      wire(from, to);
      return Testing.synth(chart);
    };
    // WHEN
    const byAllowFrom = build((from, to) => to.allowFrom(from));
    const byAllowTo = build((from, to) => from.allowTo(to));
    // THEN
    expect(byAllowTo).toEqual(byAllowFrom);
  });

  test('charts without namespace are taken to share one: plain pod selectors', () => {
    // GIVEN
    const app = Testing.app();
    const web = new WebService(new Chart(app, 'front'), 'storefront', { image: WEB_IMAGE });
    const checkout = new CanaryRelease(new Chart(app, 'back'), 'checkout', { stable: { image: RELEASE_STABLE }, canary: { image: RELEASE_CANARY, weight: 50 } });
    // WHEN
    web.allowTo(checkout);
    // THEN
    const docs = synthAll(...app.charts);
    expect(policy(docs, 'checkout-canary').ingress).toContainEqual({ from: [{ podSelector: { matchLabels: { [INSTANCE]: 'storefront' } } }], ports: [{ port: 'http', protocol: 'TCP' }] });
    expect(policy(docs, 'storefront').egress).toContainEqual({ to: [{ podSelector: { matchLabels: { [NAME]: 'checkout' } } }], ports: [{ port: 8080, protocol: 'TCP' }] });
  });

  test('a release without a canary wires its stable track alone', () => {
    // GIVEN
    const chart = namespacedChart();
    const checkout = release(chart, false);
    const orders = new InternalApi(chart, 'orders', { image: API_IMAGE });
    // WHEN
    checkout.allowTo(orders);
    // THEN
    const docs = Testing.synth(chart);
    expect(byKind(docs, 'NetworkPolicy').map((p) => p.metadata.name)).toEqual(['checkout-stable', 'orders']);
    expect(policy(docs, 'checkout-stable').egress).toContainEqual({ to: [{ podSelector: { matchLabels: { [INSTANCE]: 'orders' } } }], ports: [{ port: 8080, protocol: 'TCP' }] });
  });

  test.each(KINDS)('a %s may allow itself: its pods reach each other', (_kind, make, policies, labels, port) => {
    // GIVEN
    const chart = namespacedChart();
    const golden = make(chart);
    // WHEN
    golden.allowFrom(golden);
    // THEN
    const docs = Testing.synth(chart);
    for (const name of policies) {
      expect(policy(docs, name).ingress).toContainEqual({ from: [{ podSelector: { matchLabels: labels } }], ports: [{ port: 'http', protocol: 'TCP' }] });
      expect(policy(docs, name).egress).toContainEqual({ to: [{ podSelector: { matchLabels: labels } }], ports: [{ port, protocol: 'TCP' }] });
    }
  });

  const mismatched: Array<[string, (front: WebService, back: Golden) => void, string]> = [
    ['allowTo from the chart without namespace', (front, back) => front.allowTo(back),
      "[nowhere/storefront] allowTo[0]: cannot tell whether CanaryRelease shop/checkout shares this workload's namespace: one chart has a namespace, the other none, got 'shop'; set `namespace` on both charts"],
    ['allowFrom on the chart with a namespace', (front, back) => back.allowFrom(front),
      "[shop/checkout] allowFrom[0]: cannot tell whether WebService nowhere/storefront shares this workload's namespace: one chart has a namespace, the other none, got 'no namespace'; set `namespace` on both charts"],
    ['allowTo from the chart with a namespace, as the second peer', (front, back) => back.allowTo(NetworkPeer.ipBlock('203.0.113.0/24', [NetworkPort.tcp(443)]), front),
      "[shop/checkout] allowTo[1]: cannot tell whether WebService nowhere/storefront shares this workload's namespace: one chart has a namespace, the other none, got 'no namespace'; set `namespace` on both charts"],
  ];

  test.each(mismatched)('refuses golden peers of which one chart has a namespace: %s', (_name, wire, message) => {
    // GIVEN
    const app: App = Testing.app();
    const front = new WebService(new Chart(app, 'nowhere'), 'storefront', { image: WEB_IMAGE });
    const back = new CanaryRelease(namespacedChart('shop', app), 'checkout', { stable: { image: RELEASE_STABLE }, canary: { image: RELEASE_CANARY, weight: 10 } });
    // WHEN / THEN
    expect(() => wire(front, back)).toThrow(new Error(message));
  });
});

describe('idempotence', () => {
  test('the same golden peer in any direction, any number of times, adds one rule to each track', () => {
    // GIVEN
    const chart = namespacedChart();
    const web = new WebService(chart, 'storefront', { image: WEB_IMAGE });
    const checkout = release(chart);
    const before = Testing.synth(chart);
    // WHEN
    checkout.allowFrom(web, web);
    checkout.allowFrom(web);
    web.allowTo(checkout);
    web.allowTo(checkout, checkout);
    // THEN
    const docs = Testing.synth(chart);
    for (const name of ['checkout-stable', 'checkout-canary']) {
      expect(policy(docs, name).ingress).toHaveLength(policy(before, name).ingress.length + 1);
    }
    expect(policy(docs, 'storefront').egress).toHaveLength(policy(before, 'storefront').egress.length + 1);
  });

  test('the same label, namespace and IP block peers twice add one rule each', () => {
    // GIVEN
    const chart = namespacedChart();
    const web = new WebService(chart, 'storefront', { image: WEB_IMAGE });
    monitored(new InternalApi(chart, 'worker', { image: API_IMAGE, labels: { role: 'worker' } }));
    const before = policy(Testing.synth(chart), 'storefront');
    const peers = () => [NetworkPeer.pods({ role: 'worker' }), NetworkPeer.namespace('monitoring')];
    const targets = () => [NetworkPeer.ipBlock('203.0.113.0/24', [NetworkPort.tcp(443)]), NetworkPeer.namespace('cache', [NetworkPort.tcp(6379)])];
    // WHEN
    web.allowFrom(...peers());
    web.allowFrom(...peers());
    web.allowTo(...targets());
    web.allowTo(...targets());
    // THEN
    const after = policy(Testing.synth(chart), 'storefront');
    expect(after.ingress).toHaveLength(before.ingress.length + 2);
    expect(after.egress).toHaveLength(before.egress.length + 2);
  });

  // Questionable (see report): every call records its label peers for the synth check again, so a
  // label peer allowed twice that selects nothing is reported twice, with the same line.
  test('a label peer allowed twice that selects no pod is reported once', () => {
    // GIVEN
    const chart = namespacedChart();
    const web = new WebService(chart, 'storefront', { image: WEB_IMAGE });
    // WHEN
    web.allowFrom(NetworkPeer.pods({ app: 'ghost' }));
    web.allowFrom(NetworkPeer.pods({ app: 'ghost' }));
    // THEN
    expect(() => Testing.synth(chart)).toThrow(new Error([
      'Validation failed with the following errors:',
      "  [shop/storefront] allowFrom[0]: pods app=ghost selects no pod of this app in namespace 'shop', got {\"app\":\"ghost\"}; fix the labels to match a workload's pod labels, or allow a golden workload directly",
    ].join('\n')));
  });
});

describe('allowFrom and allowTo with other peers on a CanaryRelease', () => {
  test('every track gets the rules of label, namespace and IP block peers', () => {
    // GIVEN
    const chart = namespacedChart();
    const r = release(chart);
    // WHEN
    r.allowFrom(NetworkPeer.namespace('monitoring'), NetworkPeer.pods({ app: 'scraper' }, { namespace: 'observability' }));
    r.allowTo(NetworkPeer.ipBlock('2001:db8::/32', [NetworkPort.tcp(5432)]), NetworkPeer.namespace('cache', [NetworkPort.udp(6379)]));
    // THEN
    const docs = Testing.synth(chart);
    for (const name of ['checkout-stable', 'checkout-canary']) {
      expect(policy(docs, name).ingress.map((rule: any) => rule.from[0])).toEqual([
        { namespaceSelector: { matchLabels: { [NAMESPACE]: 'monitoring' } } },
        { namespaceSelector: { matchLabels: { [NAMESPACE]: 'observability' } }, podSelector: { matchLabels: { app: 'scraper' } } },
      ]);
      expect(policy(docs, name).egress.slice(1)).toEqual([
        { to: [{ ipBlock: { cidr: '2001:db8::/32' } }], ports: [{ port: 5432, protocol: 'TCP' }] },
        { to: [{ namespaceSelector: { matchLabels: { [NAMESPACE]: 'cache' } } }], ports: [{ port: 6379, protocol: 'UDP' }] },
      ]);
    }
  });

  test('an IP block may send traffic in: its ports are not refused, and the rule is on the workload port', () => {
    // GIVEN
    const chart = namespacedChart();
    const r = release(chart);
    // WHEN
    r.allowFrom(NetworkPeer.ipBlock('10.0.0.0/8', [NetworkPort.tcp(443)], ['10.1.0.0/16']));
    // THEN
    expect(policy(Testing.synth(chart), 'checkout-canary').ingress.slice(1)).toEqual([
      { from: [{ ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } }], ports: [{ port: 'http', protocol: 'TCP' }] },
    ]);
  });

  test('every address, with its written reason: the reason is kept on each track\'s NetworkPolicy', () => {
    // GIVEN
    const chart = namespacedChart();
    const r = release(chart);
    // WHEN
    r.allowTo(NetworkPeer.ipBlock('0.0.0.0/0', [NetworkPort.tcp(443)], ['169.254.169.254/32'], 'partner webhooks move between cloud regions'));
    r.allowFrom(NetworkPeer.ipBlock('::/0', [], ['fd00:ec2::254/128'], 'public IPv6 clients reach the pods directly'));
    // THEN
    const docs = Testing.synth(chart);
    for (const name of ['checkout-stable', 'checkout-canary']) {
      expect(docs.find((d) => d.kind === 'NetworkPolicy' && d.metadata.name === name).metadata.annotations).toEqual({
        'cdk8s-golden.io/every-ipv4-address-reason': 'partner webhooks move between cloud regions',
        'cdk8s-golden.io/every-ipv6-address-reason': 'public IPv6 clients reach the pods directly',
      });
      expect(policy(docs, name).egress.slice(1)).toEqual([
        { to: [{ ipBlock: { cidr: '0.0.0.0/0', except: ['169.254.169.254/32'] } }], ports: [{ port: 443, protocol: 'TCP' }] },
      ]);
    }
  });

  test('a peer class of the user, implementing INetworkPeer, is a label peer', () => {
    // GIVEN
    class Batch implements INetworkPeer {
      public toPeerSelection() {
        return { description: 'batch jobs', podLabels: { role: 'batch' }, namespace: 'jobs' };
      }
    }
    const chart = namespacedChart();
    const r = release(chart);
    // WHEN
    r.allowFrom(new Batch());
    // THEN
    expect(policy(Testing.synth(chart), 'checkout-stable').ingress[1].from).toEqual([
      { namespaceSelector: { matchLabels: { [NAMESPACE]: 'jobs' } }, podSelector: { matchLabels: { role: 'batch' } } },
    ]);
  });

  test('checks label peers of its own namespace at synth, once for both tracks', () => {
    // GIVEN
    const chart = namespacedChart();
    const r = release(chart);
    // WHEN
    r.allowFrom(NetworkPeer.pods({ app: 'ghost' }));
    // THEN
    expect(() => Testing.synth(chart)).toThrow(new Error([
      'Validation failed with the following errors:',
      "  [shop/checkout] allowFrom[0]: pods app=ghost selects no pod of this app in namespace 'shop', got {\"app\":\"ghost\"}; fix the labels to match a workload's pod labels, or allow a golden workload directly",
    ].join('\n')));
  });

  test('accepts a label peer that selects its own tracks by the name label', () => {
    // GIVEN
    const chart = namespacedChart();
    const r = release(chart);
    // WHEN
    r.allowTo(NetworkPeer.pods({ [NAME]: 'checkout' }, { ports: [NetworkPort.tcp(8080)] }));
    // THEN
    expect(policy(Testing.synth(chart), 'checkout-stable').egress[1]).toEqual({
      to: [{ podSelector: { matchLabels: { [NAME]: 'checkout' } } }], ports: [{ port: 8080, protocol: 'TCP' }],
    });
  });

  class Custom implements INetworkPeer {
    constructor(private readonly selection: any) {}
    public toPeerSelection() {
      return this.selection;
    }
  }

  const refused: Array<[string, (r: CanaryRelease) => void, string]> = [
    ['undefined', (r) => r.allowFrom(undefined as any), `[shop/checkout] allowFrom[0]: is not a network peer, got undefined; ${NOT_A_PEER_FIX}`],
    ['null', (r) => r.allowTo(null as any), `[shop/checkout] allowTo[0]: is not a network peer, got null; ${NOT_A_PEER_FIX}`],
    ['a number', (r) => r.allowFrom(NetworkPeer.namespace('monitoring'), 42 as any), `[shop/checkout] allowFrom[1]: is not a network peer, got 42; ${NOT_A_PEER_FIX}`],
    ['a list of peers', (r) => r.allowFrom([NetworkPeer.namespace('monitoring')] as any), `[shop/checkout] allowFrom[0]: is not a network peer, got 'Array'; ${NOT_A_PEER_FIX}`],
    ['an object without prototype', (r) => r.allowTo(Object.create(null)), `[shop/checkout] allowTo[0]: is not a network peer, got '{}'; ${NOT_A_PEER_FIX}`],
    ['a construct that is no peer', (r) => r.allowTo(new Construct(r, 'x') as any), `[shop/checkout] allowTo[0]: is not a network peer, got 'Construct'; ${NOT_A_PEER_FIX}`],
    ['a peer whose selection is missing', (r) => r.allowFrom(new Custom(undefined)), `[shop/checkout] allowFrom[0]: is not a network peer, got 'Custom'; ${NOT_A_PEER_FIX}`],
    ['a peer whose selection has no description', (r) => r.allowFrom(new Custom({ podLabels: { app: 'x' } })), `[shop/checkout] allowFrom[0]: is not a network peer, got 'Custom'; ${NOT_A_PEER_FIX}`],
    ['a peer that selects nothing', (r) => r.allowFrom(new Custom({ description: 'nothing' })),
      "[shop/checkout] allowFrom[0]: selects nothing, got 'nothing'; use NetworkPeer.pods(labels), NetworkPeer.namespace(name) or a golden workload"],
    ['label peer ports on allowFrom', (r) => r.allowFrom(NetworkPeer.pods({ app: 'x' }, { ports: [NetworkPort.tcp(80)] })),
      "[shop/checkout] allowFrom[0].ports: only apply to allowTo (traffic here always goes to this workload's port), got [80]; leave ports out"],
    ['allowTo a namespace with an empty port list', (r) => r.allowTo(NetworkPeer.namespace('cache', [])),
      "[shop/checkout] allowTo[0].ports: traffic to namespace cache needs the ports it may use, got []; pass ports, such as NetworkPeer.ipBlock('203.0.113.0/24', [NetworkPort.tcp(443)])"],
    ['allowTo pods without ports', (r) => r.allowTo(NetworkPeer.pods({ app: 'x' })),
      "[shop/checkout] allowTo[0].ports: traffic to pods app=x needs the ports it may use, got undefined; pass ports, such as NetworkPeer.ipBlock('203.0.113.0/24', [NetworkPort.tcp(443)])"],
    ['allowTo ports that are no list', (r) => r.allowTo(new Custom({ description: 'x', namespace: 'cache', ports: 443 })),
      '[shop/checkout] allowTo[0].ports: must be a list of NetworkPort, got 443; use [NetworkPort.tcp(443)]'],
    ['allowTo a port that is no NetworkPort', (r) => r.allowTo(new Custom({ description: 'x', namespace: 'cache', ports: [{ port: 443, protocol: 'TCP' }] })),
      '[shop/checkout] allowTo[0].ports[0]: must be a NetworkPort, got {"port":443,"protocol":"TCP"}; use NetworkPort.tcp(443) or NetworkPort.udp(53)'],
    ['allowTo port 0', (r) => r.allowTo(NetworkPeer.namespace('cache', [NetworkPort.tcp(0)])),
      '[shop/checkout] allowTo[0].ports[0]: must be a whole number from 1 to 65535, got 0; set allowTo[0].ports[0] to a whole number from 1 to 65535'],
    ['an invalid namespace name', (r) => r.allowFrom(NetworkPeer.namespace('Monitoring')),
      "[shop/checkout] allowFrom[0].namespace: must be a namespace name (a DNS label of at most 63 characters), got 'Monitoring'; use lower-case letters, digits and '-', such as 'payments'"],
  ];

  test.each(refused)('refuses %s, at the release', (_name, wire, message) => {
    // GIVEN
    const r = release();
    // WHEN / THEN
    expect(() => wire(r)).toThrow(new Error(message));
  });
});

describe('grantRead', () => {
  test('a CanaryRelease grants on both tracks: a Role and RoleBinding each, with the same rules', () => {
    // GIVEN
    const chart = namespacedChart('shop', grantingApp());
    const r = release(chart);
    // WHEN
    r.grantReadConfigMap('flags');
    r.grantReadSecret('checkout-db');
    r.grantRead(ApiResource.ENDPOINT_SLICES, { watch: true });
    // THEN
    const docs = Testing.synth(chart);
    const rules = [
      { apiGroups: [''], resources: ['configmaps'], resourceNames: ['flags'], verbs: ['get'] },
      { apiGroups: [''], resources: ['secrets'], resourceNames: ['checkout-db'], verbs: ['get'] },
      { apiGroups: ['discovery.k8s.io'], resources: ['endpointslices'], verbs: ['get', 'list', 'watch'] },
    ];
    expect(byKind(docs, 'Role').map((role) => [role.metadata.name, role.rules])).toEqual([['checkout-stable', rules], ['checkout-canary', rules]]);
    expect(byKind(docs, 'RoleBinding').map((b) => [b.roleRef.name, b.subjects])).toEqual([
      ['checkout-stable', [{ kind: 'ServiceAccount', name: 'checkout-stable', namespace: 'shop' }]],
      ['checkout-canary', [{ kind: 'ServiceAccount', name: 'checkout-canary', namespace: 'shop' }]],
    ]);
  });

  test('the same grant twice is one rule; acknowledgements go on both Roles', () => {
    // GIVEN
    const chart = namespacedChart('shop', grantingApp());
    const r = release(chart);
    // WHEN
    r.grantReadConfigMap('flags');
    r.grantReadConfigMap('flags');
    r.grantRead(ApiResource.SECRETS, { acknowledgement: 'the checkout rotates every payment key of the namespace' });
    // THEN
    const roles = byKind(Testing.synth(chart), 'Role');
    expect(roles.map((role) => role.rules.length)).toEqual([2, 2]);
    expect(roles.map((role) => role.metadata.annotations)).toEqual([
      { 'ack.cdk8s-golden.io/rbac-wildcard': 'the checkout rotates every payment key of the namespace' },
      { 'ack.cdk8s-golden.io/rbac-wildcard': 'the checkout rotates every payment key of the namespace' },
    ]);
  });

  test('a release without a canary has one Role', () => {
    // GIVEN
    const chart = namespacedChart('shop', grantingApp());
    const r = release(chart, false);
    // WHEN
    r.grantReadConfigMap('flags');
    // THEN
    expect(byKind(Testing.synth(chart), 'Role').map((role) => role.metadata.name)).toEqual(['checkout-stable']);
  });

  test('options may be left out', () => {
    // GIVEN
    const chart = namespacedChart('shop', grantingApp());
    const web = new WebService(chart, 'storefront', { image: WEB_IMAGE });
    // WHEN
    Wiring.of(web)!.grantRead(ApiResource.CONFIG_MAPS, undefined);
    // THEN
    expect(byKind(Testing.synth(chart), 'Role')[0].rules).toEqual([{ apiGroups: [''], resources: ['configmaps'], verbs: ['get', 'list'] }]);
  });

  test('every track of a workload with a grant may reach the API server the platform declares, once', () => {
    // GIVEN
    const chart = namespacedChart('shop', grantingApp());
    const r = release(chart);
    // WHEN
    r.grantReadConfigMap('flags');
    r.grantLeaderElection('checkout-leader');
    // THEN
    const policies = byKind(Testing.synth(chart), 'NetworkPolicy').filter((p) => p.metadata.name.startsWith('checkout-'));
    expect(policies.map((p) => p.spec.egress.filter((rule: any) => rule.to[0].ipBlock !== undefined))).toEqual([
      [{ to: [{ ipBlock: { cidr: '10.0.0.10/32' } }], ports: [{ port: 443, protocol: 'TCP' }] }],
      [{ to: [{ ipBlock: { cidr: '10.0.0.10/32' } }], ports: [{ port: 443, protocol: 'TCP' }] }],
    ]);
  });

  test('without a grant, no egress to the API server', () => {
    // GIVEN
    const chart = namespacedChart('shop', grantingApp());
    // WHEN
    new WebService(chart, 'storefront', { image: WEB_IMAGE });
    // THEN
    const egress = byKind(Testing.synth(chart), 'NetworkPolicy')[0].spec.egress;
    expect(egress).toHaveLength(1);
    expect(egress[0].to[0].podSelector).toEqual({ matchLabels: { 'k8s-app': 'kube-dns' } });
  });

  test.each([
    ['grantRead', (w: WebService) => w.grantReadConfigMap('flags')],
    ['grantLeaderElection', (w: WebService) => w.grantLeaderElection('storefront-leader')],
  ])('%s is refused when the platform declares no API server, naming it and how to declare it', (field, grant) => {
    // GIVEN
    const chart = namespacedChart();
    const web = new WebService(chart, 'storefront', { image: WEB_IMAGE });
    // WHEN / THEN
    expect(() => grant(web)).toThrow(new Error(
      `[shop/storefront] ${field}: the pods would get an API token but could not reach the Kubernetes API server, which their NetworkPolicy does not allow, `
      + "got 'no PlatformDefaults.apiServer'; declare the API server's endpoint addresses and port once, with "
      + "PlatformDefaults.set(app, { apiServer: { cidrs: ['10.0.0.10/32'], port: 443 } }) (see kubectl get endpointslices -n default -l kubernetes.io/service-name=kubernetes)"));
    expect(web.role).toBeUndefined();
  });

  test('refuses in a chart without namespace, before looking at the resource', () => {
    // GIVEN
    const r = new CanaryRelease(Testing.chart(), 'checkout', { stable: { image: RELEASE_STABLE }, canary: { image: RELEASE_CANARY, weight: 10 } });
    // WHEN / THEN
    expect(() => r.grantRead('secrets' as any)).toThrow(new Error(
      '[test/checkout] grantRead: a Role and its binding need a namespace, and the chart has none, got undefined; set `namespace` on the chart'));
  });

  test('refuses a bad grant at the release, and grants nothing', () => {
    // GIVEN
    const chart = namespacedChart();
    const r = release(chart);
    // WHEN / THEN
    expect(() => r.grantRead(ApiResource.PODS_EXEC)).toThrow(new Error(
      "[shop/checkout] grantRead: pods/exec opens a shell into pods, and is refused without an acknowledgement, got 'pods/exec'; pass { acknowledgement: 'why the app needs it' }"));
    expect(byKind(Testing.synth(chart), 'Role')).toEqual([]);
  });
});
