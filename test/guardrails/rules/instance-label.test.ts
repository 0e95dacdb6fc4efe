import { instanceLabel } from '../../../src/guardrails/rules/instance-label';
import { byKind, messagesOf, referenceManifests } from '../helpers';

describe('instance-label', () => {
  test('compliant: the reference web service', () => {
    // GIVEN the reference web service
    const manifests = referenceManifests();
    // WHEN the rule runs
    const messages = messagesOf(instanceLabel, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });

  test('non-compliant: an instance label that differs from the name', () => {
    // GIVEN an instance label that differs from the name
    const manifests = referenceManifests();
    byKind(manifests, 'Deployment').metadata.labels['app.kubernetes.io/instance'] = 'shop';
    // WHEN the rule runs
    const messages = messagesOf(instanceLabel, manifests);
    // THEN the rule names the field and the value
    expect(messages).toEqual(["label app.kubernetes.io/instance is 'shop', expected 'storefront'"]);
  });

  test('non-compliant: no instance label', () => {
    // GIVEN no instance label
    const manifests = referenceManifests();
    delete byKind(manifests, 'Deployment').metadata.labels['app.kubernetes.io/instance'];
    // WHEN the rule runs
    const messages = messagesOf(instanceLabel, manifests);
    // THEN the rule names the field and the value
    expect(messages).toEqual(['label app.kubernetes.io/instance is missing']);
  });

  test('not applicable: a Service, which is no workload', () => {
    // GIVEN a Service, which is no workload
    const manifests = referenceManifests();
    byKind(manifests, 'Service').metadata.labels['app.kubernetes.io/instance'] = 'other';
    // WHEN the rule runs
    const messages = messagesOf(instanceLabel, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });
});
