import { pdbPolicy } from '../../../src/guardrails/rules/pdb-policy';
import { byKind, CONFIG_MAP, messagesOf, referenceManifests } from '../helpers';

describe('pdb-policy', () => {
  test('compliant: the reference web service', () => {
    // GIVEN the reference web service
    const manifests = referenceManifests();
    // WHEN the rule runs
    const messages = messagesOf(pdbPolicy, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });

  test('non-compliant: maxUnavailable 0', () => {
    // GIVEN maxUnavailable 0
    const manifests = referenceManifests();
    byKind(manifests, 'PodDisruptionBudget').spec.maxUnavailable = 0;
    // WHEN the rule runs
    const messages = messagesOf(pdbPolicy, manifests);
    // THEN the rule names the field and the value
    expect(messages).toEqual(['maxUnavailable is 0, which allows no disruption']);
  });

  test('non-compliant: minAvailable equal to the replicas', () => {
    // GIVEN minAvailable equal to the replicas
    const manifests = referenceManifests();
    const budget = byKind(manifests, 'PodDisruptionBudget');
    delete budget.spec.maxUnavailable;
    budget.spec.minAvailable = 3;
    // WHEN the rule runs
    const messages = messagesOf(pdbPolicy, manifests);
    // THEN the rule names the field and the value
    expect(messages).toEqual(['minAvailable is 3, but Deployment storefront runs 3 replicas: no pod can be evicted']);
  });

  test('non-compliant: minAvailable 100%', () => {
    // GIVEN minAvailable 100%
    const manifests = referenceManifests();
    const budget = byKind(manifests, 'PodDisruptionBudget');
    delete budget.spec.maxUnavailable;
    budget.spec.minAvailable = '100%';
    // WHEN the rule runs
    const messages = messagesOf(pdbPolicy, manifests);
    // THEN the rule names the field and the value
    expect(messages).toEqual(["minAvailable is '100%', which allows no disruption"]);
  });

  test('non-compliant: neither field', () => {
    // GIVEN neither field
    const manifests = referenceManifests();
    delete byKind(manifests, 'PodDisruptionBudget').spec.maxUnavailable;
    // WHEN the rule runs
    const messages = messagesOf(pdbPolicy, manifests);
    // THEN the rule names the field and the value
    expect(messages).toEqual(['neither minAvailable nor maxUnavailable is set']);
  });

  test('not applicable: a ConfigMap', () => {
    // GIVEN a ConfigMap
    const manifests = [CONFIG_MAP];
    // WHEN the rule runs
    const messages = messagesOf(pdbPolicy, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });
});
