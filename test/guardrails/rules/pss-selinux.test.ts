import { pssSeLinux } from '../../../src/guardrails/rules/pss-selinux';
import { CONFIG_MAP, messagesOf, podSpecOf, referenceManifests } from '../helpers';

describe('pss-selinux', () => {
  test('compliant: container_t with a level', () => {
    // GIVEN container_t with a level
    const manifests = referenceManifests();
    podSpecOf(manifests).securityContext.seLinuxOptions = { type: 'container_t', level: 's0:c123,c456' };
    // WHEN the rule runs
    const messages = messagesOf(pssSeLinux, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });

  test('non-compliant: a custom type and user', () => {
    // GIVEN a custom type and user
    const manifests = referenceManifests();
    podSpecOf(manifests).securityContext.seLinuxOptions = { type: 'spc_t', user: 'system_u' };
    // WHEN the rule runs
    const messages = messagesOf(pssSeLinux, manifests);
    // THEN the rule names the field and the value
    expect(messages).toEqual([
      "pod securityContext.seLinuxOptions.type is 'spc_t', expected container_t, container_init_t or container_kvm_t",
      "pod securityContext.seLinuxOptions.user is 'system_u', expected unset",
    ]);
  });

  test('not applicable: a ConfigMap', () => {
    // GIVEN a ConfigMap
    const manifests = [CONFIG_MAP];
    // WHEN the rule runs
    const messages = messagesOf(pssSeLinux, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });
});
