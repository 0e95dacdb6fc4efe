import { Chart, Size, Testing } from 'cdk8s';
import {
  CanaryRelease, HealthCheck, InternalApi, PlatformDefaults, ScheduledJob, ServiceType, StatefulService, WebService, Worker,
} from '../../src';
import { checkManifests } from '../../src/guardrails/engine';
import { ServiceType as OtherCopy } from '../../src/network/service-type';
import { byKind, namespacedChart, oneOf } from '../util/manifests';
import { allSchemaErrors } from '../util/schema';

const IMAGE = 'ghcr.io/acme/broker:2.0.1';
const REASON = 'MQTT clients of the partner network connect directly (NET-42)';
const PARTNERS = ServiceType.loadBalancer({
  sourceRanges: ['203.0.113.0/24', '2001:db8::/32'],
  reason: REASON,
  annotations: { 'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internal' },
});

function findings(docs: any[]): string[] {
  return checkManifests(docs).map((f) => `${f.rule} ${f.kind}/${f.name}: ${f.message}`);
}

describe('ServiceType.loadBalancer on an InternalApi', () => {
  // GIVEN
  const chart = namespacedChart();
  // WHEN
  new InternalApi(chart, 'broker', { image: IMAGE, port: 1883, serviceType: PARTNERS });
  const docs = Testing.synth(chart);

  test('a LoadBalancer Service with the source ranges, the local traffic policy and the reason as the acknowledgement', () => {
    // THEN
    const service = oneOf(docs, 'Service');
    expect(service).toMatchSnapshot();
    expect(service.spec.type).toBe('LoadBalancer');
    expect(service.spec.loadBalancerSourceRanges).toEqual(['203.0.113.0/24', '2001:db8::/32']);
    // The clients' addresses reach the pods (Cluster would rewrite them to a node's, which the ipBlocks below would drop).
    expect(service.spec.externalTrafficPolicy).toBe('Local');
    expect(service.metadata.annotations).toEqual({
      'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internal',
      'ack.cdk8s-golden.io/service-type': REASON,
    });
  });

  test('the NetworkPolicy admits the source ranges on the app port, and they count as clients', () => {
    // THEN
    const policy = oneOf(docs, 'NetworkPolicy');
    expect(policy.spec.ingress).toEqual([
      { from: [{ ipBlock: { cidr: '203.0.113.0/24' } }], ports: [{ port: 'http', protocol: 'TCP' }] },
      { from: [{ ipBlock: { cidr: '2001:db8::/32' } }], ports: [{ port: 'http', protocol: 'TCP' }] },
    ]);
    expect(policy.metadata.annotations).toBeUndefined();
  });

  test('passes every guardrail rule (service-type acknowledged) and the Kubernetes 1.30 schema', () => {
    expect(findings(docs)).toEqual([]);
    expect(allSchemaErrors(docs)).toEqual([]);
    // The acknowledgement is what makes it pass: without it the rule reports the load balancer.
    const bare = JSON.parse(JSON.stringify(docs));
    delete oneOf(bare, 'Service').metadata.annotations['ack.cdk8s-golden.io/service-type'];
    expect(findings(bare)).toEqual(["service-type Service/broker: spec.type is 'LoadBalancer', expected 'ClusterIP' or an acknowledged load balancer"]);
  });
});

