import { readinessProbe } from '../../../src/guardrails/rules/readiness-probe';
import { appContainer, messagesOf, referenceManifests, without } from '../helpers';

describe('readiness-probe', () => {
  test('compliant: the reference web service', () => {
    // GIVEN the reference web service
    const manifests = referenceManifests();
    // WHEN the rule runs
    const messages = messagesOf(readinessProbe, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });

  test('non-compliant: a pod behind a Service without readiness probe', () => {
    // GIVEN a pod behind a Service without readiness probe
    const manifests = referenceManifests();
    delete appContainer(manifests).readinessProbe;
    // WHEN the rule runs
    const messages = messagesOf(readinessProbe, manifests);
    // THEN the rule names the field and the value
    expect(messages).toEqual(['container app: has no readinessProbe, but Service storefront sends traffic to the pod']);
  });

  test('not applicable: a pod no Service selects', () => {
    // GIVEN a pod no Service selects
    const manifests = without(referenceManifests(), 'Service');
    delete appContainer(manifests).readinessProbe;
    // WHEN the rule runs
    const messages = messagesOf(readinessProbe, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });
});
