import { hpaReplicas } from '../../../src/guardrails/rules/hpa-replicas';
import { byKind, hpa, messagesOf, referenceManifests, scaledObject } from '../helpers';

describe('hpa-replicas', () => {
  test('compliant: replicas left to the autoscaler', () => {
    // GIVEN replicas left to the autoscaler
    const manifests = [...referenceManifests(), hpa()];
    delete byKind(manifests, 'Deployment').spec.replicas;
    // WHEN the rule runs
    const messages = messagesOf(hpaReplicas, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });

  test('non-compliant: replicas set under an autoscaler', () => {
    // GIVEN replicas set under an autoscaler
    const manifests = [...referenceManifests(), hpa()];
    // WHEN the rule runs
    const messages = messagesOf(hpaReplicas, manifests);
    // THEN the rule names the field and the value
    expect(messages).toEqual(['spec.replicas is 3, but HorizontalPodAutoscaler storefront scales this Deployment']);
  });

  test('non-compliant: replicas set under a KEDA ScaledObject (KEDA creates the autoscaler in the cluster)', () => {
    // GIVEN replicas set under a ScaledObject whose target kind is KEDA's default, Deployment
    const manifests = [...referenceManifests(), scaledObject()];
    // WHEN the rule runs
    const messages = messagesOf(hpaReplicas, manifests);
    // THEN the rule names the ScaledObject
    expect(messages).toEqual(['spec.replicas is 3, but ScaledObject storefront scales this Deployment']);
  });

  test('not applicable: no autoscaler', () => {
    // GIVEN no autoscaler
    const manifests = referenceManifests();
    // WHEN the rule runs
    const messages = messagesOf(hpaReplicas, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });
});