describe('ServiceType on the other workloads', () => {
  test('ServiceType.CLUSTER_IP is the default, byte for byte', () => {
    const a = namespacedChart();
    new WebService(a, 'web', { image: IMAGE });
    const b = namespacedChart();
    new WebService(b, 'web', { image: IMAGE, serviceType: ServiceType.CLUSTER_IP });
    expect(Testing.synth(b)).toEqual(Testing.synth(a));
  });

  test('every address needs only the reason, which the NetworkPolicy keeps as for NetworkPeer.ipBlock', () => {
    // GIVEN
    const chart = namespacedChart();
    // WHEN
    new WebService(chart, 'web', { image: IMAGE, host: 'shop.example.com', serviceType: ServiceType.loadBalancer({ sourceRanges: ['0.0.0.0/0', '::/0'], reason: REASON }) });
    const docs = Testing.synth(chart);
    // THEN
    const policy = oneOf(docs, 'NetworkPolicy');
    expect(policy.metadata.annotations).toEqual({
      'cdk8s-golden.io/every-ipv4-address-reason': REASON,
      'cdk8s-golden.io/every-ipv6-address-reason': REASON,
    });
    expect(findings(docs)).toEqual([]);
    expect(allSchemaErrors(docs)).toEqual([]);
  });

  test('a StatefulService: the client Service is the load balancer, the headless Service stays headless', () => {
    // GIVEN
    const chart = namespacedChart();
    // WHEN
    new StatefulService(chart, 'kv', { image: IMAGE, port: 6379, storage: { size: Size.gibibytes(1) }, serviceType: PARTNERS });
    const docs = Testing.synth(chart);
    // THEN
    const [client, headless] = byKind(docs, 'Service');
    expect([client.metadata.name, client.spec.type]).toEqual(['kv', 'LoadBalancer']);
    expect([headless.metadata.name, headless.spec.type, headless.spec.clusterIP]).toEqual(['kv-headless', 'ClusterIP', 'None']);
    expect(findings(docs)).toEqual([]);
    expect(allSchemaErrors(docs)).toEqual([]);
  });

  test('a CanaryRelease: the release Service is the load balancer, both tracks admit the ranges, the track Services stay ClusterIP', () => {
    // GIVEN
    const chart = namespacedChart();
    // WHEN
    new CanaryRelease(chart, 'broker', {
      stable: { image: IMAGE }, canary: { image: 'ghcr.io/acme/broker:2.1.0', weight: 10 }, serviceType: PARTNERS,
    });
    const docs = Testing.synth(chart);
    // THEN
    expect(byKind(docs, 'Service').map((s) => `${s.metadata.name} ${s.spec.type}`)).toEqual([
      'broker-stable ClusterIP', 'broker-canary ClusterIP', 'broker LoadBalancer',
    ]);
    for (const policy of byKind(docs, 'NetworkPolicy')) {
      expect(policy.spec.ingress).toContainEqual({ from: [{ ipBlock: { cidr: '203.0.113.0/24' } }], ports: [{ port: 'http', protocol: 'TCP' }] });
    }
    expect(findings(docs)).toEqual([]);
    expect(allSchemaErrors(docs)).toEqual([]);
  });

  test('a load balancer with metrics: no metrics port on the load balancer, a PodMonitor instead of a ServiceMonitor', () => {
    // GIVEN a platform with the Prometheus Operator
    const app = Testing.app();
    PlatformDefaults.set(app, { monitoring: { namespace: 'monitoring', prometheusOperator: true } });
    const chart = new Chart(app, 'shop', { namespace: 'shop' });
    // WHEN
    new InternalApi(chart, 'broker', { image: IMAGE, serviceType: PARTNERS, metrics: { port: 9090 } });
    const docs = Testing.synth(chart);
    // THEN
    expect(oneOf(docs, 'Service').spec.ports.map((p: any) => p.name)).toEqual(['http']);
    expect(byKind(docs, 'ServiceMonitor')).toEqual([]);
    expect(oneOf(docs, 'PodMonitor').spec.podMetricsEndpoints).toEqual([{ port: 'metrics', path: '/metrics', scheme: 'http' }]);
    expect(findings(docs)).toEqual([]);
    expect(allSchemaErrors(docs)).toEqual([]);
  });

  test('a ServiceType made by another installed copy of the library is accepted', () => {
    expect(ServiceType.isServiceType(OtherCopy.CLUSTER_IP)).toBe(true);
    expect(ServiceType.isServiceType({ type: 'LoadBalancer' })).toBe(false);
  });
});

