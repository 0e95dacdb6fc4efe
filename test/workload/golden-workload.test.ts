import { ApiObject, Chart, Testing } from 'cdk8s';
import { ApiResource, InternalApi, NetworkPeer, NetworkPort, WebService } from '../../src';
import { checkManifests } from '../../src/guardrails/engine';
import { byKind, grantingApp, namespacedChart, oneOf } from '../util/manifests';
import { allSchemaErrors } from '../util/schema';

const WEB_IMAGE = 'ghcr.io/acme/storefront:2.0.1';
const API_IMAGE = 'ghcr.io/acme/orders:1.4.2';

function policyOf(docs: any[], name: string): any {
  return byKind(docs, 'NetworkPolicy').find((p) => p.metadata.name === name).spec;
}

function findings(docs: any[]): string[] {
  return checkManifests(docs).map((f) => `${f.rule} ${f.kind}/${f.name}: ${f.message}`);
}

describe('allowFrom and allowTo between golden workloads', () => {
  test('in one namespace: ingress on the target, egress on the source, both by the instance label on the target port', () => {
    // GIVEN
    const chart = namespacedChart();
    const web = new WebService(chart, 'storefront', { image: WEB_IMAGE, host: 'shop.example.com' });
    const orders = new InternalApi(chart, 'orders', { image: API_IMAGE, port: 9000 });
    // WHEN
    orders.allowFrom(web);
    const docs = Testing.synth(chart);
    // THEN
    expect(policyOf(docs, 'orders').ingress).toEqual([{
      from: [{ podSelector: { matchLabels: { 'app.kubernetes.io/instance': 'storefront' } } }],
      ports: [{ port: 'http', protocol: 'TCP' }],
    }]);
    expect(policyOf(docs, 'storefront').egress[1]).toEqual({
      to: [{ podSelector: { matchLabels: { 'app.kubernetes.io/instance': 'orders' } } }],
      ports: [{ port: 9000, protocol: 'TCP' }],
    });
    expect(findings(docs)).toEqual([]);
    expect(allSchemaErrors(docs)).toEqual([]);
  });

  test('across namespaces (charts of one app): the peer carries a namespace selector', () => {
    // GIVEN
    const app = Testing.app();
    const shop = namespacedChart('shop', app);
    const payments = namespacedChart('payments', app);
    const web = new WebService(shop, 'storefront', { image: WEB_IMAGE });
    const ledger = new InternalApi(payments, 'ledger', { image: API_IMAGE });
    // WHEN
    web.allowTo(ledger);
    // THEN
    const docs = [...Testing.synth(shop), ...Testing.synth(payments)];
    expect(policyOf(docs, 'ledger').ingress[0].from).toEqual([{
      namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'shop' } },
      podSelector: { matchLabels: { 'app.kubernetes.io/instance': 'storefront' } },
    }]);
    expect(policyOf(docs, 'storefront').egress[1].to).toEqual([{
      namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'payments' } },
      podSelector: { matchLabels: { 'app.kubernetes.io/instance': 'ledger' } },
    }]);
    expect(findings(docs)).toEqual([]);
  });

  test('allowing the same peer twice adds one rule', () => {
    const chart = namespacedChart();
    const web = new WebService(chart, 'storefront', { image: WEB_IMAGE });
    const orders = new InternalApi(chart, 'orders', { image: API_IMAGE });
    orders.allowFrom(web, web);
    web.allowTo(orders);
    const docs = Testing.synth(chart);
    expect(policyOf(docs, 'orders').ingress).toHaveLength(1);
    expect(policyOf(docs, 'storefront').egress).toHaveLength(2);
  });

  test('refuses a golden peer whose chart has no namespace when this one has', () => {
    const app = Testing.app();
    const web = new WebService(new Chart(app, 'nowhere'), 'storefront', { image: WEB_IMAGE });
    const orders = new InternalApi(namespacedChart('shop', app), 'orders', { image: API_IMAGE });
    expect(() => orders.allowFrom(web)).toThrow(
      "[shop/orders] allowFrom[0]: cannot tell whether WebService nowhere/storefront shares this workload's namespace: one chart has a namespace, the other none, got 'no namespace'; set `namespace` on both charts");
  });
});

