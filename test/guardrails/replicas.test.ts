import { byKind, hpa, referenceManifests, scaledObject } from './helpers';
import { buildContext } from '../../src/guardrails/context';
import { maximumReplicas, minimumReplicas } from '../../src/guardrails/replicas';

describe('replicas of a replicated workload', () => {
  test('spec.replicas when set', () => {
    // GIVEN the reference Deployment (3 replicas)
    const manifests = referenceManifests();
    const deployment = byKind(manifests, 'Deployment');
    // WHEN / THEN
    expect(minimumReplicas(deployment, buildContext(manifests))).toBe(3);
    expect(maximumReplicas(deployment, buildContext(manifests))).toBe(3);
  });

  test('an HPA: its minReplicas and maxReplicas', () => {
    // GIVEN replicas left to an HPA
    const manifests = [...referenceManifests(), hpa('storefront', 2, 7)];
    const deployment = byKind(manifests, 'Deployment');
    delete deployment.spec.replicas;
    // WHEN / THEN
    expect(minimumReplicas(deployment, buildContext(manifests))).toBe(2);
    expect(maximumReplicas(deployment, buildContext(manifests))).toBe(7);
  });

  test('a KEDA ScaledObject: its minReplicaCount (KEDA\'s default 0) and maxReplicaCount', () => {
    // GIVEN replicas left to a ScaledObject, with and without minReplicaCount
    const unset = [...referenceManifests(), scaledObject()];
    const two = [...referenceManifests(), scaledObject('storefront', 2)];
    for (const manifests of [unset, two]) {
      delete byKind(manifests, 'Deployment').spec.replicas;
    }
    // WHEN / THEN
    expect(minimumReplicas(byKind(unset, 'Deployment'), buildContext(unset))).toBe(0);
    expect(minimumReplicas(byKind(two, 'Deployment'), buildContext(two))).toBe(2);
    expect(maximumReplicas(byKind(two, 'Deployment'), buildContext(two))).toBe(10);
  });

  test('a ScaledObject of another API group is not KEDA\'s', () => {
    // GIVEN an object of kind ScaledObject that KEDA does not own
    const manifests = [...referenceManifests(), { ...scaledObject(), apiVersion: 'example.com/v1' }];
    const deployment = byKind(manifests, 'Deployment');
    delete deployment.spec.replicas;
    // WHEN / THEN: the API default, 1
    expect(minimumReplicas(deployment, buildContext(manifests))).toBe(1);
  });
});
