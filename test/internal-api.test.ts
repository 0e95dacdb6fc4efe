import { Testing } from 'cdk8s';
import { ApiProtocol, HealthCheck, InternalApi, InternalApiProps, WebService } from '../src';
import { containerOf, namespacedChart, oneOf } from './util/manifests';
import { allSchemaErrors } from './util/schema';
import { checkManifests } from '../src/guardrails/engine';

const IMAGE = 'ghcr.io/acme/orders:1.4.2';

/** An InternalApi with one caller, so that its policy admits something. */
function synth(props: Partial<InternalApiProps> = {}): any[] {
  const chart = namespacedChart();
  const api = new InternalApi(chart, 'orders', { image: IMAGE, ...props });
  const web = new WebService(chart, 'storefront', { image: 'ghcr.io/acme/storefront:2.0.1' });
  api.allowFrom(web);
  return Testing.synth(chart).filter((d) => d.metadata.name === 'orders');
}

function findings(docs: any[]): string[] {
  return checkManifests(docs).map((f) => `${f.rule} ${f.kind}/${f.name}: ${f.message}`);
}

describe('InternalApi', () => {
  test('is the same hardened workload as WebService, with component api and no public exposure', () => {
    // GIVEN / WHEN
    const docs = synth();
    // THEN
    expect(docs).toMatchSnapshot();
    expect(docs.map((d) => d.kind)).toEqual(['ServiceAccount', 'Deployment', 'Service', 'PodDisruptionBudget', 'NetworkPolicy']);
    expect(docs.every((d) => d.metadata.labels['app.kubernetes.io/component'] === 'api')).toBe(true);
    const service = oneOf(docs, 'Service');
    expect(service.spec.type).toBe('ClusterIP');
    expect(service.spec.clusterIP).toBeUndefined();
    expect(service.spec.ports).toEqual([{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP', appProtocol: 'http' }]);
    const container = containerOf(oneOf(docs, 'Deployment'));
    expect(container.securityContext.readOnlyRootFilesystem).toBe(true);
    expect(container.readinessProbe.httpGet).toEqual({ path: '/readyz', port: 'http' });
  });

  test('a gRPC API gets gRPC probes on its port number, a TCP liveness check, and appProtocol grpc', () => {
    // GIVEN / WHEN
    const docs = synth({ protocol: ApiProtocol.GRPC, port: 9090 });
    // THEN
    const container = containerOf(oneOf(docs, 'Deployment'));
    expect(container.ports).toEqual([{ name: 'grpc', containerPort: 9090, protocol: 'TCP' }]);
    expect(container.startupProbe.grpc).toEqual({ port: 9090 });
    expect(container.readinessProbe.grpc).toEqual({ port: 9090 });
    expect(container.livenessProbe.tcpSocket).toEqual({ port: 'grpc' });
    expect(oneOf(docs, 'Service').spec.ports[0]).toMatchObject({ name: 'grpc', targetPort: 'grpc', appProtocol: 'grpc' });
    expect(findings(docs)).toEqual([]);
  });

  test('a raw TCP API gets TCP connect probes on its named port, port name tcp and no appProtocol', () => {
    // GIVEN / WHEN
    const docs = synth({ protocol: ApiProtocol.TCP, port: 6379 });
    // THEN
    const deployment = oneOf(docs, 'Deployment');
    const container = containerOf(deployment);
    expect(container.ports).toEqual([{ name: 'tcp', containerPort: 6379, protocol: 'TCP' }]);
    expect(container.startupProbe).toEqual({ tcpSocket: { port: 'tcp' }, periodSeconds: 2, timeoutSeconds: 1, failureThreshold: 60 });
    expect(container.readinessProbe).toEqual({ tcpSocket: { port: 'tcp' }, periodSeconds: 5, timeoutSeconds: 2, failureThreshold: 2 });
    expect(container.livenessProbe).toEqual({ tcpSocket: { port: 'tcp' }, periodSeconds: 10, timeoutSeconds: 2, failureThreshold: 3 });
    expect(oneOf(docs, 'Service').spec.ports).toEqual([{ name: 'tcp', port: 80, targetPort: 'tcp', protocol: 'TCP' }]);
    // the one check that fits any TCP server is acknowledged, with the way to remove it
    expect(deployment.metadata.annotations['ack.cdk8s-golden.io/probes-identical']).toBe(
      'a raw TCP server has one check that fits any server, a TCP connect, used for readiness and liveness; a readinessProbe that checks its dependencies removes this');
    expect(findings(docs)).toEqual([]);
  });

  test('a raw TCP API with its own readiness check needs no acknowledgement', () => {
    // GIVEN / WHEN
    const docs = synth({ protocol: ApiProtocol.TCP, port: 6379, readinessProbe: HealthCheck.exec(['redis-cli', 'ping']) });
    // THEN
    const deployment = oneOf(docs, 'Deployment');
    expect(deployment.metadata.annotations?.['ack.cdk8s-golden.io/probes-identical']).toBeUndefined();
    expect(containerOf(deployment).livenessProbe.tcpSocket).toEqual({ port: 'tcp' });
    expect(findings(docs)).toEqual([]);
  });

  test('a raw TCP API with the same readiness and liveness check given by hand is refused', () => {
    // GIVEN / WHEN / THEN
    expect(() => synth({ protocol: ApiProtocol.TCP, livenessProbe: HealthCheck.tcpSocket() })).toThrow(
      "[shop/orders] livenessProbe: must not be the same check as the readiness probe (a slow pod would be restarted instead of taken out of rotation), got 'tcpSocket on port tcp'; check a different thing, such as HealthCheck.httpGet('/healthz') for liveness and '/readyz' for readiness");
  });

  test('h2c sets the kubernetes.io/h2c appProtocol; a headless Service has no cluster IP', () => {
    const docs = synth({ protocol: ApiProtocol.H2C, headless: true });
    const service = oneOf(docs, 'Service');
    expect(service.spec.clusterIP).toBe('None');
    expect(service.spec.ports[0]).toMatchObject({ name: 'http2', appProtocol: 'kubernetes.io/h2c' });
  });

  const options: Array<[string, Partial<InternalApiProps>]> = [
    ['default props', {}],
    ['gRPC', { protocol: ApiProtocol.GRPC }],
    ['gRPC with a named health service', { protocol: ApiProtocol.GRPC, readinessProbe: HealthCheck.grpc('orders.v1.Orders') }],
    ['h2c', { protocol: ApiProtocol.H2C }],
    ['a headless Service', { headless: true }],
    ['autoscaling', { autoscaling: { maxReplicas: 5 } }],
  ];

  test.each(options)('with %s the output passes every guardrail rule and the 1.30 schema', (_name, props) => {
    const docs = synth(props);
    expect(findings(docs)).toEqual([]);
    expect(allSchemaErrors(docs)).toEqual([]);
  });

  test('refuses an unknown protocol and a non-boolean headless', () => {
    const chart = namespacedChart();
    expect(() => new InternalApi(chart, 'a', { image: IMAGE, protocol: 'grpc' as any })).toThrow(
      "[shop/a] protocol: must be an ApiProtocol, got 'grpc'; use ApiProtocol.HTTP, ApiProtocol.H2C, ApiProtocol.GRPC or ApiProtocol.TCP");
    expect(() => new InternalApi(chart, 'b', { image: IMAGE, headless: 'yes' as any })).toThrow(
      "[shop/b] headless: must be true or false, got 'yes'; pass a boolean");
  });

  test('refuses at synth an API that no peer may call', () => {
    const chart = namespacedChart();
    new InternalApi(chart, 'orders', { image: IMAGE });
    expect(() => Testing.synth(chart)).toThrow(
      "[shop/orders] allowFrom: nothing may reach the pods: their NetworkPolicy denies all ingress, got 'no peers'; declare the clients with orders.allowFrom(...) (a golden workload, NetworkPeer.pods(labels) or NetworkPeer.namespace(name))");
  });
});
