import { runAsUser } from '../../../src/guardrails/rules/run-as-user';
import { appContainer, CONFIG_MAP, messagesOf, podSpecOf, referenceManifests } from '../helpers';

describe('run-as-user', () => {
  test('compliant: the reference web service', () => {
    // GIVEN the reference web service
    const manifests = referenceManifests();
    // WHEN the rule runs
    const messages = messagesOf(runAsUser, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });

  test('compliant: a container that overrides a low pod UID', () => {
    // GIVEN a container that overrides a low pod UID
    const manifests = referenceManifests();
    podSpecOf(manifests).securityContext.runAsUser = 1000;
    appContainer(manifests).securityContext.runAsUser = 20000;
    // WHEN the rule runs
    const messages = messagesOf(runAsUser, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });

  test('non-compliant: a low UID on the container and no group', () => {
    // GIVEN a low UID on the container and no group
    const manifests = referenceManifests();
    appContainer(manifests).securityContext.runAsUser = 1000;
    delete podSpecOf(manifests).securityContext.runAsGroup;
    // WHEN the rule runs
    const messages = messagesOf(runAsUser, manifests);
    // THEN the rule names the field and the value
    expect(messages).toEqual([
      'container app: effective runAsUser is 1000, expected 10000 or more',
      'container app: runAsGroup is unset on the container and on the pod, expected 10000 or more',
    ]);
  });

  test('not applicable: a Windows pod', () => {
    // GIVEN a Windows pod
    const manifests = referenceManifests();
    podSpecOf(manifests).os = { name: 'windows' };
    delete podSpecOf(manifests).securityContext.runAsUser;
    // WHEN the rule runs
    const messages = messagesOf(runAsUser, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });

  test('not applicable: a ConfigMap', () => {
    // GIVEN a ConfigMap
    const manifests = [CONFIG_MAP];
    // WHEN the rule runs
    const messages = messagesOf(runAsUser, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });
});
