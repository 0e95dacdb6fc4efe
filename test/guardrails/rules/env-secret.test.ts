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

  test('non-compliant: a private key and a token under innocent names; the same shapes as references, and ordinary values, pass', () => {
    // GIVEN literal values shaped like secrets, under names that say nothing (assembled at run time)
    const manifests = referenceManifests();
    appContainer(manifests).env = [
      { name: 'TLS_MATERIAL', value: '-----BEGIN' + ' EC PRIVATE KEY-----\nMHcCAQEEIB\n-----END EC PRIVATE KEY-----' },
      { name: 'GIT_REMOTE_HELPER', value: 'gh' + 'p_' + 'A1b2'.repeat(9) },
      { name: 'DATABASE_URL', value: 'postgres://app:' + 'hunter2@db:5432/orders' },
      { name: 'UPSTREAM_URL', value: 'postgres://app:$(DB_PASSWORD)@db:5432/orders' },
      { name: 'BUILD_SHA', value: 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0' },
      { name: 'CERT', valueFrom: { secretKeyRef: { name: 'tls', key: 'tls.key' } } },
    ];
    // WHEN the rule runs
    const messages = messagesOf(envSecret, manifests);
    // THEN each secret-shaped literal is reported with what it looks like
    expect(messages).toEqual([
      'container app: env TLS_MATERIAL holds a private key as a literal value, use valueFrom.secretKeyRef',
      'container app: env GIT_REMOTE_HELPER holds a GitHub token as a literal value, use valueFrom.secretKeyRef',
      'container app: env DATABASE_URL holds credentials in a URL as a literal value, use valueFrom.secretKeyRef',
    ]);
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
