import { pssHostPathVolumes } from '../../../src/guardrails/rules/pss-host-path-volumes';
import { CONFIG_MAP, messagesOf, podSpecOf, referenceManifests } from '../helpers';

describe('pss-host-path-volumes', () => {
  test('compliant: the reference web service', () => {
    // GIVEN the reference web service
    const manifests = referenceManifests();
    // WHEN the rule runs
    const messages = messagesOf(pssHostPathVolumes, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });

  test('non-compliant: a hostPath volume', () => {
    // GIVEN a hostPath volume
    const manifests = referenceManifests();
    podSpecOf(manifests).volumes.push({ name: 'docker', hostPath: { path: '/var/run/docker.sock' } });
    // WHEN the rule runs
    const messages = messagesOf(pssHostPathVolumes, manifests);
    // THEN the rule names the field and the value
    expect(messages).toEqual(["volume docker: hostPath '/var/run/docker.sock' is not allowed"]);
  });

  test('not applicable: a ConfigMap', () => {
    // GIVEN a ConfigMap
    const manifests = [CONFIG_MAP];
    // WHEN the rule runs
    const messages = messagesOf(pssHostPathVolumes, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });
});
