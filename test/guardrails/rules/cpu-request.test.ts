import { cpuRequest } from '../../../src/guardrails/rules/cpu-request';
import { appContainer, CONFIG_MAP, messagesOf, podSpecOf, referenceManifests } from '../helpers';

describe('cpu-request', () => {
  test('compliant: the reference web service', () => {
    // GIVEN the reference web service
    const manifests = referenceManifests();
    // WHEN the rule runs
    const messages = messagesOf(cpuRequest, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });

  test('non-compliant: a zero request and an init container without any', () => {
    // GIVEN a zero request and an init container without any
    const manifests = referenceManifests();
    appContainer(manifests).resources.requests.cpu = '0m';
    podSpecOf(manifests).initContainers = [{ name: 'setup', image: 'busybox:1.36' }];
    // WHEN the rule runs
    const messages = messagesOf(cpuRequest, manifests);
    // THEN the rule names the field and the value
    expect(messages).toEqual([
      "container app: resources.requests.cpu is '0m', expected more than 0",
      'init container setup: resources.requests.cpu is unset',
    ]);
  });

  test('not applicable: a ConfigMap', () => {
    // GIVEN a ConfigMap
    const manifests = [CONFIG_MAP];
    // WHEN the rule runs
    const messages = messagesOf(cpuRequest, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });
});
