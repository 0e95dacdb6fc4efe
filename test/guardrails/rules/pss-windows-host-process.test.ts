import { pssWindowsHostProcess } from '../../../src/guardrails/rules/pss-windows-host-process';
import { appContainer, CONFIG_MAP, messagesOf, referenceManifests } from '../helpers';

describe('pss-windows-host-process', () => {
  test('compliant: the reference web service', () => {
    // GIVEN the reference web service
    const manifests = referenceManifests();
    // WHEN the rule runs
    const messages = messagesOf(pssWindowsHostProcess, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });

  test('non-compliant: a HostProcess container', () => {
    // GIVEN a HostProcess container
    const manifests = referenceManifests();
    appContainer(manifests).securityContext.windowsOptions = { hostProcess: true };
    // WHEN the rule runs
    const messages = messagesOf(pssWindowsHostProcess, manifests);
    // THEN the rule names the field and the value
    expect(messages).toEqual(['container app: securityContext.windowsOptions.hostProcess is true']);
  });

  test('not applicable: a ConfigMap', () => {
    // GIVEN a ConfigMap
    const manifests = [CONFIG_MAP];
    // WHEN the rule runs
    const messages = messagesOf(pssWindowsHostProcess, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });
});
