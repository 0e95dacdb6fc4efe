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

  /** The reference manifests, the Deployment at `replicas`, its budget set to only this field and value. */
  function budgetOf(field: 'minAvailable' | 'maxUnavailable', value: unknown, replicas = 3) {
    const manifests = referenceManifests();
    byKind(manifests, 'Deployment').spec.replicas = replicas;
    const budget = byKind(manifests, 'PodDisruptionBudget');
    delete budget.spec.maxUnavailable;
    delete budget.spec.minAvailable;
    budget.spec[field] = value;
    return manifests;
  }

  test('non-compliant: values the API server refuses (above 100%, not an integer percentage, negative, a bare number string)', () => {
    // GIVEN budgets whose value the API server's validation refuses
    const cases: Array<['minAvailable' | 'maxUnavailable', unknown]> = [['minAvailable', '150%'], ['maxUnavailable', '101%'], ['minAvailable', '1.5%'], ['maxUnavailable', -1], ['minAvailable', '2']];
    // WHEN the rule runs / THEN each is reported with the value and the accepted forms
    for (const [field, value] of cases) {
      const shown = typeof value === 'string' ? `'${value}'` : String(value);
      expect(messagesOf(pdbPolicy, budgetOf(field, value))).toEqual([
        `${field} is ${shown}, which the API server refuses: write a non-negative integer or a percentage from 0% to 100%`,
      ]);
    }
  });

  test('non-compliant: a minAvailable percentage that, rounded up on the replicas, keeps every pod', () => {
    // GIVEN 95% of 10 replicas (rounded up: 10) and 50% of 1 replica (rounded up: 1)
    const ninetyFive = budgetOf('minAvailable', '95%', 10);
    const half = budgetOf('minAvailable', '50%', 1);
    // WHEN the rule runs / THEN both are reported with the arithmetic
    expect(messagesOf(pdbPolicy, ninetyFive)).toEqual(["minAvailable is '95%' (10 of 10 pods, rounded up), but Deployment storefront runs 10 replicas: no pod can be evicted"]);
    expect(messagesOf(pdbPolicy, half)).toEqual(["minAvailable is '50%' (1 of 1 pods, rounded up), but Deployment storefront runs 1 replica: no pod can be evicted"]);
    // AND percentages that leave an eviction pass: 90% of 10 keeps 9, a maxUnavailable of 1% rounds up to 1
    expect(messagesOf(pdbPolicy, budgetOf('minAvailable', '90%', 10))).toEqual([]);
    expect(messagesOf(pdbPolicy, budgetOf('maxUnavailable', '1%', 10))).toEqual([]);
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
