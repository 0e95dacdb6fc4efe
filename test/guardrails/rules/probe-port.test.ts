import { probePort } from '../../../src/guardrails/rules/probe-port';
import { appContainer, job, messagesOf, referenceManifests } from '../helpers';

describe('probe-port', () => {
  test('compliant: the reference web service', () => {
    // GIVEN the reference web service
    const manifests = referenceManifests();
    // WHEN the rule runs
    const messages = messagesOf(probePort, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });

  test('non-compliant: a probe on an undeclared name and one on an undeclared number', () => {
    // GIVEN a probe on an undeclared name and one on an undeclared number
    const manifests = referenceManifests();
    appContainer(manifests).readinessProbe.httpGet.port = 'web';
    appContainer(manifests).livenessProbe.httpGet.port = 9090;
    // WHEN the rule runs
    const messages = messagesOf(probePort, manifests);
    // THEN the rule names the field and the value
    expect(messages).toEqual([
      "container app: livenessProbe.httpGet.port 9090 is not one of the container's ports",
      "container app: readinessProbe.httpGet.port 'web' is not one of the container's ports",
    ]);
  });

  test('compliant: a probe on the port number', () => {
    // GIVEN a probe on the port number
    const manifests = referenceManifests();
    appContainer(manifests).readinessProbe.httpGet.port = 8080;
    // WHEN the rule runs
    const messages = messagesOf(probePort, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });

  test('not applicable: an exec probe', () => {
    // GIVEN an exec probe
    const manifests = [job({ livenessProbe: { exec: { command: ['true'] } } })];
    // WHEN the rule runs
    const messages = messagesOf(probePort, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });
});