describe('ServiceType refuses bad input at the construct', () => {
  const EXEC = { readinessProbe: HealthCheck.exec(['/bin/check', 'ready']), livenessProbe: HealthCheck.exec(['/bin/check', 'alive']) };
  const lb = (sourceRanges: any, reason: any = REASON, annotations?: any) => ServiceType.loadBalancer({ sourceRanges, reason, annotations });
  const CIDR_FIX = "use a network in CIDR notation, such as '203.0.113.0/24' or '2001:db8::/32'";
  test.each<[string, (chart: Chart) => void, string]>([
    ['no reason', (c) => new InternalApi(c, 'broker', { image: IMAGE, serviceType: lb(['203.0.113.0/24'], '  ') }),
      "[shop/broker] serviceType.reason: a Service reachable from outside the cluster needs a written reason of at least 10 characters, got '  '; say why it is not behind the Ingress or Gateway, as in reason: 'MQTT clients of the partner network (ticket NET-42)'"],
    ['no source ranges', (c) => new InternalApi(c, 'broker', { image: IMAGE, serviceType: lb([]) }),
      "[shop/broker] serviceType.sourceRanges: must list the client ranges the load balancer admits, got []; pass CIDR blocks such as ['203.0.113.0/24'] (0.0.0.0/0 for every address)"],
    ['a range that is no CIDR block', (c) => new InternalApi(c, 'broker', { image: IMAGE, serviceType: lb(['203.0.113.7']) }),
      `[shop/broker] serviceType.sourceRanges[0]: must be a CIDR block, got '203.0.113.7'; ${CIDR_FIX}`],
    ['a range with host bits', (c) => new InternalApi(c, 'broker', { image: IMAGE, serviceType: lb(['203.0.113.7/24']) }),
      "[shop/broker] serviceType.sourceRanges[0]: has host bits set after the prefix, got '203.0.113.7/24'; use the network address '203.0.113.0/24'"],
    ['a range listed twice', (c) => new InternalApi(c, 'broker', { image: IMAGE, serviceType: lb(['203.0.113.0/24', '203.0.113.0/24']) }),
      "[shop/broker] serviceType.sourceRanges[1]: is listed twice, got '203.0.113.0/24'; list each range once"],
    ['an acknowledgement among the annotations', (c) => new InternalApi(c, 'broker', {
      image: IMAGE, serviceType: lb(['203.0.113.0/24'], REASON, { 'ack.cdk8s-golden.io/service-type': 'x' }),
    }),
    "[shop/broker] serviceType.annotations.ack.cdk8s-golden.io/service-type: is an acknowledgement: the load balancer's is written from `reason`, got 'ack.cdk8s-golden.io/service-type'; leave it out"],
    ['a headless Service', (c) => new InternalApi(c, 'broker', { image: IMAGE, headless: true, serviceType: PARTNERS }),
      "[shop/broker] serviceType: a headless Service (clusterIP: None) cannot be a LoadBalancer, got 'LoadBalancer'; leave out `headless`, or `serviceType`"],
    ['a Worker', (c) => new Worker(c, 'mailer', { image: IMAGE, ...EXEC, serviceType: PARTNERS }),
      "[shop/mailer] serviceType: does not apply: the pods take no connections and have no Service, got 'LoadBalancer'; leave it out"],
    ['a ScheduledJob', (c) => new ScheduledJob(c, 'reports', { image: IMAGE, schedule: '@daily', serviceType: ServiceType.CLUSTER_IP }),
      "[shop/reports] serviceType: does not apply: the pods take no connections and have no Service, got 'ClusterIP'; leave it out"],
    ['no ServiceType', (c) => new WebService(c, 'web', { image: IMAGE, serviceType: 'LoadBalancer' as any }),
      "[shop/web] serviceType: must be a ServiceType, got 'LoadBalancer'; use ServiceType.CLUSTER_IP or ServiceType.loadBalancer({ sourceRanges, reason })"],
    ['a CanaryRelease without a reason', (c) => new CanaryRelease(c, 'broker', { stable: { image: IMAGE }, serviceType: lb(['203.0.113.0/24'], 'because') }),
      "[shop/broker] serviceType.reason: a Service reachable from outside the cluster needs a written reason of at least 10 characters, got 'because'; say why it is not behind the Ingress or Gateway, as in reason: 'MQTT clients of the partner network (ticket NET-42)'"],
  ])('%s', (_name, build, message) => {
    expect(() => build(namespacedChart())).toThrow(new Error(message));
  });
});
