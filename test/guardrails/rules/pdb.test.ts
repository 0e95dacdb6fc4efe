import { pdb } from '../../../src/guardrails/rules/pdb';
import { byKind, hpa, messagesOf, referenceManifests, without } from '../helpers';

describe('pdb', () => {
  test('compliant: the reference web service', () => {
    // GIVEN the reference web service
    const manifests = referenceManifests();
    // WHEN the rule runs
    const messages = messagesOf(pdb, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });

  test('non-compliant: no budget', () => {
    // GIVEN no budget
    const manifests = without(referenceManifests(), 'PodDisruptionBudget');
    // WHEN the rule runs
    const messages = messagesOf(pdb, manifests);
    // THEN the rule names the field and the value
    expect(messages).toEqual(["no PodDisruptionBudget in namespace shop selects the Deployment's pods"]);
  });

  test('non-compliant: an autoscaled Deployment without budget', () => {
    // GIVEN an autoscaled Deployment without budget
    const manifests = [...without(referenceManifests(), 'PodDisruptionBudget'), hpa()];
    delete byKind(manifests, 'Deployment').spec.replicas;
    // WHEN the rule runs
    const messages = messagesOf(pdb, manifests);
    // THEN the rule names the field and the value
    expect(messages).toEqual(["no PodDisruptionBudget in namespace shop selects the Deployment's pods"]);
  });

  test('not applicable: a single replica', () => {
    // GIVEN a single replica
    const manifests = without(referenceManifests(), 'PodDisruptionBudget');
    byKind(manifests, 'Deployment').spec.replicas = 1;
    // WHEN the rule runs
    const messages = messagesOf(pdb, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });
});
