import { pssRunAsNonRoot } from '../../../src/guardrails/rules/pss-run-as-non-root';
import { appContainer, CONFIG_MAP, messagesOf, podSpecOf, referenceManifests } from '../helpers';

describe('pss-run-as-non-root', () => {
  test('compliant: runAsNonRoot on every container instead of the pod', () => {
    // GIVEN runAsNonRoot on every container instead of the pod
    const manifests = referenceManifests();
    delete podSpecOf(manifests).securityContext.runAsNonRoot;
    appContainer(manifests).securityContext.runAsNonRoot = true;
    // WHEN the rule runs
    const messages = messagesOf(pssRunAsNonRoot, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });

  test('non-compliant: runAsNonRoot set nowhere', () => {
    // GIVEN runAsNonRoot set nowhere
    const manifests = referenceManifests();
    delete podSpecOf(manifests).securityContext.runAsNonRoot;
    // WHEN the rule runs
    const messages = messagesOf(pssRunAsNonRoot, manifests);
    // THEN the rule names the field and the value
    expect(messages).toEqual(['container app: runAsNonRoot is unset on the container and on the pod, expected true']);
  });

  test('non-compliant: a container that overrides the pod with false', () => {
    // GIVEN a container that overrides the pod with false
    const manifests = referenceManifests();
    appContainer(manifests).securityContext.runAsNonRoot = false;
    // WHEN the rule runs
    const messages = messagesOf(pssRunAsNonRoot, manifests);
    // THEN the rule names the field and the value
    expect(messages).toEqual(['container app: securityContext.runAsNonRoot is false']);
  });

  test('not applicable: a ConfigMap', () => {
    // GIVEN a ConfigMap
    const manifests = [CONFIG_MAP];
    // WHEN the rule runs
    const messages = messagesOf(pssRunAsNonRoot, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });
});
