import { secretShapeOf } from '../../src/conventions/secret-values';

// Token-shaped test values are assembled at run time, so that no scanner mistakes this file for a leak.
const BEGIN = '-----BEGIN';
const END = '-----END';

describe('secret values', () => {
  test.each([
    [`${BEGIN} PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n${END} PRIVATE KEY-----`, 'a private key'],
    [`${BEGIN} RSA PRIVATE KEY-----\nMIIEow`, 'a private key'],
    [`${BEGIN} OPENSSH PRIVATE KEY-----`, 'a private key'],
    [`${BEGIN} PGP PRIVATE KEY BLOCK-----`, 'a private key'],
    ['---BEGIN OPENSSH PRIVATE KEY---\nxxxxx\n---END  OPENSSH PRIVATE KEY---', 'a private key'],
    ['postgres://app:' + 's3cr3t@db.shop.svc:5432/orders', 'credentials in a URL'],
    ['redis://:' + 's3cr3t@cache:6379/0', 'credentials in a URL'],
    [`${'eyJhbGciOiJIUzI1NiJ9'}.${'eyJzdWIiOiJhY21lIn0'}.${'x'.repeat(43)}`, 'a JSON Web Token'],
    ['gh' + 'p_' + 'A1b2'.repeat(9), 'a GitHub token'],
    ['gl' + 'pat-' + 'x'.repeat(20), 'a GitLab token'],
    ['AK' + 'IA' + 'ABCDEFGHIJKLMNOP', 'an AWS access key id'],
    ['xo' + 'xb-' + '1234567890-abcdef', 'a Slack token'],
    ['sk' + '_live_' + 'a'.repeat(24), 'a Stripe secret key'],
    ['AI' + 'za' + 'b'.repeat(35), 'a Google API key'],
    ['np' + 'm_' + 'c'.repeat(36), 'an npm token'],
  ])('a generated secret shape is recognised: %s', (value, what) => {
    // GIVEN a value with the shape of a secret / WHEN it is read / THEN its shape is named
    expect(secretShapeOf(value)).toBe(what);
  });

  test.each([
    'https://id.example.com/realms/shop',
    'http://localhost:8080/health@v2',
    'postgres://app@db.shop.svc:5432/orders',
    'postgres://app:$(DB_PASSWORD)@db.shop.svc:5432/orders',
    'redis://:${REDIS_PASSWORD}@cache:6379',
    '3f2504e0-4f89-11d3-9a0c-0305e82c3301',
    'sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0',
    `${BEGIN} PUBLIC KEY-----`,
    `${BEGIN} CERTIFICATE-----`,
    'info',
    'eyJ',
  ])('an ordinary value is not: %s', (value) => {
    // GIVEN a URL without password, a reference, a UUID, a digest, a commit hash, a public key, a log level
    // WHEN it is read / THEN no secret shape is found
    expect(secretShapeOf(value)).toBeUndefined();
  });
});
