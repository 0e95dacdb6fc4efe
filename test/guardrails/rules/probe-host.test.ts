import { probeHost } from '../../../src/guardrails/rules/probe-host';
import { appContainer, CONFIG_MAP, messagesOf, referenceManifests } from '../helpers';

describe('probe-host', () => {
  test('compliant: the reference web service', () => {
    // GIVEN the reference web service
    const manifests = referenceManifests();
    // WHEN the rule runs
    const messages = messagesOf(probeHost, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });

  test('non-compliant: a probe and a hook with a host', () => {
    // GIVEN a probe and a hook with a host
    const manifests = referenceManifests();
    appContainer(manifests).livenessProbe.httpGet.host = '169.254.169.254';
    appContainer(manifests).lifecycle.postStart = { tcpSocket: { host: 'db.internal', port: 5432 } };
    // WHEN the rule runs
    const messages = messagesOf(probeHost, manifests);
    // THEN the rule names the field and the value
    expect(messages).toEqual([
      "container app: livenessProbe.httpGet.host is '169.254.169.254'",
      "container app: lifecycle.postStart.tcpSocket.host is 'db.internal'",
    ]);
  });

  test('not applicable: a ConfigMap', () => {
    // GIVEN a ConfigMap
    const manifests = [CONFIG_MAP];
    // WHEN the rule runs
    const messages = messagesOf(probeHost, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });
});