describe('allowFrom and allowTo with other peers', () => {
  test('pods by labels and whole namespaces, in and across namespaces', () => {
    // GIVEN
    const app = Testing.app();
    const chart = namespacedChart('shop', app);
    const orders = new InternalApi(chart, 'orders', { image: API_IMAGE });
    new ApiObject(chart, 'worker', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'worker', labels: { role: 'worker' } },
      spec: { containers: [{ name: 'w', image: 'ghcr.io/acme/worker:1.0.0', ports: [{ containerPort: 7000 }] }] },
    });
    // WHEN
    orders.allowFrom(NetworkPeer.pods({ role: 'worker' }), NetworkPeer.namespace('monitoring'), NetworkPeer.pods({ app: 'scraper' }, { namespace: 'observability' }));
    orders.allowTo(NetworkPeer.pods({ role: 'worker' }, { ports: [NetworkPort.tcp(7000)] }), NetworkPeer.namespace('cache', [NetworkPort.tcp(6379)]));
    // THEN
    const policy = policyOf(Testing.synth(chart), 'orders');
    expect(policy.ingress.map((r: any) => r.from[0])).toEqual([
      { podSelector: { matchLabels: { role: 'worker' } } },
      { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } },
      { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'observability' } }, podSelector: { matchLabels: { app: 'scraper' } } },
    ]);
    expect(policy.egress.slice(1)).toEqual([
      { to: [{ podSelector: { matchLabels: { role: 'worker' } } }], ports: [{ port: 7000, protocol: 'TCP' }] },
      { to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'cache' } } }], ports: [{ port: 6379, protocol: 'TCP' }] },
    ]);
  });

  test('external destinations: IP blocks with ports and exceptions, IPv4 and IPv6', () => {
    const chart = namespacedChart();
    const web = new WebService(chart, 'storefront', { image: WEB_IMAGE });
    web.allowTo(
      NetworkPeer.ipBlock('203.0.113.0/24', [NetworkPort.tcp(443)], ['203.0.113.128/25']),
      NetworkPeer.ipBlock('2001:db8::/32', [NetworkPort.tcp(5432), NetworkPort.udp(5432)]),
    );
    const docs = Testing.synth(chart);
    expect(policyOf(docs, 'storefront').egress.slice(1)).toEqual([
      { to: [{ ipBlock: { cidr: '203.0.113.0/24', except: ['203.0.113.128/25'] } }], ports: [{ port: 443, protocol: 'TCP' }] },
      { to: [{ ipBlock: { cidr: '2001:db8::/32' } }], ports: [{ port: 5432, protocol: 'TCP' }, { port: 5432, protocol: 'UDP' }] },
    ]);
    expect(findings(docs)).toEqual([]);
    expect(allSchemaErrors(docs)).toEqual([]);
  });

  const refused: Array<[string, (w: WebService) => void, string]> = [
    ['a peer of an unsupported type', (w) => w.allowFrom('orders' as any),
      "[shop/storefront] allowFrom[0]: is not a network peer, got 'orders'; pass a WebService, an InternalApi, a CanaryRelease, NetworkPeer.pods(labels), NetworkPeer.namespace(name) or NetworkPeer.ipBlock(cidr, ports)"],
    ['an object that is no peer', (w) => w.allowTo({ name: 'x' } as any),
      "[shop/storefront] allowTo[0]: is not a network peer, got 'Object'; pass a WebService, an InternalApi, a CanaryRelease, NetworkPeer.pods(labels), NetworkPeer.namespace(name) or NetworkPeer.ipBlock(cidr, ports)"],
    ['an invalid CIDR', (w) => w.allowTo(NetworkPeer.ipBlock('10.0.0.300/8', [NetworkPort.tcp(443)])),
      "[shop/storefront] allowTo[0].cidr: must be a CIDR block, got '10.0.0.300/8'; use a network in CIDR notation, such as '203.0.113.0/24' or '2001:db8::/32'"],
    ['a CIDR with host bits', (w) => w.allowTo(NetworkPeer.ipBlock('10.1.2.3/8', [NetworkPort.tcp(443)])),
      "[shop/storefront] allowTo[0].cidr: has host bits set after the prefix, got '10.1.2.3/8'; use the network address '10.0.0.0/8'"],
    ['egress without ports', (w) => w.allowTo(NetworkPeer.namespace('cache')),
      "[shop/storefront] allowTo[0].ports: traffic to namespace cache needs the ports it may use, got undefined; pass ports, such as NetworkPeer.ipBlock('203.0.113.0/24', [NetworkPort.tcp(443)])"],
    ['a port outside 1-65535', (w) => w.allowTo(NetworkPeer.namespace('cache', [NetworkPort.tcp(70000)])),
      '[shop/storefront] allowTo[0].ports[0]: must be a whole number from 1 to 65535, got 70000; set allowTo[0].ports[0] to a whole number from 1 to 65535'],
    ['ports on an ingress peer', (w) => w.allowFrom(NetworkPeer.namespace('monitoring', [NetworkPort.tcp(9090)])),
      "[shop/storefront] allowFrom[0].ports: only apply to allowTo (traffic here always goes to this workload's port), got [9090]; leave ports out"],
    ['an empty label set', (w) => w.allowFrom(NetworkPeer.pods({})),
      '[shop/storefront] allowFrom[0].labels: pods (no labels) selects every pod, got {}; name at least one label, or allow a whole namespace with NetworkPeer.namespace(name)'],
    ['an invalid label', (w) => w.allowFrom(NetworkPeer.pods({ app: 'has space' })),
      "[shop/storefront] allowFrom[0].labels.app: must be a valid label value, got 'has space'; use at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit"],
  ];

  test.each(refused)('refuses %s', (_name, wire, message) => {
    const web = new WebService(namespacedChart(), 'storefront', { image: WEB_IMAGE });
    expect(() => wire(web)).toThrow(message);
  });

  test('refuses at synth peers that select no pod of the app in their namespace, and ports those pods lack', () => {
    // GIVEN
    const chart = namespacedChart();
    const web = new WebService(chart, 'storefront', { image: WEB_IMAGE });
    new InternalApi(chart, 'orders', { image: API_IMAGE }).allowFrom(web);
    // WHEN
    web.allowTo(NetworkPeer.pods({ 'app.kubernetes.io/name': 'order' }, { ports: [NetworkPort.tcp(8080)] }));
    web.allowTo(NetworkPeer.pods({ 'app.kubernetes.io/name': 'orders' }, { ports: [NetworkPort.tcp(9999)] }));
    // THEN
    expect(() => Testing.synth(chart)).toThrow([
      'Validation failed with the following errors:',
      "  [shop/storefront] allowTo[0]: pods app.kubernetes.io/name=order selects no pod of this app in namespace 'shop', got {\"app.kubernetes.io/name\":\"order\"}; fix the labels to match a workload's pod labels, or allow a golden workload directly",
      '  [shop/storefront] allowTo[0]: the pods of pods app.kubernetes.io/name=orders do not expose port 9999/TCP (they expose 8080/TCP), got 9999; use a port the pods declare',
    ].join('\n'));
  });

  test('does not judge label peers in namespaces the app emits no workloads into', () => {
    const chart = namespacedChart();
    const web = new WebService(chart, 'storefront', { image: WEB_IMAGE });
    web.allowTo(NetworkPeer.pods({ app: 'redis' }, { namespace: 'cache', ports: [NetworkPort.tcp(6379)] }));
    expect(() => Testing.synth(chart)).not.toThrow();
  });
});

