import { livenessProbe } from '../../../src/guardrails/rules/liveness-probe';
import { appContainer, job, messagesOf, referenceManifests } from '../helpers';

describe('liveness-probe', () => {
  test('compliant: the reference web service', () => {
    // GIVEN the reference web service
    const manifests = referenceManifests();
    // WHEN the rule runs
    const messages = messagesOf(livenessProbe, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });

  test('non-compliant: no liveness probe', () => {
    // GIVEN no liveness probe
    const manifests = referenceManifests();
    delete appContainer(manifests).livenessProbe;
    // WHEN the rule runs
    const messages = messagesOf(livenessProbe, manifests);
    // THEN the rule names the field and the value
    expect(messages).toEqual(['container app: has no livenessProbe']);
  });

  test('not applicable: a Job', () => {
    // GIVEN a Job
    const manifests = [job()];
    // WHEN the rule runs
    const messages = messagesOf(livenessProbe, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });
});
