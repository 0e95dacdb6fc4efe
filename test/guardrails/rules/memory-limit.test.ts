import { memoryLimit } from '../../../src/guardrails/rules/memory-limit';
import { appContainer, CONFIG_MAP, messagesOf, referenceManifests } from '../helpers';

describe('memory-limit', () => {
  test('compliant: the reference web service', () => {
    // GIVEN the reference web service
    const manifests = referenceManifests();
    // WHEN the rule runs
    const messages = messagesOf(memoryLimit, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });

  test('non-compliant: no memory limit', () => {
    // GIVEN no memory limit
    const manifests = referenceManifests();
    delete appContainer(manifests).resources.limits.memory;
    // WHEN the rule runs
    const messages = messagesOf(memoryLimit, manifests);
    // THEN the rule names the field and the value
    expect(messages).toEqual(['container app: resources.limits.memory is unset']);
  });

  test('not applicable: a ConfigMap', () => {
    // GIVEN a ConfigMap
    const manifests = [CONFIG_MAP];
    // WHEN the rule runs
    const messages = messagesOf(memoryLimit, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });
});
