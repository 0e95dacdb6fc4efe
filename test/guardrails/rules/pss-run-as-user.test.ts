import { pssRunAsUser } from '../../../src/guardrails/rules/pss-run-as-user';
import { appContainer, CONFIG_MAP, messagesOf, referenceManifests } from '../helpers';

describe('pss-run-as-user', () => {
  test('compliant: the reference web service', () => {
    // GIVEN the reference web service
    const manifests = referenceManifests();
    // WHEN the rule runs
    const messages = messagesOf(pssRunAsUser, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });

  test('non-compliant: a container running as root', () => {
    // GIVEN a container running as root
    const manifests = referenceManifests();
    appContainer(manifests).securityContext.runAsUser = 0;
    // WHEN the rule runs
    const messages = messagesOf(pssRunAsUser, manifests);
    // THEN the rule names the field and the value
    expect(messages).toEqual(['container app: securityContext.runAsUser is 0']);
  });

  test('not applicable: a ConfigMap', () => {
    // GIVEN a ConfigMap
    const manifests = [CONFIG_MAP];
    // WHEN the rule runs
    const messages = messagesOf(pssRunAsUser, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });
});
