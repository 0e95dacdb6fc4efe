import { topologySpread } from '../../../src/guardrails/rules/topology-spread';
import { job, messagesOf, podSpecOf, referenceManifests } from '../helpers';

describe('topology-spread', () => {
  test('compliant: the reference web service', () => {
    // GIVEN the reference web service
    const manifests = referenceManifests();
    // WHEN the rule runs
    const messages = messagesOf(topologySpread, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });

  test('non-compliant: no spread constraints', () => {
    // GIVEN no spread constraints
    const manifests = referenceManifests();
    delete podSpecOf(manifests).topologySpreadConstraints;
    // WHEN the rule runs
    const messages = messagesOf(topologySpread, manifests);
    // THEN the rule names the field and the value
    expect(messages).toEqual(['spec.template.spec.topologySpreadConstraints is unset']);
  });

  test('not applicable: a Job', () => {
    // GIVEN a Job
    const manifests = [job()];
    // WHEN the rule runs
    const messages = messagesOf(topologySpread, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });
});
