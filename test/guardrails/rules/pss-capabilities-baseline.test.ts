import { pssCapabilitiesBaseline } from '../../../src/guardrails/rules/pss-capabilities-baseline';
import { appContainer, CONFIG_MAP, messagesOf, referenceManifests } from '../helpers';

describe('pss-capabilities-baseline', () => {
  test('compliant: the reference web service', () => {
    // GIVEN the reference web service
    const manifests = referenceManifests();
    // WHEN the rule runs
    const messages = messagesOf(pssCapabilitiesBaseline, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });

  test('non-compliant: a container adding NET_RAW', () => {
    // GIVEN a container adding NET_RAW
    const manifests = referenceManifests();
    appContainer(manifests).securityContext.capabilities.add = ['NET_RAW', 'CHOWN'];
    // WHEN the rule runs
    const messages = messagesOf(pssCapabilitiesBaseline, manifests);
    // THEN the rule names the field and the value
    expect(messages).toEqual(["container app: securityContext.capabilities.add has 'NET_RAW', not in the baseline set"]);
  });

  test('not applicable: a ConfigMap', () => {
    // GIVEN a ConfigMap
    const manifests = [CONFIG_MAP];
    // WHEN the rule runs
    const messages = messagesOf(pssCapabilitiesBaseline, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });
});
