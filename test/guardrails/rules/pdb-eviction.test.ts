import { pdbEviction } from '../../../src/guardrails/rules/pdb-eviction';
import { byKind, CONFIG_MAP, messagesOf, referenceManifests } from '../helpers';

describe('pdb-eviction', () => {
  test('compliant: the reference web service', () => {
    // GIVEN the reference web service
    const manifests = referenceManifests();
    // WHEN the rule runs
    const messages = messagesOf(pdbEviction, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });

  test('non-compliant: no unhealthy pod eviction policy', () => {
    // GIVEN no unhealthy pod eviction policy
    const manifests = referenceManifests();
    delete byKind(manifests, 'PodDisruptionBudget').spec.unhealthyPodEvictionPolicy;
    // WHEN the rule runs
    const messages = messagesOf(pdbEviction, manifests);
    // THEN the rule names the field and the value
    expect(messages).toEqual(['spec.unhealthyPodEvictionPolicy is unset, expected AlwaysAllow']);
  });

  test('not applicable: a ConfigMap', () => {
    // GIVEN a ConfigMap
    const manifests = [CONFIG_MAP];
    // WHEN the rule runs
    const messages = messagesOf(pdbEviction, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });
});
