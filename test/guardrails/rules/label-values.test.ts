import { labelValues } from '../../../src/guardrails/rules/label-values';
import { byKind, CONFIG_MAP, messagesOf, referenceManifests } from '../helpers';

describe('label-values', () => {
  test('compliant: the reference web service', () => {
    // GIVEN the reference web service
    const manifests = referenceManifests();
    // WHEN the rule runs
    const messages = messagesOf(labelValues, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });

  test('non-compliant: a number and a leading dash', () => {
    // GIVEN a number and a leading dash
    const manifests = referenceManifests();
    byKind(manifests, 'Deployment').spec.template.metadata.labels.team = '-ops';
    byKind(manifests, 'Service').metadata.labels['app.kubernetes.io/version'] = 2.1;
    // WHEN the rule runs
    const messages = messagesOf(labelValues, manifests);
    // THEN the rule names the field and the value
    expect(messages).toEqual([
      "pod template labels: value '-ops' of team must be empty or consist of alphanumerics, '-', '_' or '.', starting and ending with an alphanumeric",
      'metadata.labels: value 2.1 of app.kubernetes.io/version is a number, not a string',
    ]);
  });

  test('non-compliant: a value too long and a bad key', () => {
    // GIVEN a value too long and a bad key
    const manifests = referenceManifests();
    byKind(manifests, 'Service').metadata.labels = { 'Example.com/tier': 'a'.repeat(64) };
    // WHEN the rule runs
    const messages = messagesOf(labelValues, manifests);
    // THEN the rule names the field and the value
    expect(messages).toEqual([
      "metadata.labels: key 'Example.com/tier' has a prefix that is not a DNS subdomain",
      "metadata.labels: value '" + 'a'.repeat(64) + "' of Example.com/tier is 64 characters long, at most 63 are allowed",
    ]);
  });

  test('not applicable: an object without labels', () => {
    // GIVEN an object without labels
    const manifests = [CONFIG_MAP];
    // WHEN the rule runs
    const messages = messagesOf(labelValues, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });
});
