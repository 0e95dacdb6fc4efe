import { pssHostPorts } from '../../../src/guardrails/rules/pss-host-ports';
import { appContainer, CONFIG_MAP, messagesOf, referenceManifests } from '../helpers';

describe('pss-host-ports', () => {
  test('compliant: the reference web service', () => {
    // GIVEN the reference web service
    const manifests = referenceManifests();
    // WHEN the rule runs
    const messages = messagesOf(pssHostPorts, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });

  test('non-compliant: a container port with a hostPort', () => {
    // GIVEN a container port with a hostPort
    const manifests = referenceManifests();
    appContainer(manifests).ports[0].hostPort = 8080;
    // WHEN the rule runs
    const messages = messagesOf(pssHostPorts, manifests);
    // THEN the rule names the field and the value
    expect(messages).toEqual(['container app: hostPort 8080 is set (containerPort 8080)']);
  });

  test('not applicable: a ConfigMap', () => {
    // GIVEN a ConfigMap
    const manifests = [CONFIG_MAP];
    // WHEN the rule runs
    const messages = messagesOf(pssHostPorts, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });
});
