import { App, Chart, Size, Testing } from 'cdk8s';
import {
  CanaryRelease, HealthCheck, InternalApi, MigrationJob, PlatformDefaults, PlatformMonitoring, ScheduledJob, StatefulService, WebService, Worker,
} from '../../src';
import { checkManifests } from '../../src/guardrails/engine';
import { byKind, containerOf, oneOf } from '../util/manifests';
import { allSchemaErrors } from '../util/schema';

const IMAGE = 'ghcr.io/acme/orders:1.4.2';
const OPERATOR: PlatformMonitoring = { namespace: 'monitoring', prometheusOperator: true, monitorLabels: { release: 'kube-prometheus-stack' } };
const EXEC = { readinessProbe: HealthCheck.exec(['/bin/check', 'ready']), livenessProbe: HealthCheck.exec(['/bin/check', 'alive']) };
const PROMETHEUS_PEER = { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } };
const SCRAPE_RULE = { from: [PROMETHEUS_PEER], ports: [{ port: 'metrics', protocol: 'TCP' }] };

/** A chart `shop` in an app whose platform declares this monitoring. */
function shopChart(monitoring: PlatformMonitoring | 'none' = OPERATOR): Chart {
  const app = Testing.app();
  if (monitoring !== 'none') {
    PlatformDefaults.set(app, { monitoring });
  }
  return new Chart(app, 'shop', { namespace: 'shop' });
}

function findings(docs: any[]): string[] {
  return checkManifests(docs).map((f) => `${f.rule} ${f.kind}/${f.name}: ${f.message}`);
}

describe('metrics with the Prometheus Operator', () => {
  // GIVEN a platform that runs the Prometheus Operator
  const chart = shopChart();
  // WHEN an InternalApi serves metrics on its own port
  const api = new InternalApi(chart, 'orders', { image: IMAGE, metrics: { port: 9090 } });
  api.allowFrom(new WebService(chart, 'storefront', { image: 'ghcr.io/acme/storefront:2.0.1' }));
  const docs = Testing.synth(chart).filter((d) => d.metadata.name === 'orders');

  test('a named container port, a Service port, a ServiceMonitor over the Service and a scrape rule in the NetworkPolicy', () => {
    // THEN
    expect(docs).toMatchSnapshot();
    expect(docs.map((d) => d.kind)).toEqual(['ServiceAccount', 'Deployment', 'Service', 'PodDisruptionBudget', 'NetworkPolicy', 'ServiceMonitor']);
    expect(containerOf(oneOf(docs, 'Deployment')).ports).toEqual([
      { name: 'http', containerPort: 8080, protocol: 'TCP' },
      { name: 'metrics', containerPort: 9090, protocol: 'TCP' },
    ]);
    expect(oneOf(docs, 'Service').spec.ports[1]).toEqual({ name: 'metrics', port: 9090, targetPort: 'metrics', protocol: 'TCP', appProtocol: 'http' });
    const monitor = oneOf(docs, 'ServiceMonitor');
    expect(api.monitor?.kind).toBe('ServiceMonitor');
    expect(monitor.apiVersion).toBe('monitoring.coreos.com/v1');
    expect(monitor.metadata.namespace).toBe('shop');
    expect(monitor.metadata.labels.release).toBe('kube-prometheus-stack');
    // Selected by the Service's stable labels (never the version label, which changes with the image).
    expect(monitor.spec).toEqual({
      selector: { matchLabels: { 'app.kubernetes.io/name': 'orders', 'app.kubernetes.io/instance': 'orders' } },
      endpoints: [{ port: 'metrics', path: '/metrics', scheme: 'http' }],
    });
    const ingress = oneOf(docs, 'NetworkPolicy').spec.ingress;
    expect(ingress).toContainEqual(SCRAPE_RULE);
    // Prometheus is let in on the metrics port only; clients on the app port only.
    expect(ingress.filter((r: any) => r.ports[0].port === 'metrics')).toEqual([SCRAPE_RULE]);
    expect(oneOf(docs, 'Deployment').spec.template.metadata.annotations).toBeUndefined();
  });

  test('passes every guardrail rule, the Kubernetes 1.30 schema and the Prometheus Operator schema', () => {
    expect(findings(docs)).toEqual([]);
    expect(allSchemaErrors(docs)).toEqual([]);
  });
});

