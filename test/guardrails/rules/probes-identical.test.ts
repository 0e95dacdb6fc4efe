import { probesIdentical } from '../../../src/guardrails/rules/probes-identical';
import { appContainer, job, messagesOf, referenceManifests } from '../helpers';

describe('probes-identical', () => {
  test('compliant: the reference web service', () => {
    // GIVEN the reference web service
    const manifests = referenceManifests();
    // WHEN the rule runs
    const messages = messagesOf(probesIdentical, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });

  test('non-compliant: liveness on the readiness path', () => {
    // GIVEN liveness on the readiness path
    const manifests = referenceManifests();
    appContainer(manifests).livenessProbe.httpGet.path = '/readyz';
    // WHEN the rule runs
    const messages = messagesOf(probesIdentical, manifests);
    // THEN the rule names the field and the value
    expect(messages).toEqual(['container app: livenessProbe and readinessProbe are the same httpGet check (path /readyz, port http)']);
  });

  test('non-compliant: the same command', () => {
    // GIVEN the same command
    const manifests = referenceManifests();
    appContainer(manifests).livenessProbe = { exec: { command: ['/bin/check'] } };
    appContainer(manifests).readinessProbe = { exec: { command: ['/bin/check'] } };
    // WHEN the rule runs
    const messages = messagesOf(probesIdentical, manifests);
    // THEN the rule names the field and the value
    expect(messages).toEqual(['container app: livenessProbe and readinessProbe are the same exec check (command ["/bin/check"])']);
  });

  test('not applicable: a container without probes', () => {
    // GIVEN a container without probes
    const manifests = [job()];
    // WHEN the rule runs
    const messages = messagesOf(probesIdentical, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });
});
