import { Testing } from 'cdk8s';
import { byKind, oneOf } from './util/manifests';
import { allSchemaErrors } from './util/schema';
import { ROLLOUT_STEPS, RolloutChart } from '../examples/canary-rollout/main';
import { GatewayShopChart } from '../examples/gateway-api/main';
import { buildApp } from '../examples/internal-apis/main';
import { buildApp as buildPlatformApp } from '../examples/platform-profile/main';
import { PodCompositionChart } from '../examples/pod-composition/main';
import { StorefrontChart } from '../examples/web-service/main';
import { ShopWorkloadsChart } from '../examples/workload-shapes/main';
import { WebService } from '../src';
import { checkManifests } from '../src/guardrails/engine';

function findings(docs: any[]): string[] {
  return checkManifests(docs).map((f) => `${f.rule} ${f.kind}/${f.name}: ${f.message}`);
}

describe('examples/web-service', () => {
  // GIVEN
  const app = Testing.app();
  // WHEN
  const chart = new StorefrontChart(app, 'shop');
  const docs = Testing.synth(chart);

  test('synthesizes the storefront with every object the README promises', () => {
    // THEN
    expect(docs).toMatchSnapshot();
    expect(docs.map((d) => d.kind)).toEqual([
      'ServiceAccount', 'ConfigMap', 'Deployment', 'Service', 'PodDisruptionBudget', 'NetworkPolicy', 'HorizontalPodAutoscaler', 'Ingress',
    ]);
    expect(oneOf(docs, 'Ingress').spec.rules[0].host).toBe('shop.example.com');
    expect(oneOf(docs, 'Deployment').spec.replicas).toBeUndefined();
    expect(docs.every((d) => d.metadata.namespace === 'shop')).toBe(true);
    const pod = oneOf(docs, 'Deployment').spec.template.spec;
    expect(pod.nodeSelector).toEqual({ 'kubernetes.io/arch': 'amd64' });
    expect(pod.tolerations).toEqual([{ key: 'acme.com/pool', operator: 'Equal', value: 'web', effect: 'NoSchedule' }]);
    expect(Object.keys(pod.affinity)).toEqual(['podAntiAffinity']);
    // metrics: a port of its own, scrape annotations, and the monitoring namespace let in on that port only
    expect(pod.containers[0].ports).toEqual([{ name: 'http', containerPort: 8080, protocol: 'TCP' }, { name: 'metrics', containerPort: 9090, protocol: 'TCP' }]);
    expect(oneOf(docs, 'Deployment').spec.template.metadata.annotations).toMatchObject({
      'prometheus.io/scrape': 'true', 'prometheus.io/port': '9090', 'prometheus.io/path': '/metrics',
    });
    expect(oneOf(docs, 'NetworkPolicy').spec.ingress).toContainEqual({
      from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } }],
      ports: [{ port: 'metrics', protocol: 'TCP' }],
    });
  });

  test('passes every guardrail rule and the Kubernetes 1.30 schema', () => {
    expect(findings(docs)).toEqual([]);
    expect(allSchemaErrors(docs)).toEqual([]);
  });
});

describe('examples/gateway-api', () => {
  // GIVEN
  const app = Testing.app();
  // WHEN
  const chart = new GatewayShopChart(app, 'shop');
  const docs = Testing.synth(chart);

  test('routes both services through the platform\'s Gateway: HTTPRoutes on its https listener, no Ingress', () => {
    // THEN
    expect(docs).toMatchSnapshot();
    expect(byKind(docs, 'Ingress')).toEqual([]);
    const routes = byKind(docs, 'HTTPRoute');
    expect(routes.map((r) => [r.metadata.name, r.spec.hostnames, r.spec.rules[0].matches.map((m: any) => m.path.value)])).toEqual([
      ['storefront', ['shop.example.com', 'www.shop.example.com'], ['/']],
      ['shop-api', ['api.shop.example.com'], ['/v1', '/v2']],
    ]);
    for (const route of routes) {
      expect(route.spec.parentRefs).toEqual([{ group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'public', namespace: 'gateways', sectionName: 'https' }]);
    }
    for (const policy of byKind(docs, 'NetworkPolicy')) {
      expect(policy.spec.ingress[0].from).toEqual([{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'envoy-gateway-system' } } }]);
    }
  });

  test('passes every guardrail rule, the Kubernetes 1.30 schema and the Gateway API schema', () => {
    expect(findings(docs)).toEqual([]);
    expect(allSchemaErrors(docs)).toEqual([]);
  });
});

