import { cpuLimit } from '../../../src/guardrails/rules/cpu-limit';
import { appContainer, CONFIG_MAP, messagesOf, referenceManifests } from '../helpers';

describe('cpu-limit', () => {
  test('compliant: the reference web service', () => {
    // GIVEN the reference web service
    const manifests = referenceManifests();
    // WHEN the rule runs
    const messages = messagesOf(cpuLimit, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });

  test('non-compliant: no CPU limit', () => {
    // GIVEN no CPU limit
    const manifests = referenceManifests();
    delete appContainer(manifests).resources.limits.cpu;
    // WHEN the rule runs
    const messages = messagesOf(cpuLimit, manifests);
    // THEN the rule names the field and the value
    expect(messages).toEqual(['container app: resources.limits.cpu is unset']);
  });

  test('not applicable: a ConfigMap', () => {
    // GIVEN a ConfigMap
    const manifests = [CONFIG_MAP];
    // WHEN the rule runs
    const messages = messagesOf(cpuLimit, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });
});
