import { hpaReplicas } from '../../../src/guardrails/rules/hpa-replicas';
import { byKind, hpa, messagesOf, referenceManifests } from '../helpers';

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

  test('not applicable: no autoscaler', () => {
    // GIVEN no autoscaler
    const manifests = referenceManifests();
    // WHEN the rule runs
    const messages = messagesOf(hpaReplicas, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });
});
