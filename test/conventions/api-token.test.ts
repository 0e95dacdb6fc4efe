import { API_TOKEN_LIFETIME_SECONDS, API_TOKEN_PATH, apiTokenVolume } from '../../src/conventions/api-token';

describe('the API token', () => {
  test('lives an hour and 7 seconds, at the path client libraries read', () => {
    // GIVEN / WHEN / THEN
    expect(API_TOKEN_LIFETIME_SECONDS).toBe(3607);
    expect(API_TOKEN_PATH).toBe('/var/run/secrets/kubernetes.io/serviceaccount');
  });

  test('is a projected volume of the token, the cluster CA and the namespace', () => {
    // GIVEN / WHEN
    const volume = apiTokenVolume('kube-api-access');
    // THEN
    expect(volume.name).toBe('kube-api-access');
    expect(volume.projected!.sources).toEqual([
      { serviceAccountToken: { path: 'token', expirationSeconds: 3607 } },
      { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
      { downwardApi: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
    ]);
  });
});
