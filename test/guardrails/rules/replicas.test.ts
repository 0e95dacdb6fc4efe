import { replicas } from '../../../src/guardrails/rules/replicas';
import { byKind, hpa, messagesOf, referenceManifests, scaledObject } from '../helpers';

describe('replicas', () => {
  test('compliant: the reference web service', () => {
    // GIVEN the reference web service
    const manifests = referenceManifests();
    // WHEN the rule runs
    const messages = messagesOf(replicas, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });

  test('compliant: replicas left to a KEDA ScaledObject', () => {
    // GIVEN replicas unset under a ScaledObject that may scale to zero
    const manifests = [...referenceManifests(), scaledObject('storefront', 0)];
    delete byKind(manifests, 'Deployment').spec.replicas;
    // WHEN the rule runs
    const messages = messagesOf(replicas, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });

  test('non-compliant: a single replica', () => {
    // GIVEN a single replica
    const manifests = referenceManifests();
    byKind(manifests, 'Deployment').spec.replicas = 1;
    // WHEN the rule runs
    const messages = messagesOf(replicas, manifests);
    // THEN the rule names the field and the value
    expect(messages).toEqual(['spec.replicas is 1, expected 2 or more']);
  });

  test('non-compliant: replicas unset without autoscaler', () => {
    // GIVEN replicas unset without autoscaler
    const manifests = referenceManifests();
    delete byKind(manifests, 'Deployment').spec.replicas;
    // WHEN the rule runs
    const messages = messagesOf(replicas, manifests);
    // THEN the rule names the field and the value
    expect(messages).toEqual(['spec.replicas is unset (defaults to 1), expected 2 or more']);
  });

  test('not applicable: a Deployment under an autoscaler', () => {
    // GIVEN a Deployment under an autoscaler
    const manifests = [...referenceManifests(), hpa()];
    delete byKind(manifests, 'Deployment').spec.replicas;
    // WHEN the rule runs
    const messages = messagesOf(replicas, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });
});
