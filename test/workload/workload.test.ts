import { Testing } from 'cdk8s';
import { k8s } from 'cdk8s-plus-30';
import { Construct } from 'constructs';
import { Workload } from '../../src/workload/workload';
import { namespacedChart } from '../util/manifests';

const IMAGE = 'ghcr.io/acme/orders:1.4.2';
const FROM_MONITORING: k8s.NetworkPolicyPeer = { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } };

describe('Workload, the core every golden construct is made of', () => {
  test('creates its objects as children of the owner, named after the workload, with the role it is given', () => {
    // GIVEN
    const chart = namespacedChart('orders');
    const owner = new Construct(chart, 'orders');
    // WHEN
    const workload = new Workload(owner, 'orders', { image: IMAGE }, { component: 'api', ingressFrom: [FROM_MONITORING] });
    const docs = Testing.synth(chart);
    // THEN
    expect(workload.objects().map((o) => o.node.path)).toEqual([
      'orders/orders/ServiceAccount', 'orders/orders/Deployment', 'orders/orders/Service',
      'orders/orders/PodDisruptionBudget', 'orders/orders/NetworkPolicy',
    ]);
    expect(docs.every((d) => d.metadata.labels['app.kubernetes.io/component'] === 'api')).toBe(true);
    const policy = docs.find((d) => d.kind === 'NetworkPolicy');
    expect(policy.spec.ingress[0].from).toEqual([FROM_MONITORING]);
  });

  test('lists the optional objects when asked for them', () => {
    // GIVEN
    const owner = new Construct(namespacedChart(), 'web');
    // WHEN
    const workload = new Workload(owner, 'web', { image: IMAGE, autoscaling: { maxReplicas: 4 }, config: { 'a.txt': 'a' } }, { component: 'web', ingressFrom: [] });
    // THEN
    expect(workload.objects().map((o) => o.kind)).toEqual([
      'ServiceAccount', 'ConfigMap', 'Deployment', 'Service', 'PodDisruptionBudget', 'NetworkPolicy', 'HorizontalPodAutoscaler',
    ]);
    expect(workload.replicas).toBeUndefined();
  });

  test('metadata() merges the workload annotations with the object-specific ones, and can rename', () => {
    // GIVEN
    const owner = new Construct(namespacedChart(), 'web');
    const workload = new Workload(owner, 'web', { image: IMAGE, annotations: { 'acme.com/owner': 'shop' } }, { component: 'web', ingressFrom: [] });
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
    expect(() => new Workload(owner, 'web', undefined as any, { component: 'web', ingressFrom: [] })).toThrow(
      '[shop/web] props: must be an object, got undefined; pass at least { image }');
  });

  test('refuses a config mount path on /tmp, which the writable scratch volume owns', () => {
    const owner = new Construct(namespacedChart(), 'web');
    expect(() => new Workload(owner, 'web', { image: IMAGE, config: { a: 'b' }, configMountPath: '/tmp/' }, { component: 'web', ingressFrom: [] })).toThrow(
      "[shop/web] configMountPath: must be an absolute path other than / and /tmp, got '/tmp/'; use a path such as '/config'");
  });

  test('refuses a version that cannot be a label value', () => {
    const owner = new Construct(namespacedChart(), 'web');
    expect(() => new Workload(owner, 'web', { image: IMAGE, version: 'v1 beta' }, { component: 'web', ingressFrom: [] })).toThrow(
      "[shop/web] version: must be a label value, got 'v1 beta'; use at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit");
  });
});
