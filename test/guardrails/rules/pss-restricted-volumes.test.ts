import { pssRestrictedVolumes } from '../../../src/guardrails/rules/pss-restricted-volumes';
import { CONFIG_MAP, messagesOf, podSpecOf, referenceManifests } from '../helpers';

describe('pss-restricted-volumes', () => {
  test('compliant: allowed volume types, and a volume without source (defaulted to emptyDir)', () => {
    // GIVEN allowed volume types, and a volume without source (defaulted to emptyDir)
    const manifests = referenceManifests();
    podSpecOf(manifests).volumes.push({ name: 'cache' }, { name: 'config', configMap: { name: 'settings' } }, { name: 'data', persistentVolumeClaim: { claimName: 'data' } });
    // WHEN the rule runs
    const messages = messagesOf(pssRestrictedVolumes, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });

  test('non-compliant: an nfs volume', () => {
    // GIVEN an nfs volume
    const manifests = referenceManifests();
    podSpecOf(manifests).volumes.push({ name: 'shared', nfs: { server: 'nfs.local', path: '/export' } });
    // WHEN the rule runs
    const messages = messagesOf(pssRestrictedVolumes, manifests);
    // THEN the rule names the field and the value
    expect(messages).toEqual(['volume shared: type nfs is not allowed']);
  });

  test('not applicable: a ConfigMap', () => {
    // GIVEN a ConfigMap
    const manifests = [CONFIG_MAP];
    // WHEN the rule runs
    const messages = messagesOf(pssRestrictedVolumes, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });
});
