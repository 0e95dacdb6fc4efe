import { Duration, Testing } from 'cdk8s';
import * as k8s from 'cdk8s-plus-30/lib/imports/k8s';
import { Construct } from 'constructs';
import { ApiProtocol, ApiResource, HealthCheck } from '../../src';
import { checkGrant } from '../../src/rbac/grants';
import { Workload, WorkloadRole } from '../../src/workload/workload';
import { namespacedChart } from '../util/manifests';

const IMAGE = 'ghcr.io/acme/orders:1.4.2';
const FROM_MONITORING: k8s.NetworkPolicyPeer = { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } };
const WEB: WorkloadRole = { component: 'web', protocol: ApiProtocol.HTTP };

describe('Workload, the core every golden construct is made of', () => {
  test('is a construct under its owner, its objects are its children, named after the owner, with the role it is given', () => {
    // GIVEN
    const chart = namespacedChart('orders');
    const owner = new Construct(chart, 'orders');
    // WHEN
    const workload = new Workload(owner, { image: IMAGE }, { component: 'api', protocol: ApiProtocol.GRPC, headless: true });
    workload.allowIngressFrom(FROM_MONITORING);
    workload.allowIngressFrom(FROM_MONITORING);
    const docs = Testing.synth(chart);
    // THEN
    expect(workload.node.path).toBe('orders/orders/Workload');
    expect(workload.objects().map((o) => o.node.path)).toEqual([
      'orders/orders/Workload/ServiceAccount', 'orders/orders/Workload/Deployment', 'orders/orders/Workload/Service',
      'orders/orders/Workload/PodDisruptionBudget', 'orders/orders/Workload/NetworkPolicy',
    ]);
    expect(docs.map((d) => d.metadata.name)).toEqual(['orders', 'orders', 'orders', 'orders', 'orders']);
    expect(docs.every((d) => d.metadata.labels['app.kubernetes.io/component'] === 'api')).toBe(true);
    const policy = docs.find((d) => d.kind === 'NetworkPolicy');
    expect(policy.spec.ingress).toEqual([{ from: [FROM_MONITORING], ports: [{ port: 'grpc', protocol: 'TCP' }] }]);
    const service = docs.find((d) => d.kind === 'Service');
    expect(service.spec.clusterIP).toBe('None');
    expect(service.spec.ports[0]).toMatchObject({ name: 'grpc', appProtocol: 'grpc', targetPort: 'grpc' });
  });

  test('refuses at synth a workload that nothing may reach', () => {
    // GIVEN
    const chart = namespacedChart('orders');
    new Workload(new Construct(chart, 'orders'), { image: IMAGE }, WEB);
    // WHEN / THEN
    expect(() => Testing.synth(chart)).toThrow(
      "[orders/orders] allowFrom: nothing may reach the pods: their NetworkPolicy denies all ingress, got 'no peers'; declare the clients with orders.allowFrom(...) (a golden workload, NetworkPeer.pods(labels) or NetworkPeer.namespace(name))");
  });

  test('a grant creates the Role and RoleBinding once and mounts a projected, short-lived API token', () => {
    // GIVEN
    const chart = namespacedChart('orders');
    const owner = new Construct(chart, 'orders');
    const workload = new Workload(owner, { image: IMAGE }, WEB);
    workload.allowIngressFrom(FROM_MONITORING);
    new k8s.KubeConfigMap(owner, 'MadeByTheOwner', { metadata: { name: 'after-the-core' } });
    // WHEN
    const grant = checkGrant(owner, 'grantRead', ApiResource.CONFIG_MAPS, { names: ['flags'] });
    workload.grant(grant);
    workload.grant(grant);
    const docs = Testing.synth(chart);
    // THEN the late objects are the owner's, so they follow what the owner made after the core
    expect(docs.map((d) => d.kind).slice(-3)).toEqual(['ConfigMap', 'Role', 'RoleBinding']);
    expect([workload.role!.node.path, workload.roleBinding!.node.path]).toEqual(['orders/orders/Role', 'orders/orders/RoleBinding']);
    const role = docs.find((d) => d.kind === 'Role');
    expect(role.rules).toEqual([{ apiGroups: [''], resources: ['configmaps'], resourceNames: ['flags'], verbs: ['get'] }]);
    const binding = docs.find((d) => d.kind === 'RoleBinding');
    expect(binding.subjects).toEqual([{ kind: 'ServiceAccount', name: 'orders', namespace: 'orders' }]);
    expect(binding.roleRef).toEqual({ apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'orders' });
    const pod = docs.find((d) => d.kind === 'Deployment').spec.template.spec;
    expect(pod.automountServiceAccountToken).toBe(false);
    expect(pod.volumes.map((v: any) => v.name)).toEqual(['tmp', 'kube-api-access']);
    expect(pod.volumes[1].projected.sources[0]).toEqual({ serviceAccountToken: { path: 'token', expirationSeconds: 3607 } });
    expect(pod.containers[0].volumeMounts).toContainEqual({ name: 'kube-api-access', mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', readOnly: true });
  });

  test.each([
    ['an overridden liveness check', { livenessProbe: HealthCheck.httpGet('/live', { period: Duration.seconds(20), failureThreshold: 5 }) }, { httpGet: { path: '/live', port: 'http' } }],
    ['overridden readiness and liveness checks', { readinessProbe: HealthCheck.httpGet('/ready'), livenessProbe: HealthCheck.exec(['/bin/alive']) }, { exec: { command: ['/bin/alive'] } }],
    ['only an overridden readiness check', { readinessProbe: HealthCheck.tcpSocket({ period: Duration.seconds(3) }) }, { tcpSocket: { port: 'http' } }],
  ])('with %s, the startup probe checks what liveness will, with the startup timings', (_, props, handler) => {
    // GIVEN
    const chart = namespacedChart('orders');
    const owner = new Construct(chart, 'orders');
    // WHEN
    const workload = new Workload(owner, { image: IMAGE, ...props }, WEB);
    workload.allowIngressFrom(FROM_MONITORING);
    // THEN
    const container = Testing.synth(chart).find((d) => d.kind === 'Deployment').spec.template.spec.containers[0];
    expect(container.startupProbe).toEqual({ ...handler, periodSeconds: 2, timeoutSeconds: 1, failureThreshold: 60 });
  });

  test('a bad liveness check that the startup probe follows is reported as the liveness probe', () => {
    // GIVEN
    const owner = new Construct(namespacedChart('orders'), 'orders');
    // WHEN / THEN
    expect(() => new Workload(owner, { image: IMAGE, livenessProbe: HealthCheck.httpGet('') }, WEB)).toThrow(new Error(
      "[orders/orders] livenessProbe.path: must be an absolute HTTP path without spaces, got ''; start it with '/', such as '/readyz'"));
  });

  test('an explicit startup check wins over the overridden liveness check', () => {
    // GIVEN
    const chart = namespacedChart('orders');
    const owner = new Construct(chart, 'orders');
    // WHEN
    const workload = new Workload(owner, {
      image: IMAGE, livenessProbe: HealthCheck.httpGet('/live'), startupProbe: HealthCheck.httpGet('/started'),
    }, WEB);
    workload.allowIngressFrom(FROM_MONITORING);
    // THEN
    const container = Testing.synth(chart).find((d) => d.kind === 'Deployment').spec.template.spec.containers[0];
    expect(container.startupProbe.httpGet).toEqual({ path: '/started', port: 'http' });
  });

  test('lists the optional objects when asked for them', () => {
    // GIVEN
    const owner = new Construct(namespacedChart(), 'web');
    // WHEN
    const workload = new Workload(owner, { image: IMAGE, autoscaling: { maxReplicas: 4 }, config: { 'a.txt': 'a' } }, WEB);
    // THEN
    expect(workload.objects().map((o) => o.kind)).toEqual([
      'ServiceAccount', 'ConfigMap', 'Deployment', 'Service', 'PodDisruptionBudget', 'NetworkPolicy', 'HorizontalPodAutoscaler',
    ]);
    expect(workload.replicas).toBeUndefined();
  });

  test('metadata() merges the workload annotations with the object-specific ones, and can rename', () => {
    // GIVEN
    const owner = new Construct(namespacedChart(), 'web');
    const workload = new Workload(owner, { image: IMAGE, annotations: { 'acme.com/owner': 'shop' } }, WEB);
    // WHEN
    const meta = workload.metadata({ 'cert-manager.io/issuer': 'x' }, 'web-extra');
    // THEN
    expect(meta).toEqual({
      name: 'web-extra',
      labels: workload.labels,
      annotations: { 'acme.com/owner': 'shop', 'cert-manager.io/issuer': 'x' },
    });
    expect(workload.metadata().annotations).toEqual({ 'acme.com/owner': 'shop' });
  });

  test('refuses props that are not an object, at the owner', () => {
    const owner = new Construct(namespacedChart(), 'web');
    expect(() => new Workload(owner, undefined as any, WEB)).toThrow(
      '[shop/web] props: must be an object, got undefined; pass at least { image }');
  });

  test('refuses a config mount path on /tmp, which the writable scratch volume owns', () => {
    const owner = new Construct(namespacedChart(), 'web');
    expect(() => new Workload(owner, { image: IMAGE, config: { a: 'b' }, configMountPath: '/tmp/' }, WEB)).toThrow(
      "[shop/web] configMountPath: must be an absolute path other than / and /tmp, got '/tmp/'; use a path such as '/config'");
  });

  test('refuses a version that cannot be a label value', () => {
    const owner = new Construct(namespacedChart(), 'web');
    expect(() => new Workload(owner, { image: IMAGE, version: 'v1 beta' }, WEB)).toThrow(
      "[shop/web] version: must be a label value, got 'v1 beta'; use at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit");
  });
});