describe('examples/internal-apis', () => {
  // GIVEN
  const app = Testing.app();
  // WHEN
  const { shop, payments } = buildApp(app);
  const shopDocs = Testing.synth(shop);
  const paymentsDocs = Testing.synth(payments);
  const all = [...shopDocs, ...paymentsDocs];

  test('synthesizes a storefront calling orders in its namespace and ledger across namespaces', () => {
    // THEN
    expect(shopDocs).toMatchSnapshot();
    expect(paymentsDocs).toMatchSnapshot();
    const policy = (name: string) => byKind(all, 'NetworkPolicy').find((p) => p.metadata.name === name).spec;
    expect(policy('storefront').egress.map((r: any) => r.to[0])).toEqual([
      { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } },
      { podSelector: { matchLabels: { 'app.kubernetes.io/instance': 'orders' } } },
      { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'payments' } }, podSelector: { matchLabels: { 'app.kubernetes.io/instance': 'ledger' } } },
    ]);
    const monitoring = { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } };
    expect(policy('ledger').ingress).toEqual([
      { from: [monitoring], ports: [{ port: 'metrics', protocol: 'TCP' }] },
      { from: [{ ipBlock: { cidr: '10.100.0.0/16' } }], ports: [{ port: 'grpc', protocol: 'TCP' }] },
      {
        from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'shop' } }, podSelector: { matchLabels: { 'app.kubernetes.io/instance': 'storefront' } } }],
        ports: [{ port: 'grpc', protocol: 'TCP' }],
      },
    ]);
    // the orders API: Prometheus on the metrics port only, a ServiceMonitor over its Service labelled for the platform's Prometheus
    expect(policy('orders').ingress[0]).toEqual({ from: [monitoring], ports: [{ port: 'metrics', protocol: 'TCP' }] });
    const ordersMonitor = oneOf(shopDocs, 'ServiceMonitor');
    expect(ordersMonitor.metadata.labels.release).toBe('kube-prometheus-stack');
    expect(ordersMonitor.spec.selector.matchLabels).toEqual({ 'app.kubernetes.io/name': 'orders', 'app.kubernetes.io/instance': 'orders' });
    expect(byKind(shopDocs, 'Service').find((s) => s.metadata.name === 'orders').spec.ports.map((p: any) => `${p.name} ${p.port}`)).toEqual(['http 80', 'metrics 9090']);
    // the ledger: an internal load balancer for the on-premises range, acknowledged with its reason; scraped through a PodMonitor
    const ledger = oneOf(paymentsDocs, 'Service');
    expect(ledger.spec).toMatchObject({ type: 'LoadBalancer', externalTrafficPolicy: 'Local', loadBalancerSourceRanges: ['10.100.0.0/16'] });
    expect(ledger.spec.ports.map((p: any) => p.name)).toEqual(['grpc']);
    expect(ledger.metadata.annotations['ack.cdk8s-golden.io/service-type']).toMatch(/settlement system/);
    expect(oneOf(paymentsDocs, 'PodMonitor').spec.podMetricsEndpoints).toEqual([{ port: 'metrics', path: '/metrics', scheme: 'http' }]);
    expect(policy('ledger').egress[1]).toEqual({ to: [{ ipBlock: { cidr: '10.20.0.0/16' } }], ports: [{ port: 5432, protocol: 'TCP' }] });
    expect(oneOf(shopDocs, 'Role').rules.map((r: any) => r.resourceNames)).toEqual([['orders-feature-flags'], ['orders-signing-key']]);
    // the orders API has grants, so it may reach the API server the chart declares; the storefront has none
    expect(policy('orders').egress[1]).toEqual({ to: [{ ipBlock: { cidr: '10.0.0.10/32' } }], ports: [{ port: 443, protocol: 'TCP' }] });
    expect(policy('storefront').egress.some((r: any) => r.to[0].ipBlock !== undefined)).toBe(false);
    expect(paymentsDocs.every((d) => d.metadata.namespace === 'payments')).toBe(true);
  });

  test('passes every guardrail rule and the Kubernetes 1.30 schema', () => {
    expect(findings(all)).toEqual([]);
    expect(allSchemaErrors(all)).toEqual([]);
  });
});

