import { pullPolicy } from '../../../src/guardrails/rules/pull-policy';
import { appContainer, CONFIG_MAP, messagesOf, referenceManifests } from '../helpers';

describe('pull-policy', () => {
  test('compliant: the reference web service', () => {
    // GIVEN the reference web service
    const manifests = referenceManifests();
    // WHEN the rule runs
    const messages = messagesOf(pullPolicy, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });

  test('non-compliant: IfNotPresent', () => {
    // GIVEN IfNotPresent
    const manifests = referenceManifests();
    appContainer(manifests).imagePullPolicy = 'IfNotPresent';
    // WHEN the rule runs
    const messages = messagesOf(pullPolicy, manifests);
    // THEN the rule names the field and the value
    expect(messages).toEqual(["container app: imagePullPolicy is 'IfNotPresent', expected 'Always'"]);
  });

  test('non-compliant: unset', () => {
    // GIVEN unset
    const manifests = referenceManifests();
    delete appContainer(manifests).imagePullPolicy;
    // WHEN the rule runs
    const messages = messagesOf(pullPolicy, manifests);
    // THEN the rule names the field and the value
    expect(messages).toEqual(["container app: imagePullPolicy is unset (IfNotPresent for a pinned image), expected 'Always'"]);
  });

  test.each(['ghcr.io/acme/storefront', 'ghcr.io/acme/storefront:latest', 'localhost:5000/storefront'])(
    'compliant: unset for %s, which Kubernetes defaults to Always', (image) => {
      // GIVEN an unset policy on an image without a tag or with the tag latest (stored as Always)
      const manifests = referenceManifests();
      delete appContainer(manifests).imagePullPolicy;
      appContainer(manifests).image = image;
      // WHEN the rule runs
      const messages = messagesOf(pullPolicy, manifests);
      // THEN nothing is reported: the object is judged as the cluster stores it
      expect(messages).toEqual([]);
    });

  test('non-compliant: unset for an image pinned by digest, which Kubernetes defaults to IfNotPresent', () => {
    // GIVEN an unset policy on an image with a digest and no tag
    const manifests = referenceManifests();
    delete appContainer(manifests).imagePullPolicy;
    appContainer(manifests).image = `ghcr.io/acme/storefront@sha256:${'a'.repeat(64)}`;
    // WHEN the rule runs
    const messages = messagesOf(pullPolicy, manifests);
    // THEN the rule reports it
    expect(messages).toEqual(["container app: imagePullPolicy is unset (IfNotPresent for a pinned image), expected 'Always'"]);
  });

  test('not applicable: a ConfigMap', () => {
    // GIVEN a ConfigMap
    const manifests = [CONFIG_MAP];
    // WHEN the rule runs
    const messages = messagesOf(pullPolicy, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });
});
