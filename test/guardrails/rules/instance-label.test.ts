import { instanceLabel } from '../../../src/guardrails/rules/instance-label';
import { byKind, job, messagesOf, referenceManifests } from '../helpers';

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

  test('compliant: a Job named after its content, <instance>-<hex hash>', () => {
    // GIVEN a Job whose name adds a hash of its template to the instance label
    const migrate = job();
    migrate.metadata.name = 'migrate-0a1b2c3d4e';
    migrate.metadata.labels = { 'app.kubernetes.io/instance': 'migrate' };
    // WHEN the rule runs
    const messages = messagesOf(instanceLabel, [migrate]);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });

  test('non-compliant: a Deployment, or a Job whose suffix is no hash', () => {
    // GIVEN a Deployment with a hash-like suffix, and a Job with a word suffix
    const manifests = referenceManifests();
    byKind(manifests, 'Deployment').metadata.name = 'storefront-0a1b2c3d4e';
    const migrate = job();
    migrate.metadata.name = 'migrate-second';
    migrate.metadata.labels = { 'app.kubernetes.io/instance': 'migrate' };
    // WHEN the rule runs
    const messages = messagesOf(instanceLabel, [...manifests, migrate]);
    // THEN both are reported
    expect(messages).toEqual([
      "label app.kubernetes.io/instance is 'storefront', expected 'storefront-0a1b2c3d4e'",
      "label app.kubernetes.io/instance is 'migrate', expected 'migrate-second'",
    ]);
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
