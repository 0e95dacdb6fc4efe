import { pssProcMount } from '../../../src/guardrails/rules/pss-proc-mount';
import { appContainer, CONFIG_MAP, messagesOf, referenceManifests } from '../helpers';

describe('pss-proc-mount', () => {
  test('compliant: procMount Default', () => {
    // GIVEN procMount Default
    const manifests = referenceManifests();
    appContainer(manifests).securityContext.procMount = 'Default';
    // WHEN the rule runs
    const messages = messagesOf(pssProcMount, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });

  test('non-compliant: an Unmasked /proc', () => {
    // GIVEN an Unmasked /proc
    const manifests = referenceManifests();
    appContainer(manifests).securityContext.procMount = 'Unmasked';
    // WHEN the rule runs
    const messages = messagesOf(pssProcMount, manifests);
    // THEN the rule names the field and the value
    expect(messages).toEqual(["container app: securityContext.procMount is 'Unmasked', expected Default"]);
  });

  test('not applicable: a ConfigMap', () => {
    // GIVEN a ConfigMap
    const manifests = [CONFIG_MAP];
    // WHEN the rule runs
    const messages = messagesOf(pssProcMount, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });
});
