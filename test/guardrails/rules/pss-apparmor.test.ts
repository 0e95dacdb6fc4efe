import { pssAppArmor } from '../../../src/guardrails/rules/pss-apparmor';
import { appContainer, byKind, CONFIG_MAP, messagesOf, podSpecOf, referenceManifests } from '../helpers';

describe('pss-apparmor', () => {
  test('compliant: RuntimeDefault and localhost profiles', () => {
    // GIVEN RuntimeDefault and localhost profiles
    const manifests = referenceManifests();
    byKind(manifests, 'Deployment').spec.template.metadata.annotations = { 'container.apparmor.security.beta.kubernetes.io/app': 'runtime/default' };
    appContainer(manifests).securityContext.appArmorProfile = { type: 'Localhost', localhostProfile: 'app' };
    // WHEN the rule runs
    const messages = messagesOf(pssAppArmor, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });

  test('non-compliant: an unconfined annotation and field', () => {
    // GIVEN an unconfined annotation and field
    const manifests = referenceManifests();
    byKind(manifests, 'Deployment').spec.template.metadata.annotations = { 'container.apparmor.security.beta.kubernetes.io/app': 'unconfined' };
    podSpecOf(manifests).securityContext.appArmorProfile = { type: 'Unconfined' };
    // WHEN the rule runs
    const messages = messagesOf(pssAppArmor, manifests);
    // THEN the rule names the field and the value
    expect(messages).toEqual([
      "annotation container.apparmor.security.beta.kubernetes.io/app is 'unconfined', expected 'runtime/default' or 'localhost/<profile>'",
      "pod securityContext.appArmorProfile.type is 'Unconfined', expected RuntimeDefault or Localhost",
    ]);
  });

  test('not applicable: a ConfigMap', () => {
    // GIVEN a ConfigMap
    const manifests = [CONFIG_MAP];
    // WHEN the rule runs
    const messages = messagesOf(pssAppArmor, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });
});
