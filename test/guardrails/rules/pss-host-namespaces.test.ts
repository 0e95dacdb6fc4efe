import { pssHostNamespaces } from '../../../src/guardrails/rules/pss-host-namespaces';
import { CONFIG_MAP, messagesOf, podSpecOf, referenceManifests } from '../helpers';

describe('pss-host-namespaces', () => {
  test('compliant: the reference web service', () => {
    // GIVEN the reference web service
    const manifests = referenceManifests();
    // WHEN the rule runs
    const messages = messagesOf(pssHostNamespaces, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });

  test('non-compliant: a pod sharing the host PID namespace', () => {
    // GIVEN a pod sharing the host PID namespace
    const manifests = referenceManifests();
    podSpecOf(manifests).hostPID = true;
    // WHEN the rule runs
    const messages = messagesOf(pssHostNamespaces, manifests);
    // THEN the rule names the field and the value
    expect(messages).toEqual(['hostPID is true']);
  });

  test('not applicable: a ConfigMap', () => {
    // GIVEN a ConfigMap
    const manifests = [CONFIG_MAP];
    // WHEN the rule runs
    const messages = messagesOf(pssHostNamespaces, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });
});
