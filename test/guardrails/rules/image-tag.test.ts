import { imageTag, isPinnedImage } from '../../../src/guardrails/rules/image-tag';
import { appContainer, CONFIG_MAP, messagesOf, referenceManifests } from '../helpers';

describe('image-tag', () => {
  test('compliant: a digest', () => {
    // GIVEN a digest
    const manifests = referenceManifests();
    appContainer(manifests).image = 'ghcr.io/acme/storefront@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';
    // WHEN the rule runs
    const messages = messagesOf(imageTag, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });

  test('non-compliant: a latest tag', () => {
    // GIVEN a latest tag
    const manifests = referenceManifests();
    appContainer(manifests).image = 'nginx:latest';
    // WHEN the rule runs
    const messages = messagesOf(imageTag, manifests);
    // THEN the rule names the field and the value
    expect(messages).toEqual(["container app: image 'nginx:latest' is not pinned to a tag or digest"]);
  });

  test('non-compliant: no tag behind a registry port', () => {
    // GIVEN no tag behind a registry port
    const manifests = referenceManifests();
    appContainer(manifests).image = 'registry.local:5000/nginx';
    // WHEN the rule runs
    const messages = messagesOf(imageTag, manifests);
    // THEN the rule names the field and the value
    expect(messages).toEqual(["container app: image 'registry.local:5000/nginx' is not pinned to a tag or digest"]);
  });

  test('not applicable: a ConfigMap', () => {
    // GIVEN a ConfigMap
    const manifests = [CONFIG_MAP];
    // WHEN the rule runs
    const messages = messagesOf(imageTag, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });
  test.each([
    ['nginx', false],
    ['nginx:', false],
    ['nginx:latest', false],
    ['registry.local:5000/nginx', false],
    ['registry.local:5000/nginx:1.27.3', true],
    ['nginx@sha256:abc', true],
  ])('isPinnedImage(%s) is %s', (image, pinned) => {
    // GIVEN an image reference
    // WHEN checking whether it is pinned
    // THEN a tag other than latest or a digest pins it
    expect(isPinnedImage(image as string)).toBe(pinned);
  });

});
