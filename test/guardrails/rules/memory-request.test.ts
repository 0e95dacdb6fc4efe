import { memoryRequest } from '../../../src/guardrails/rules/memory-request';
import { appContainer, CONFIG_MAP, messagesOf, referenceManifests } from '../helpers';

describe('memory-request', () => {
  test('compliant: the reference web service', () => {
    // GIVEN the reference web service
    const manifests = referenceManifests();
    // WHEN the rule runs
    const messages = messagesOf(memoryRequest, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });

  test('non-compliant: no memory request', () => {
    // GIVEN no memory request
    const manifests = referenceManifests();
    delete appContainer(manifests).resources.requests.memory;
    // WHEN the rule runs
    const messages = messagesOf(memoryRequest, manifests);
    // THEN the rule names the field and the value
    expect(messages).toEqual(['container app: resources.requests.memory is unset']);
  });

  test('not applicable: a ConfigMap', () => {
    // GIVEN a ConfigMap
    const manifests = [CONFIG_MAP];
    // WHEN the rule runs
    const messages = messagesOf(memoryRequest, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });
});
