import { pssPrivileged } from '../../../src/guardrails/rules/pss-privileged';
import { appContainer, CONFIG_MAP, messagesOf, referenceManifests } from '../helpers';

describe('pss-privileged', () => {
  test('compliant: the reference web service', () => {
    // GIVEN the reference web service
    const manifests = referenceManifests();
    // WHEN the rule runs
    const messages = messagesOf(pssPrivileged, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });

  test('non-compliant: a privileged container', () => {
    // GIVEN a privileged container
    const manifests = referenceManifests();
    appContainer(manifests).securityContext.privileged = true;
    // WHEN the rule runs
    const messages = messagesOf(pssPrivileged, manifests);
    // THEN the rule names the field and the value
    expect(messages).toEqual(['container app: securityContext.privileged is true']);
  });

  test('not applicable: a ConfigMap', () => {
    // GIVEN a ConfigMap
    const manifests = [CONFIG_MAP];
    // WHEN the rule runs
    const messages = messagesOf(pssPrivileged, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });
});
