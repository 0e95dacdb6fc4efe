import { pssCapabilitiesRestricted } from '../../../src/guardrails/rules/pss-capabilities-restricted';
import { appContainer, CONFIG_MAP, messagesOf, podSpecOf, referenceManifests } from '../helpers';

describe('pss-capabilities-restricted', () => {
  test('compliant: NET_BIND_SERVICE added back', () => {
    // GIVEN NET_BIND_SERVICE added back
    const manifests = referenceManifests();
    appContainer(manifests).securityContext.capabilities.add = ['NET_BIND_SERVICE'];
    // WHEN the rule runs
    const messages = messagesOf(pssCapabilitiesRestricted, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });

  test('non-compliant: drop all in lower case and an extra capability', () => {
    // GIVEN drop all in lower case and an extra capability
    const manifests = referenceManifests();
    appContainer(manifests).securityContext.capabilities = { drop: ['all'], add: ['SYS_TIME'] };
    // WHEN the rule runs
    const messages = messagesOf(pssCapabilitiesRestricted, manifests);
    // THEN the rule names the field and the value
    expect(messages).toEqual([
      "container app: securityContext.capabilities.drop does not include 'ALL'",
      "container app: securityContext.capabilities.add has 'SYS_TIME', only 'NET_BIND_SERVICE' is allowed",
    ]);
  });

  test('not applicable: a Windows pod', () => {
    // GIVEN a Windows pod
    const manifests = referenceManifests();
    podSpecOf(manifests).os = { name: 'windows' };
    delete appContainer(manifests).securityContext.capabilities;
    // WHEN the rule runs
    const messages = messagesOf(pssCapabilitiesRestricted, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });

  test('not applicable: a ConfigMap', () => {
    // GIVEN a ConfigMap
    const manifests = [CONFIG_MAP];
    // WHEN the rule runs
    const messages = messagesOf(pssCapabilitiesRestricted, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });
});
