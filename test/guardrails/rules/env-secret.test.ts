import { envSecret } from '../../../src/guardrails/rules/env-secret';
import { appContainer, CONFIG_MAP, messagesOf, referenceManifests } from '../helpers';

describe('env-secret', () => {
  test('compliant: secrets referenced, and names that only contain a secret word', () => {
    // GIVEN secrets referenced, and names that only contain a secret word
    const manifests = referenceManifests();
    appContainer(manifests).env = [
      { name: 'API_TOKEN', valueFrom: { secretKeyRef: { name: 'api', key: 'token' } } },
      { name: 'KEYCLOAK_URL', value: 'https://id.example.com' },
    ];
    // WHEN the rule runs
    const messages = messagesOf(envSecret, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });

  test('non-compliant: a literal password', () => {
    // GIVEN a literal password
    const manifests = referenceManifests();
    appContainer(manifests).env = [{ name: 'DB_PASSWORD', value: 'hunter2' }];
    // WHEN the rule runs
    const messages = messagesOf(envSecret, manifests);
    // THEN the rule names the field and the value
    expect(messages).toEqual(['container app: env DB_PASSWORD has a literal value, use valueFrom.secretKeyRef']);
  });

  test('not applicable: a ConfigMap', () => {
    // GIVEN a ConfigMap
    const manifests = [CONFIG_MAP];
    // WHEN the rule runs
    const messages = messagesOf(envSecret, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });
});
