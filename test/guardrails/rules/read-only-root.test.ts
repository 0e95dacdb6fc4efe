import { readOnlyRoot } from '../../../src/guardrails/rules/read-only-root';
import { appContainer, CONFIG_MAP, messagesOf, referenceManifests } from '../helpers';

describe('read-only-root', () => {
  test('compliant: the reference web service', () => {
    // GIVEN the reference web service
    const manifests = referenceManifests();
    // WHEN the rule runs
    const messages = messagesOf(readOnlyRoot, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });

  test('non-compliant: a writable root file system', () => {
    // GIVEN a writable root file system
    const manifests = referenceManifests();
    appContainer(manifests).securityContext.readOnlyRootFilesystem = false;
    // WHEN the rule runs
    const messages = messagesOf(readOnlyRoot, manifests);
    // THEN the rule names the field and the value
    expect(messages).toEqual(['container app: securityContext.readOnlyRootFilesystem is false, expected true']);
  });

  test('not applicable: a ConfigMap', () => {
    // GIVEN a ConfigMap
    const manifests = [CONFIG_MAP];
    // WHEN the rule runs
    const messages = messagesOf(readOnlyRoot, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });
});
