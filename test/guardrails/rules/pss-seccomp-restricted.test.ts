import { pssSeccompRestricted } from '../../../src/guardrails/rules/pss-seccomp-restricted';
import { appContainer, CONFIG_MAP, messagesOf, podSpecOf, referenceManifests } from '../helpers';

describe('pss-seccomp-restricted', () => {
  test('compliant: RuntimeDefault on the container instead of the pod', () => {
    // GIVEN RuntimeDefault on the container instead of the pod
    const manifests = referenceManifests();
    delete podSpecOf(manifests).securityContext.seccompProfile;
    appContainer(manifests).securityContext.seccompProfile = { type: 'RuntimeDefault' };
    // WHEN the rule runs
    const messages = messagesOf(pssSeccompRestricted, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });

  test('non-compliant: no seccomp profile anywhere', () => {
    // GIVEN no seccomp profile anywhere
    const manifests = referenceManifests();
    delete podSpecOf(manifests).securityContext.seccompProfile;
    // WHEN the rule runs
    const messages = messagesOf(pssSeccompRestricted, manifests);
    // THEN the rule names the field and the value
    expect(messages).toEqual(['container app: seccompProfile is unset on the container and on the pod, expected RuntimeDefault or Localhost']);
  });

  test('not applicable: a Windows pod', () => {
    // GIVEN a Windows pod
    const manifests = referenceManifests();
    podSpecOf(manifests).os = { name: 'windows' };
    delete podSpecOf(manifests).securityContext.seccompProfile;
    // WHEN the rule runs
    const messages = messagesOf(pssSeccompRestricted, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });

  test('not applicable: a ConfigMap', () => {
    // GIVEN a ConfigMap
    const manifests = [CONFIG_MAP];
    // WHEN the rule runs
    const messages = messagesOf(pssSeccompRestricted, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });
});
