import { ephemeralStorage } from '../../../src/guardrails/rules/ephemeral-storage';
import { appContainer, CONFIG_MAP, messagesOf, referenceManifests } from '../helpers';

describe('ephemeral-storage', () => {
  test('compliant: the reference web service', () => {
    // GIVEN the reference web service
    const manifests = referenceManifests();
    // WHEN the rule runs
    const messages = messagesOf(ephemeralStorage, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });

  test('non-compliant: no ephemeral-storage limit', () => {
    // GIVEN no ephemeral-storage limit
    const manifests = referenceManifests();
    delete appContainer(manifests).resources.limits['ephemeral-storage'];
    // WHEN the rule runs
    const messages = messagesOf(ephemeralStorage, manifests);
    // THEN the rule names the field and the value
    expect(messages).toEqual(['container app: resources.limits of ephemeral-storage is unset']);
  });

  test('non-compliant: no resources at all', () => {
    // GIVEN no resources at all
    const manifests = referenceManifests();
    delete appContainer(manifests).resources;
    // WHEN the rule runs
    const messages = messagesOf(ephemeralStorage, manifests);
    // THEN the rule names the field and the value
    expect(messages).toEqual(['container app: resources.requests and resources.limits of ephemeral-storage are unset']);
  });

  test('not applicable: a ConfigMap', () => {
    // GIVEN a ConfigMap
    const manifests = [CONFIG_MAP];
    // WHEN the rule runs
    const messages = messagesOf(ephemeralStorage, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });
});
