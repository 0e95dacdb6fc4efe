import { pssAllowPrivilegeEscalation } from '../../../src/guardrails/rules/pss-allow-privilege-escalation';
import { appContainer, CONFIG_MAP, messagesOf, podSpecOf, referenceManifests } from '../helpers';

describe('pss-allow-privilege-escalation', () => {
  test('compliant: the reference web service', () => {
    // GIVEN the reference web service
    const manifests = referenceManifests();
    // WHEN the rule runs
    const messages = messagesOf(pssAllowPrivilegeEscalation, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });

  test('non-compliant: a container that does not set it', () => {
    // GIVEN a container that does not set it
    const manifests = referenceManifests();
    delete appContainer(manifests).securityContext.allowPrivilegeEscalation;
    // WHEN the rule runs
    const messages = messagesOf(pssAllowPrivilegeEscalation, manifests);
    // THEN the rule names the field and the value
    expect(messages).toEqual(['container app: securityContext.allowPrivilegeEscalation is unset, expected false']);
  });

  test('not applicable: a Windows pod', () => {
    // GIVEN a Windows pod
    const manifests = referenceManifests();
    podSpecOf(manifests).os = { name: 'windows' };
    delete appContainer(manifests).securityContext.allowPrivilegeEscalation;
    // WHEN the rule runs
    const messages = messagesOf(pssAllowPrivilegeEscalation, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });

  test('not applicable: a ConfigMap', () => {
    // GIVEN a ConfigMap
    const manifests = [CONFIG_MAP];
    // WHEN the rule runs
    const messages = messagesOf(pssAllowPrivilegeEscalation, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });
});