describe('examples/platform-profile', () => {
  test.each([[false, 'RESTRICTED'], [true, 'PLATFORM_ASSIGNED']])('with openshift=%p the platform package sets every default (%s)', (openshift) => {
    // GIVEN
    const app = Testing.app();
    // WHEN
    const { namespace, checkout } = buildPlatformApp(app, openshift);
    const nsDocs = Testing.synth(namespace);
    const docs = Testing.synth(checkout);
    // THEN
    expect([...nsDocs, ...docs]).toMatchSnapshot();
    const deployment = oneOf(docs, 'Deployment');
    const pod = deployment.spec.template.spec;
    expect(pod.priorityClassName).toBe('acme-standard');
    expect(pod.containers[0].resources.limits.cpu).toBeUndefined();
    expect(pod.securityContext.runAsUser).toBe(openshift ? undefined : 10001);
    expect(deployment.metadata.labels).toMatchObject({ 'acme.com/team': 'checkout', 'acme.com/managed-by-platform': 'golden' });
    expect(oneOf(docs, 'Ingress').spec.ingressClassName).toBe('acme-nginx');
    expect(oneOf(docs, 'Ingress').metadata.annotations).toEqual({ 'cert-manager.io/cluster-issuer': 'acme-letsencrypt-prod' });
    expect(oneOf(nsDocs, 'Namespace').metadata.labels['pod-security.kubernetes.io/enforce']).toBe('restricted');
    const dnsPeer = openshift ? { ns: 'openshift-dns', port: 5353 } : { ns: 'kube-system', port: 53 };
    for (const dnsRule of [byKind(docs, 'NetworkPolicy')[0].spec.egress[0], byKind(nsDocs, 'NetworkPolicy')[1].spec.egress[0]]) {
      expect(dnsRule.to[0].namespaceSelector.matchLabels).toEqual({ 'kubernetes.io/metadata.name': dnsPeer.ns });
      expect(dnsRule.ports).toEqual([{ port: dnsPeer.port, protocol: 'UDP' }, { port: dnsPeer.port, protocol: 'TCP' }]);
    }
    expect(oneOf(nsDocs, 'ResourceQuota').spec.hard['limits.cpu']).toBeUndefined();
    expect(findings([...nsDocs, ...docs])).toEqual([]);
    expect(allSchemaErrors([...nsDocs, ...docs])).toEqual([]);
  });

  test('the platform package refuses images from outside its registries', () => {
    const app = Testing.app();
    const { checkout } = buildPlatformApp(app);
    expect(() => new WebService(checkout, 'rogue', { image: 'docker.io/library/nginx:1.27.3' })).toThrow(
      "[checkout/rogue] image: the image is not from an allowed registry (registry.acme.com, ghcr.io/acme), got 'docker.io/library/nginx:1.27.3'; push the image to an allowed registry, or ask the platform team to allow this one");
  });
});

describe('examples/canary-rollout', () => {
  test('synthesizes a Gateway API canary at 25% within the declared steps, and passes every rule and schema', () => {
    // GIVEN / WHEN
    const docs = Testing.synth(new RolloutChart(Testing.app(), 'shop'));
    // THEN
    expect(docs).toMatchSnapshot();
    const route = oneOf(docs, 'HTTPRoute');
    expect(route.spec.rules[1].backendRefs.map((b: any) => [b.name, b.weight])).toEqual([['storefront-stable', 75], ['storefront-canary', 25]]);
    expect(byKind(docs, 'Deployment').map((d) => [d.metadata.name, d.spec.replicas])).toEqual([['storefront-stable', 4], ['storefront-canary', 1], ['orders', 3]]);
    expect(ROLLOUT_STEPS).toContain(25);
    expect(findings(docs)).toEqual([]);
    expect(allSchemaErrors(docs)).toEqual([]);
  });
});

