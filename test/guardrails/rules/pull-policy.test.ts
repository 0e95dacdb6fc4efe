import { pullPolicy } from '../../../src/guardrails/rules/pull-policy';
import { appContainer, CONFIG_MAP, messagesOf, referenceManifests } from '../helpers';

describe('pull-policy', () => {
  test('compliant: the reference web service', () => {
    // GIVEN the reference web service
    const manifests = referenceManifests();
    // WHEN the rule runs
    const messages = messagesOf(pullPolicy, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });

  test('non-compliant: IfNotPresent', () => {
    // GIVEN IfNotPresent
    const manifests = referenceManifests();
    appContainer(manifests).imagePullPolicy = 'IfNotPresent';
    // WHEN the rule runs
    const messages = messagesOf(pullPolicy, manifests);
    // THEN the rule names the field and the value
    expect(messages).toEqual(["container app: imagePullPolicy is 'IfNotPresent', expected 'Always'"]);
  });

  test('non-compliant: unset', () => {
    // GIVEN unset
    const manifests = referenceManifests();
    delete appContainer(manifests).imagePullPolicy;
    // WHEN the rule runs
    const messages = messagesOf(pullPolicy, manifests);
    // THEN the rule names the field and the value
    expect(messages).toEqual(["container app: imagePullPolicy is unset, expected 'Always'"]);
  });

  test('not applicable: a ConfigMap', () => {
    // GIVEN a ConfigMap
    const manifests = [CONFIG_MAP];
    // WHEN the rule runs
    const messages = messagesOf(pullPolicy, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });
});
