import { serviceType } from '../../../src/guardrails/rules/service-type';
import { byKind, CONFIG_MAP, messagesOf, referenceManifests } from '../helpers';

describe('service-type', () => {
  test('compliant: the reference web service', () => {
    // GIVEN the reference web service
    const manifests = referenceManifests();
    // WHEN the rule runs
    const messages = messagesOf(serviceType, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });

  test('non-compliant: a NodePort', () => {
    // GIVEN a NodePort
    const manifests = referenceManifests();
    byKind(manifests, 'Service').spec.type = 'NodePort';
    // WHEN the rule runs
    const messages = messagesOf(serviceType, manifests);
    // THEN the rule names the field and the value
    expect(messages).toEqual(["spec.type is 'NodePort', expected 'ClusterIP'"]);
  });

  test('not applicable: a ConfigMap', () => {
    // GIVEN a ConfigMap
    const manifests = [CONFIG_MAP];
    // WHEN the rule runs
    const messages = messagesOf(serviceType, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });
});