describe('examples/workload-shapes', () => {
  // GIVEN
  const app = Testing.app();
  // WHEN
  const chart = new ShopWorkloadsChart(app, 'shop');
  const docs = Testing.synth(chart);

  test('synthesizes a KEDA-scaled worker, a nightly job, a stateful store and a migration, the jobs and the worker unreachable', () => {
    // THEN
    expect(docs).toMatchSnapshot();
    const named = (name: string) => docs.filter((d) => d.metadata.name === name).map((d) => d.kind);
    expect(named('mailer')).toEqual(['ServiceAccount', 'Deployment', 'PodDisruptionBudget', 'NetworkPolicy', 'ScaledObject']);
    expect(named('reports')).toEqual(['ServiceAccount', 'CronJob', 'NetworkPolicy']);
    const policy = (name: string) => byKind(docs, 'NetworkPolicy').find((p) => p.metadata.name === name).spec;
    // nothing reaches the worker but the platform's Prometheus, on the metrics port, which the pods' annotations name
    expect(policy('mailer').ingress).toEqual([
      { from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } }], ports: [{ port: 'metrics', protocol: 'TCP' }] },
    ]);
    expect(byKind(docs, 'Deployment').find((d) => d.metadata.name === 'mailer').spec.template.metadata.annotations).toEqual({
      'prometheus.io/scrape': 'true', 'prometheus.io/port': '9100', 'prometheus.io/path': '/metrics',
    });
    expect(policy('reports').ingress).toEqual([]);
    expect(policy('orders').ingress.map((r: any) => r.from[0])).toEqual([
      { podSelector: { matchLabels: { 'app.kubernetes.io/instance': 'mailer' } } },
      { podSelector: { matchLabels: { 'app.kubernetes.io/instance': 'reports' } } },
    ]);
    expect(oneOf(docs, 'CronJob').spec).toMatchObject({ schedule: '30 2 * * *', timeZone: 'Europe/Berlin', concurrencyPolicy: 'Forbid' });
    expect(byKind(docs, 'Deployment').find((d) => d.metadata.name === 'mailer').spec.replicas).toBeUndefined();
    expect(named('sessions')).toEqual(['ServiceAccount', 'StatefulSet', 'Service', 'PodDisruptionBudget', 'NetworkPolicy']);
    expect(named('sessions-headless')).toEqual(['Service']);
    expect(oneOf(docs, 'Job').metadata.name).toMatch(/^orders-migrate-[0-9a-f]{10}$/);
    expect(byKind(docs, 'Deployment').find((d) => d.metadata.name === 'orders').metadata.annotations['argocd.argoproj.io/sync-wave']).toBe('0');
  });

  test('passes every guardrail rule and the Kubernetes 1.30 schema (KEDA\'s for the ScaledObject)', () => {
    expect(findings(docs)).toEqual([]);
    expect(allSchemaErrors(docs)).toEqual([]);
  });
});

describe('examples/pod-composition', () => {
  // GIVEN
  const app = Testing.app();
  // WHEN
  const chart = new PodCompositionChart(app, 'shop');
  const docs = Testing.synth(chart);

  test('synthesizes a storefront with an init container, a sidecar and file volumes, and a worker on a shared claim', () => {
    // THEN
    expect(docs).toMatchSnapshot();
    const pod = (name: string) => byKind(docs, 'Deployment').find((d) => d.metadata.name === name).spec.template.spec;
    const storefront = pod('storefront');
    expect(storefront.initContainers.map((c: any) => [c.name, c.restartPolicy])).toEqual([['db-proxy', 'Always'], ['render-templates', undefined]]);
    expect(storefront.initContainers[0].ports).toEqual([{ name: 'proxy-admin', containerPort: 9801, protocol: 'TCP' }]);
    expect(storefront.initContainers[0].readinessProbe.httpGet).toEqual({ path: '/readyz', port: 'proxy-admin' });
    expect(storefront.volumes.map((v: any) => v.name)).toEqual(['tmp', 'configmap-storefront-settings', 'scratch-1', 'secret-storefront-db-cert']);
    expect(storefront.containers[0].volumeMounts).toEqual([
      { name: 'tmp', mountPath: '/tmp' },
      { name: 'configmap-storefront-settings', mountPath: '/etc/storefront', readOnly: true },
      { name: 'scratch-1', mountPath: '/srv/templates', readOnly: true },
    ]);
    const thumbnails = pod('thumbnails');
    expect(thumbnails.volumes[1]).toEqual({ name: 'pvc-media', persistentVolumeClaim: { claimName: 'media' } });
    expect(thumbnails.initContainers[0].volumeMounts[1]).toEqual({ name: 'logs', mountPath: '/logs', readOnly: true });
  });

  test('passes every guardrail rule and the Kubernetes 1.30 schema', () => {
    expect(findings(docs)).toEqual([]);
    expect(allSchemaErrors(docs)).toEqual([]);
  });
});
