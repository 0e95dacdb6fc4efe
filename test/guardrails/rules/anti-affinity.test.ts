import { antiAffinity } from '../../../src/guardrails/rules/anti-affinity';
import { byKind, messagesOf, podSpecOf, referenceManifests } from '../helpers';

describe('anti-affinity', () => {
  test('compliant: the reference web service', () => {
    // GIVEN the reference web service
    const manifests = referenceManifests();
    // WHEN the rule runs
    const messages = messagesOf(antiAffinity, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });

  test('non-compliant: no anti-affinity', () => {
    // GIVEN no anti-affinity
    const manifests = referenceManifests();
    delete podSpecOf(manifests).affinity;
    // WHEN the rule runs
    const messages = messagesOf(antiAffinity, manifests);
    // THEN the rule names the field and the value
    expect(messages).toEqual(["no podAntiAffinity term on kubernetes.io/hostname selects the Deployment's own pods"]);
  });

  test('non-compliant: anti-affinity on the pods of another workload', () => {
    // GIVEN anti-affinity on the pods of another workload
    const manifests = referenceManifests();
    podSpecOf(manifests).affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].podAffinityTerm.labelSelector = { matchLabels: { app: 'other' } };
    // WHEN the rule runs
    const messages = messagesOf(antiAffinity, manifests);
    // THEN the rule names the field and the value
    expect(messages).toEqual(["no podAntiAffinity term on kubernetes.io/hostname selects the Deployment's own pods"]);
  });

  test('not applicable: a single replica', () => {
    // GIVEN a single replica
    const manifests = referenceManifests();
    byKind(manifests, 'Deployment').spec.replicas = 1;
    delete podSpecOf(manifests).affinity;
    // WHEN the rule runs
    const messages = messagesOf(antiAffinity, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });
});