describe('metrics without the Prometheus Operator', () => {
  test('scrape annotations on the pods, a Service port, no ServiceMonitor; Prometheus\'s pods selected when labelled', () => {
    // GIVEN a platform whose Prometheus reads the prometheus.io annotations
    const chart = shopChart({ namespace: 'monitoring', podLabels: { 'app.kubernetes.io/name': 'prometheus' } });
    // WHEN
    const web = new WebService(chart, 'storefront', { image: IMAGE, metrics: { port: 9102, path: '/internal/metrics' }, podAnnotations: { 'acme.com/team': 'shop' } });
    const docs = Testing.synth(chart);
    // THEN
    expect(byKind(docs, 'ServiceMonitor')).toEqual([]);
    expect(web.monitor).toBeUndefined();
    expect(oneOf(docs, 'Deployment').spec.template.metadata.annotations).toEqual({
      'acme.com/team': 'shop', 'prometheus.io/scrape': 'true', 'prometheus.io/port': '9102', 'prometheus.io/path': '/internal/metrics',
    });
    expect(oneOf(docs, 'NetworkPolicy').spec.ingress[0]).toEqual({
      from: [{ ...PROMETHEUS_PEER, podSelector: { matchLabels: { 'app.kubernetes.io/name': 'prometheus' } } }],
      ports: [{ port: 'metrics', protocol: 'TCP' }],
    });
    expect(findings(docs)).toEqual([]);
    expect(allSchemaErrors(docs)).toEqual([]);
  });

  test('the metrics rule is no client: an InternalApi that nobody else may reach is still refused', () => {
    // GIVEN
    const chart = shopChart();
    // WHEN
    new InternalApi(chart, 'orders', { image: IMAGE, metrics: { port: 9090 } });
    // THEN
    expect(() => Testing.synth(chart)).toThrow(/\[shop\/orders\] allowFrom: nothing may reach the pods: their NetworkPolicy denies all ingress/);
  });
});

describe('metrics on the other workload shapes', () => {
  test('a Worker: a PodMonitor (it has no Service), ingress only from Prometheus on the metrics port, exec probes kept', () => {
    // GIVEN
    const chart = shopChart();
    // WHEN
    const worker = new Worker(chart, 'mailer', { image: 'ghcr.io/acme/mailer:3.1.0', ...EXEC, metrics: { port: 9090 } });
    const docs = Testing.synth(chart);
    // THEN
    expect(byKind(docs, 'Service')).toEqual([]);
    expect(byKind(docs, 'ServiceMonitor')).toEqual([]);
    expect(worker.monitor?.kind).toBe('PodMonitor');
    expect(oneOf(docs, 'PodMonitor').spec).toEqual({
      selector: { matchLabels: worker.selectorLabels },
      podMetricsEndpoints: [{ port: 'metrics', path: '/metrics', scheme: 'http' }],
    });
    expect(containerOf(oneOf(docs, 'Deployment')).ports).toEqual([{ name: 'metrics', containerPort: 9090, protocol: 'TCP' }]);
    expect(oneOf(docs, 'NetworkPolicy').spec.ingress).toEqual([SCRAPE_RULE]);
    expect(findings(docs)).toEqual([]);
    expect(allSchemaErrors(docs)).toEqual([]);
  });

  test('a StatefulService: the client Service carries the metrics port, the headless one does not, so each pod is scraped once', () => {
    // GIVEN
    const chart = shopChart();
    // WHEN
    const kv = new StatefulService(chart, 'kv', { image: 'ghcr.io/acme/kv:7.2.4', port: 6379, storage: { size: Size.gibibytes(1) }, metrics: { port: 9121 } });
    kv.allowFrom(new Worker(chart, 'orders', { image: IMAGE, ...EXEC }));
    const docs = Testing.synth(chart).filter((d) => d.metadata.name.startsWith('kv'));
    // THEN
    const [client, headless] = byKind(docs, 'Service');
    expect(client.spec.ports.map((p: any) => p.name)).toEqual(['tcp', 'metrics']);
    expect(headless.spec.ports.map((p: any) => p.name)).toEqual(['tcp']);
    expect(oneOf(docs, 'ServiceMonitor').spec.endpoints).toEqual([{ port: 'metrics', path: '/metrics', scheme: 'http' }]);
    expect(kv.monitor?.kind).toBe('ServiceMonitor');
    expect(findings(docs)).toEqual([]);
    expect(allSchemaErrors(docs)).toEqual([]);
  });

  test('a CanaryRelease: one ServiceMonitor over the two track Services (the release Service has no metrics port)', () => {
    // GIVEN
    const chart = shopChart();
    // WHEN
    const release = new CanaryRelease(chart, 'orders', {
      stable: { image: IMAGE }, canary: { image: 'ghcr.io/acme/orders:1.5.0', weight: 25 }, metrics: { port: 9090 },
    });
    release.allowFrom(new WebService(chart, 'storefront', { image: 'ghcr.io/acme/storefront:2.0.1' }));
    const docs = Testing.synth(chart).filter((d) => d.metadata.name.startsWith('orders'));
    // THEN
    const services = Object.fromEntries(byKind(docs, 'Service').map((s) => [s.metadata.name, s]));
    expect(services.orders.spec.ports.map((p: any) => p.name)).toEqual(['http']);
    expect(services['orders-stable'].spec.ports.map((p: any) => p.name)).toEqual(['http', 'metrics']);
    expect(services['orders-canary'].spec.ports.map((p: any) => p.name)).toEqual(['http', 'metrics']);
    const monitor = oneOf(docs, 'ServiceMonitor');
    expect(release.monitor).toBeDefined();
    expect(monitor.metadata.name).toBe('orders');
    expect(monitor.spec.selector).toEqual({
      matchLabels: { 'app.kubernetes.io/name': 'orders' },
      matchExpressions: [{ key: 'track', operator: 'Exists' }],
    });
    // The selector matches exactly the track Services: each pod is behind one of them.
    const selected = byKind(docs, 'Service').filter((s) => s.metadata.labels['app.kubernetes.io/name'] === 'orders' && s.metadata.labels.track !== undefined);
    expect(selected.map((s) => s.metadata.name)).toEqual(['orders-stable', 'orders-canary']);
    for (const policy of byKind(docs, 'NetworkPolicy')) {
      expect(policy.spec.ingress).toContainEqual(SCRAPE_RULE);
    }
    expect(findings(docs)).toEqual([]);
    expect(allSchemaErrors(docs)).toEqual([]);
  });
});