describe('RBAC grants', () => {
  test('read ConfigMaps and Secrets by name, and a kind with watch, in one Role bound to the ServiceAccount', () => {
    // GIVEN
    const chart = namespacedChart('shop', grantingApp());
    const web = new WebService(chart, 'storefront', { image: WEB_IMAGE });
    // WHEN
    web.grantReadConfigMap('feature-flags');
    web.grantReadSecret('storefront-db', 'storefront-api');
    web.grantRead(ApiResource.ENDPOINT_SLICES, { watch: true });
    const docs = Testing.synth(chart);
    // THEN
    const role = oneOf(docs, 'Role');
    expect(role).toMatchSnapshot();
    expect(role.rules).toEqual([
      { apiGroups: [''], resources: ['configmaps'], resourceNames: ['feature-flags'], verbs: ['get'] },
      { apiGroups: [''], resources: ['secrets'], resourceNames: ['storefront-db', 'storefront-api'], verbs: ['get'] },
      { apiGroups: ['discovery.k8s.io'], resources: ['endpointslices'], verbs: ['get', 'list', 'watch'] },
    ]);
    expect(oneOf(docs, 'RoleBinding').subjects).toEqual([{ kind: 'ServiceAccount', name: 'storefront', namespace: 'shop' }]);
    expect(oneOf(docs, 'ServiceAccount').automountServiceAccountToken).toBe(false);
    expect(web.role?.kind).toBe('Role');
    expect(web.roleBinding?.kind).toBe('RoleBinding');
    expect(findings(docs)).toEqual([]);
    expect(allSchemaErrors(docs)).toEqual([]);
  });

  test('leader election on a named Lease: get and update by name, create on Leases, and the API token', () => {
    // GIVEN
    const chart = namespacedChart('shop', grantingApp());
    const api = new InternalApi(chart, 'orders', { image: 'ghcr.io/acme/orders:1.4.2' });
    api.allowFrom(NetworkPeer.namespace('monitoring'));
    // WHEN
    api.grantLeaderElection('orders-leader');
    const docs = Testing.synth(chart);
    // THEN
    expect(oneOf(docs, 'Role').rules).toEqual([
      { apiGroups: ['coordination.k8s.io'], resources: ['leases'], resourceNames: ['orders-leader'], verbs: ['get', 'update'] },
      { apiGroups: ['coordination.k8s.io'], resources: ['leases'], verbs: ['create'] },
    ]);
    expect(oneOf(docs, 'Deployment').spec.template.spec.volumes.map((v: any) => v.name)).toEqual(['tmp', 'kube-api-access']);
    expect(findings(docs)).toEqual([]);
    expect(allSchemaErrors(docs)).toEqual([]);
  });

  test('no grant, no Role: the ServiceAccount has no API access and no token', () => {
    const chart = namespacedChart('shop', grantingApp());
    const web = new WebService(chart, 'storefront', { image: WEB_IMAGE });
    const docs = Testing.synth(chart);
    expect(byKind(docs, 'Role')).toEqual([]);
    expect(web.role).toBeUndefined();
    expect(oneOf(docs, 'Deployment').spec.template.spec.volumes.map((v: any) => v.name)).toEqual(['tmp']);
  });

  test('every Secret or pods/exec only with a written reason, kept on the Role as an acknowledgement', () => {
    const chart = namespacedChart('shop', grantingApp());
    const web = new WebService(chart, 'storefront', { image: WEB_IMAGE });
    web.grantRead(ApiResource.SECRETS, { acknowledgement: 'the storefront syncs every TLS secret of the shop namespace' });
    web.grantRead(ApiResource.PODS_EXEC, { acknowledgement: 'runs the nightly migration job inside the database pod' });
    const role = oneOf(Testing.synth(chart), 'Role');
    expect(role.metadata.annotations).toEqual({
      'ack.cdk8s-golden.io/rbac-wildcard': 'the storefront syncs every TLS secret of the shop namespace; runs the nightly migration job inside the database pod',
    });
    expect(role.rules[1]).toEqual({ apiGroups: [''], resources: ['pods/exec'], verbs: ['create', 'get'] });
  });

  const refused: Array<[string, (w: WebService) => void, string]> = [
    ['every Secret without a reason', (w) => w.grantRead(ApiResource.SECRETS),
      "[shop/storefront] grantRead: reading every Secret of the namespace exposes all its credentials, and is refused without an acknowledgement, got 'secrets'; grant the Secrets by name with grantReadSecret(...names), or pass { acknowledgement: 'why' }"],
    ['pods/exec without a reason', (w) => w.grantRead(ApiResource.PODS_EXEC),
      "[shop/storefront] grantRead: pods/exec opens a shell into pods, and is refused without an acknowledgement, got 'pods/exec'; pass { acknowledgement: 'why the app needs it' }"],
    ['pods/attach with a blank reason', (w) => w.grantRead(ApiResource.PODS_ATTACH, { acknowledgement: '  ' }),
      "[shop/storefront] grantRead.acknowledgement: must be a written reason of at least 10 characters, got '  '; say why the app needs this access"],
    ['a wildcard resource', (w) => w.grantRead(ApiResource.of('', '*')),
      "[shop/storefront] grantRead.resource: must name one API group and one resource, without wildcards, got '*'; grant each resource the app needs by name, such as ApiResource.of('cert-manager.io', 'certificates')"],
    ['a wildcard group', (w) => w.grantRead(ApiResource.of('*', 'certificates')),
      "[shop/storefront] grantRead.resource: must name one API group and one resource, without wildcards, got 'certificates.*'; grant each resource the app needs by name, such as ApiResource.of('cert-manager.io', 'certificates')"],
    ['grantReadSecret without names', (w) => w.grantReadSecret(),
      '[shop/storefront] grantRead.names: must name at least one object, got []; list the objects, or leave names out to grant the whole kind'],
    ['an acknowledgement nothing needs', (w) => w.grantReadConfigMap === undefined ? undefined : w.grantRead(ApiResource.CONFIG_MAPS, { acknowledgement: 'because we always did' }),
      "[shop/storefront] grantRead.acknowledgement: is only for grants the guardrails refuse otherwise (every Secret, pods/exec, pods/attach), got 'because we always did'; remove it"],
    ['something that is no ApiResource', (w) => w.grantRead('secrets' as any),
      "[shop/storefront] grantRead.resource: must be an ApiResource, got 'secrets'; use ApiResource.CONFIG_MAPS or ApiResource.of('group', 'resources')"],
  ];

  test.each(refused)('refuses %s', (_name, grant, message) => {
    const web = new WebService(namespacedChart('shop', grantingApp()), 'storefront', { image: WEB_IMAGE });
    expect(() => grant(web)).toThrow(message);
  });

  test('refuses grants in a chart without a namespace', () => {
    const web = new WebService(Testing.chart(), 'storefront', { image: WEB_IMAGE });
    expect(() => web.grantReadConfigMap('x')).toThrow(
      '[test/storefront] grantRead: a Role and its binding need a namespace, and the chart has none, got undefined; set `namespace` on the chart');
  });
});
