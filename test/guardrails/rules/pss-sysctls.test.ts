import { pssSysctls } from '../../../src/guardrails/rules/pss-sysctls';
import { CONFIG_MAP, messagesOf, podSpecOf, referenceManifests } from '../helpers';

describe('pss-sysctls', () => {
  test('compliant: a safe sysctl', () => {
    // GIVEN a safe sysctl
    const manifests = referenceManifests();
    podSpecOf(manifests).securityContext.sysctls = [{ name: 'net.ipv4.tcp_keepalive_time', value: '600' }];
    // WHEN the rule runs
    const messages = messagesOf(pssSysctls, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });

  test('non-compliant: an unsafe sysctl', () => {
    // GIVEN an unsafe sysctl
    const manifests = referenceManifests();
    podSpecOf(manifests).securityContext.sysctls = [{ name: 'kernel.msgmax', value: '65536' }];
    // WHEN the rule runs
    const messages = messagesOf(pssSysctls, manifests);
    // THEN the rule names the field and the value
    expect(messages).toEqual(["pod securityContext.sysctls has 'kernel.msgmax', which is not in the safe set"]);
  });

  test('not applicable: a ConfigMap', () => {
    // GIVEN a ConfigMap
    const manifests = [CONFIG_MAP];
    // WHEN the rule runs
    const messages = messagesOf(pssSysctls, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });
});