describe('metrics refuses bad input at the construct', () => {
  const PORT_FIX = 'set metrics.port to a whole number from 1 to 65535';
  test.each<[string, (chart: Chart) => void, string]>([
    ['no monitoring declared', (c) => new InternalApi(c, 'orders', { image: IMAGE, metrics: { port: 9090 } }),
      "[shop/orders] metrics: no NetworkPolicy would let Prometheus reach the port: the platform declares no monitoring namespace, got {\"port\":9090}; declare where Prometheus runs, once: PlatformDefaults.set(app, { monitoring: { namespace: 'monitoring' } })"],
    ['the app\'s port', (c) => new InternalApi(c, 'orders', { image: IMAGE, port: 9090, metrics: { port: 9090 } }),
      "[shop/orders] metrics.port: must differ from the app's port (the metrics port is let in from the monitoring namespace only), got 9090; serve metrics on a port of their own, such as 9090"],
    ['the Service port', (c) => new InternalApi(c, 'orders', { image: IMAGE, metrics: { port: 80 } }),
      '[shop/orders] metrics.port: is also the Service port of the app, got 80; serve metrics on another port, or change servicePort'],
    ['a port out of range', (c) => new InternalApi(c, 'orders', { image: IMAGE, metrics: { port: 70000 } }),
      `[shop/orders] metrics.port: must be a whole number from 1 to 65535, got 70000; ${PORT_FIX}`],
    ['an app port named metrics', (c) => new InternalApi(c, 'orders', { image: IMAGE, portName: 'metrics', metrics: { port: 9090 } }),
      "[shop/orders] portName: is the name of the metrics port ('metrics'), got 'metrics'; name the app's port otherwise, such as 'http'"],
    ['a relative path', (c) => new InternalApi(c, 'orders', { image: IMAGE, metrics: { port: 9090, path: 'metrics' } }),
      "[shop/orders] metrics.path: must be an absolute URL path without query, fragment, spaces or dot segments, got 'metrics'; use a path such as '/metrics'"],
    ['a path with a query', (c) => new InternalApi(c, 'orders', { image: IMAGE, metrics: { port: 9090, path: '/metrics?x=1' } }),
      "[shop/orders] metrics.path: must be an absolute URL path without query, fragment, spaces or dot segments, got '/metrics?x=1'; use a path such as '/metrics'"],
    ['a path with a dot segment', (c) => new InternalApi(c, 'orders', { image: IMAGE, metrics: { port: 9090, path: '/a/../metrics' } }),
      "[shop/orders] metrics.path: must be an absolute URL path without query, fragment, spaces or dot segments, got '/a/../metrics'; use a path such as '/metrics'"],
    ['a null path', (c) => new InternalApi(c, 'orders', { image: IMAGE, metrics: { port: 9090, path: null as any } }),
      "[shop/orders] metrics.path: must be an absolute URL path without query, fragment, spaces or dot segments, got null; use a path such as '/metrics'"],
    ['no object', (c) => new InternalApi(c, 'orders', { image: IMAGE, metrics: 9090 as any }),
      "[shop/orders] metrics: must be the metrics endpoint, got 9090; pass { port: 9090 } or { port: 9090, path: '/metrics' }"],
    ['a ScheduledJob', (c) => new ScheduledJob(c, 'reports', { image: IMAGE, schedule: '@daily', metrics: { port: 9090 } }),
      "[shop/reports] metrics: does not apply to pods that run to completion: Prometheus may never scrape a pod that ends between two scrapes, got 9090; push the job's metrics to a Prometheus Pushgateway (allowTo it), or leave metrics out"],
    ['a MigrationJob', (c) => new MigrationJob(c, 'migrate', {
      image: IMAGE, command: ['/migrate'], before: [new InternalApi(c, 'orders', { image: IMAGE })], metrics: { port: 9090 },
    }),
    "[shop/migrate] metrics: does not apply to pods that run to completion: Prometheus may never scrape a pod that ends between two scrapes, got 9090; push the job's metrics to a Prometheus Pushgateway (allowTo it), or leave metrics out"],
  ])('%s', (_name, build, message) => {
    // GIVEN a platform that declares monitoring (or, for the first case, none)
    const chart = shopChart(_name === 'no monitoring declared' ? 'none' : { namespace: 'monitoring' });
    // WHEN / THEN
    expect(() => build(chart)).toThrow(new Error(message));
  });

  test('a sidecar on the metrics port, or with a port named metrics', () => {
    const chart = shopChart({ namespace: 'monitoring' });
    expect(() => new InternalApi(chart, 'orders', {
      image: IMAGE, metrics: { port: 9090 }, sidecars: [{ name: 'proxy', image: 'ghcr.io/acme/proxy:1.0.0', port: 9090 }],
    })).toThrow(new Error(
      '[shop/orders] sidecars[0].port: is already the port of the app container (`metrics.port`): the containers of a pod share its network, got 9090; use another port'));
    expect(() => new InternalApi(chart, 'billing', {
      image: IMAGE, metrics: { port: 9090 }, sidecars: [{ name: 'exporter', image: 'ghcr.io/acme/exporter:1.0.0', port: 9100, portName: 'metrics' }],
    })).toThrow(new Error(
      "[shop/billing] sidecars[0].portName: is already the port name of the app container (`metrics`), got 'metrics'; use another port name"));
  });

  test('a scrape annotation of the user\'s that metrics would contradict', () => {
    const chart = shopChart({ namespace: 'monitoring' });
    expect(() => new InternalApi(chart, 'orders', { image: IMAGE, metrics: { port: 9090 }, podAnnotations: { 'prometheus.io/port': '8080' } })).toThrow(new Error(
      "[shop/orders] podAnnotations.prometheus.io/port: is written by `metrics`, got '8080'; leave the prometheus.io annotations out of podAnnotations"));
  });

  test('the same scrape annotations are the user\'s to write under the Prometheus Operator', () => {
    const chart = shopChart();
    new Worker(chart, 'mailer', { image: IMAGE, ...EXEC, metrics: { port: 9090 }, podAnnotations: { 'prometheus.io/scrape': 'false' } });
    expect(oneOf(Testing.synth(chart), 'Deployment').spec.template.metadata.annotations).toEqual({ 'prometheus.io/scrape': 'false' });
  });

  test('two monitors of the same name in one namespace are refused', () => {
    // GIVEN two charts of one namespace, each with a workload `orders`
    const app = new App();
    PlatformDefaults.set(app, { monitoring: OPERATOR });
    new Worker(new Chart(app, 'a', { namespace: 'shop' }), 'orders', { image: IMAGE, ...EXEC, metrics: { port: 9090 } });
    new Worker(new Chart(app, 'b', { namespace: 'shop' }), 'orders', { image: IMAGE, ...EXEC, metrics: { port: 9090 } });
    // WHEN / THEN
    expect(() => app.synth()).toThrow(/PodMonitor 'orders' in namespace 'shop' is also emitted by b\/orders\/Workload\/PodMonitor/);
  });
});
