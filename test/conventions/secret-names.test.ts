import { holdsCredentials, looksSecret } from '../../src/conventions/secret-names';

describe('looksSecret', () => {
  test.each([
    'DB_PASSWORD',
    'db_password',
    'Password',
    'spring.datasource.password',
    'PASSWD',
    'GPG_PASSPHRASE',
    'API_KEY',
    'APIKEY',
    'STRIPE_API_KEY',
    'GITHUB_TOKEN',
    'ACCESS_TOKEN',
    'CLIENT_SECRET',
    'JWT_SECRET',
    'AWS_SECRET_ACCESS_KEY',
    'PRIVATE_KEY',
    'PRIVATEKEY',
    'SSH_PRIVATE_KEY',
    'GOOGLE_APPLICATION_CREDENTIALS',
    'DB_CREDENTIAL',
    'KEY',
    'SIGNING_KEY',
    'ENCRYPTION_KEY',
    'KEY_MATERIAL',
    'HMAC_KEY_V2',
    'DB_PASS',
    'MYSQL_PWD',
    'REDIS_AUTH',
    'AUTHORIZATION',
    'BEARER',
    'api-key',
    'api.key',
    'jwt-key',
    'PGPASSWORD',
    'MYSQLPASSWD',
    'GITHUBTOKEN',
    'CLIENTSECRET',
    'AWS_SECRETACCESSKEY',
  ])('%p looks like a secret', (name) => {
    // GIVEN / WHEN / THEN
    expect(looksSecret(name)).toBe(true);
  });

  test.each([
    'KEYCLOAK_URL',
    'KEYCLOAK_REALM',
    'MONKEY_MODE',
    'HOCKEY_TEAM',
    'KEYBOARD_LAYOUT',
    'TURKEY_REGION',
    'LOG_LEVEL',
    'PORT',
    'DATABASE_HOST',
    'DATABASE_USER',
    'PASSENGER_LIMIT',
    'BYPASS_CACHE',
    'NODE_ENV',
    'FEATURE_FLAGS',
    'MAX_TOKENS',
    'OPENAI_MAX_TOKENS',
    'TOKENIZER_MODEL',
    'TOKEN_URL',
    'TOKEN_TTL',
    'SECRET_NAME',
    'PASSWORD_MIN_LENGTH',
    'PUBLIC_KEY',
    'JWT_PUBLIC_KEY',
    'SORT_KEY',
    'PRIMARY_KEY',
    'PARTITION_KEY',
    'CACHE_KEY_PREFIX',
    'KEY_ID',
    'AWS_ACCESS_KEY_ID',
    '',
    '___',
  ])('%p does not look like a secret', (name) => {
    // GIVEN / WHEN / THEN
    expect(looksSecret(name)).toBe(false);
  });
});

describe('holdsCredentials', () => {
  test.each(['postgres://u:pw@db/x', 'redis://:hunter2@cache:6379', 'https://user:p%40ss@example.com/path', 'amqp://guest:guest@rabbit'])(
    '%p holds a password', (value) => {
      // GIVEN / WHEN / THEN
      expect(holdsCredentials(value)).toBe(true);
    });

  test.each(['postgres://db/x', 'postgres://user@db/x', 'https://example.com/a:b@c', 'user:pw', 'mailto:a@b.c', 'http://[::1]:8080/'])(
    '%p holds none', (value) => {
      // GIVEN / WHEN / THEN
      expect(holdsCredentials(value)).toBe(false);
    });
});
