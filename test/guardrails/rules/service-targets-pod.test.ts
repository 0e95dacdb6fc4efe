import { serviceTargetsPod } from '../../../src/guardrails/rules/service-targets-pod';
import { byKind, messagesOf, referenceManifests } from '../helpers';

describe('service-targets-pod', () => {
  test('compliant: the reference web service', () => {
    // GIVEN the reference web service
    const manifests = referenceManifests();
    // WHEN the rule runs
    const messages = messagesOf(serviceTargetsPod, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });

  test('non-compliant: a selector label no pod has', () => {
    // GIVEN a selector label no pod has
    const manifests = referenceManifests();
    byKind(manifests, 'Service').spec.selector['app.kubernetes.io/name'] = 'shop';
    // WHEN the rule runs
    const messages = messagesOf(serviceTargetsPod, manifests);
    // THEN the rule names the field and the value
    expect(messages).toEqual(['selector {"app.kubernetes.io/name":"shop","app.kubernetes.io/instance":"storefront"} matches no pod template in namespace shop']);
  });

  test('non-compliant: pods only in another namespace', () => {
    // GIVEN pods only in another namespace
    const manifests = referenceManifests();
    byKind(manifests, 'Service').metadata.namespace = 'other';
    // WHEN the rule runs
    const messages = messagesOf(serviceTargetsPod, manifests);
    // THEN the rule names the field and the value
    expect(messages).toEqual(['selector {"app.kubernetes.io/name":"storefront","app.kubernetes.io/instance":"storefront"} matches no pod template in namespace other']);
  });

  test('not applicable: a Service without selector', () => {
    // GIVEN a Service without selector
    const manifests = referenceManifests();
    delete byKind(manifests, 'Service').spec.selector;
    // WHEN the rule runs
    const messages = messagesOf(serviceTargetsPod, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });
});
