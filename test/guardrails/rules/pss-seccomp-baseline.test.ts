import { pssSeccompBaseline } from '../../../src/guardrails/rules/pss-seccomp-baseline';
import { appContainer, CONFIG_MAP, messagesOf, referenceManifests } from '../helpers';

describe('pss-seccomp-baseline', () => {
  test('compliant: the reference web service', () => {
    // GIVEN the reference web service
    const manifests = referenceManifests();
    // WHEN the rule runs
    const messages = messagesOf(pssSeccompBaseline, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });

  test('non-compliant: an Unconfined container', () => {
    // GIVEN an Unconfined container
    const manifests = referenceManifests();
    appContainer(manifests).securityContext.seccompProfile = { type: 'Unconfined' };
    // WHEN the rule runs
    const messages = messagesOf(pssSeccompBaseline, manifests);
    // THEN the rule names the field and the value
    expect(messages).toEqual(["container app: securityContext.seccompProfile.type is 'Unconfined'"]);
  });

  test('not applicable: a ConfigMap', () => {
    // GIVEN a ConfigMap
    const manifests = [CONFIG_MAP];
    // WHEN the rule runs
    const messages = messagesOf(pssSeccompBaseline, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });
});
