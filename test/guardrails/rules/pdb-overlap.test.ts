import { pdbOverlap } from '../../../src/guardrails/rules/pdb-overlap';
import { byKind, CONFIG_MAP, messagesOf, referenceManifests } from '../helpers';

describe('pdb-overlap', () => {
  test('compliant: the reference web service', () => {
    // GIVEN the reference web service
    const manifests = referenceManifests();
    // WHEN the rule runs
    const messages = messagesOf(pdbOverlap, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });

  test('non-compliant: a second budget on the same pods', () => {
    // GIVEN a second budget on the same pods
    const manifests = referenceManifests();
    const extra = JSON.parse(JSON.stringify(byKind(manifests, 'PodDisruptionBudget')));
    extra.metadata.name = 'storefront-extra';
    extra.spec.selector = { matchExpressions: [{ key: 'app.kubernetes.io/instance', operator: 'Exists' }] };
    manifests.push(extra);
    // WHEN the rule runs
    const messages = messagesOf(pdbOverlap, manifests);
    // THEN the rule names the field and the value
    expect(messages).toEqual([
      'the pods of Deployment storefront are also selected by PodDisruptionBudget storefront-extra',
      'the pods of Deployment storefront are also selected by PodDisruptionBudget storefront',
    ]);
  });

  test('compliant: a second budget on other pods', () => {
    // GIVEN a second budget on other pods
    const manifests = referenceManifests();
    const extra = JSON.parse(JSON.stringify(byKind(manifests, 'PodDisruptionBudget')));
    extra.metadata.name = 'storefront-extra';
    extra.spec.selector = { matchLabels: { 'app.kubernetes.io/instance': 'other' } };
    manifests.push(extra);
    // WHEN the rule runs
    const messages = messagesOf(pdbOverlap, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });

  test('compliant: the same budget in another namespace', () => {
    // GIVEN the same budget in another namespace
    const manifests = referenceManifests();
    const extra = JSON.parse(JSON.stringify(byKind(manifests, 'PodDisruptionBudget')));
    extra.metadata.namespace = 'other';
    manifests.push(extra);
    // WHEN the rule runs
    const messages = messagesOf(pdbOverlap, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });

  test('not applicable: a ConfigMap', () => {
    // GIVEN a ConfigMap
    const manifests = [CONFIG_MAP];
    // WHEN the rule runs
    const messages = messagesOf(pdbOverlap, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });
});
