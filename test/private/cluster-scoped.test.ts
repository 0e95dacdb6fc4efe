import { ApiObject, Chart, Testing } from 'cdk8s';
import * as k8s from 'cdk8s-plus-30/lib/imports/k8s';
import { clusterScoped } from '../../src/private/cluster-scoped';

function byKind(manifests: any[], kind: string): any[] {
  return manifests.filter((m) => m.kind === kind);
}

describe('clusterScoped', () => {
  test('takes the chart namespace off a cluster-scoped object, and only off it', () => {
    // GIVEN
    const chart = new Chart(Testing.app(), 'shop', { namespace: 'shop' });
    new k8s.KubeConfigMap(chart, 'config', { data: { a: 'b' } });
    // WHEN
    clusterScoped(new k8s.KubeNamespace(chart, 'namespace', { metadata: { name: 'shop' } }));
    clusterScoped(new k8s.KubeClusterRole(chart, 'reader', { rules: [] }));
    // THEN
    const manifests = Testing.synth(chart);
    expect(byKind(manifests, 'Namespace')[0].metadata).toEqual({ name: 'shop' });
    expect(byKind(manifests, 'ClusterRole')[0].metadata.namespace).toBeUndefined();
    expect(byKind(manifests, 'ConfigMap')[0].metadata.namespace).toBe('shop');
  });

  test('leaves the namespace readable on the construct, only the manifest loses it', () => {
    // GIVEN
    const chart = new Chart(Testing.app(), 'shop', { namespace: 'shop' });
    const namespace = new k8s.KubeNamespace(chart, 'namespace', { metadata: { name: 'shop' } });
    // WHEN
    clusterScoped(namespace);
    // THEN
    expect(namespace.metadata.namespace).toBe('shop');
    expect(namespace.toJson().metadata).toEqual({ name: 'shop' });
  });

  test('takes off a namespace the object was given itself, in a chart with a namespace', () => {
    // GIVEN
    const chart = new Chart(Testing.app(), 'shop', { namespace: 'shop' });
    // WHEN
    clusterScoped(new k8s.KubeClusterRole(chart, 'reader', { metadata: { name: 'reader', namespace: 'other' }, rules: [] }));
    // THEN
    expect(Testing.synth(chart)[0].metadata).toEqual({ name: 'reader' });
  });

  test('returns the object it was given', () => {
    // GIVEN
    const chart = Testing.chart();
    const namespace = new k8s.KubeNamespace(chart, 'namespace');
    // WHEN
    const result = clusterScoped(namespace);
    // THEN
    expect(result).toBe(namespace);
  });

  test('without a chart namespace, the object is written as it is', () => {
    // GIVEN
    const chart = Testing.chart();
    // WHEN
    clusterScoped(new k8s.KubeNamespace(chart, 'namespace', { metadata: { name: 'shop' } }));
    // THEN
    expect(Testing.synth(chart)).toEqual([{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } }]);
  });

  test('without a chart namespace, keeps a namespace the object was given itself', () => {
    // GIVEN
    const chart = Testing.chart();
    // WHEN
    clusterScoped(new ApiObject(chart, 'odd', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop', namespace: 'kept' } }));
    // THEN
    expect(Testing.synth(chart)[0].metadata).toEqual({ name: 'shop', namespace: 'kept' });
  });

  test('follows the closest chart: a namespaced chart inside one without', () => {
    // GIVEN
    const outer = Testing.chart();
    const inner = new Chart(outer, 'inner', { namespace: 'shop' });
    // WHEN
    clusterScoped(new k8s.KubeNamespace(inner, 'namespace', { metadata: { name: 'shop' } }));
    // THEN
    expect(Testing.synth(inner)[0].metadata).toEqual({ name: 'shop' });
  });
});
