import { Testing } from 'cdk8s';
import { Construct } from 'constructs';
import { EnvSource, resolveEnv } from '../../src/workload/env';

const NAME_FIX = "use letters, digits, '_', '-' and '.', not starting with a digit, such as 'LOG_LEVEL'";
const REF_FIX = "use lower-case letters, digits, '-' and '.', such as 'app-secrets'";

function webScope(): Construct {
  const chart = Testing.chart();
  return new Construct(chart, 'web');
}

describe('resolveEnv', () => {
  test('no env at all is undefined', () => {
    // GIVEN / WHEN / THEN
    expect(resolveEnv(webScope(), undefined, undefined)).toBeUndefined();
    expect(resolveEnv(webScope(), {}, {})).toBeUndefined();
  });

  test('literals keep the order they were given in, empty values included', () => {
    // GIVEN
    const env = { LOG_LEVEL: 'info', KEYCLOAK_URL: 'https://sso.example.com', EMPTY: '', GREETING: 'grüße 🌍' };
    // WHEN
    const result = resolveEnv(webScope(), env, undefined);
    // THEN
    expect(result).toEqual([
      { name: 'LOG_LEVEL', value: 'info' },
      { name: 'KEYCLOAK_URL', value: 'https://sso.example.com' },
      { name: 'EMPTY', value: '' },
      { name: 'GREETING', value: 'grüße 🌍' },
    ]);
  });

  test('Secret keys become secretKeyRef entries, secret-looking names included', () => {
    // GIVEN
    const secretEnv = { DB_PASSWORD: { secretName: 'db', key: 'password' }, API_KEY: { secretName: 'stripe.keys', key: 'api-key_v1.txt' } };
    // WHEN
    const result = resolveEnv(webScope(), undefined, secretEnv);
    // THEN
    expect(result).toEqual([
      { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } },
      { name: 'API_KEY', valueFrom: { secretKeyRef: { name: 'stripe.keys', key: 'api-key_v1.txt' } } },
    ]);
  });

  test('literals come before Secret keys', () => {
    // GIVEN / WHEN
    const result = resolveEnv(webScope(), { LOG_LEVEL: 'info' }, { DB_PASSWORD: { secretName: 'db', key: 'password' } });
    // THEN
    expect(result!.map((e) => e.name)).toEqual(['LOG_LEVEL', 'DB_PASSWORD']);
  });

  test.each(['DB_PASSWORD', 'API_KEY', 'GITHUB_TOKEN', 'client_secret'])('refuses a literal under the secret-looking name %p, without showing the value', (name) => {
    // GIVEN
    const env = { [name]: 'hunter2' };
    // WHEN / THEN
    expect(() => resolveEnv(webScope(), env, undefined)).toThrow(new Error(
      `[test/web] env.${name}: a literal value under a secret-looking name would be stored in plain text, got '${name}'; `
      + `put the value in a Secret and reference it with secretEnv: { ${name}: { secretName: '…', key: '…' } }`,
    ));
  });

  test.each(['DATABASE_URL', 'AMQP_ADDRESS'])('refuses a URL with a password under any name (%p), without showing the value', (name) => {
    // GIVEN
    const env = { [name]: 'postgres://app:hunter2@db:5432/app' };
    // WHEN / THEN
    expect(() => resolveEnv(webScope(), env, undefined)).toThrow(new Error(
      `[test/web] env.${name}: the literal value is a URL with a password in it (user:password@), which would be stored in plain text, got '${name}'; `
      + `put the URL in a Secret and reference it with secretEnv: { ${name}: { secretName: '…', key: '…' } }`,
    ));
    expect(resolveEnv(webScope(), { DATABASE_URL: 'postgres://app@db:5432/app' }, undefined)).toEqual([{ name: 'DATABASE_URL', value: 'postgres://app@db:5432/app' }]);
  });

  test('refuses PGPASSWORD, a secret name in one word', () => {
    // WHEN / THEN
    expect(() => resolveEnv(webScope(), { PGPASSWORD: 'hunter2' }, undefined)).toThrow(/^\[test\/web\] env\.PGPASSWORD: a literal value under a secret-looking name/);
  });

  test.each(['1X', 'A B', 'A=B', 'NAÏVE', ''])('refuses the literal name %p', (name) => {
    // GIVEN / WHEN / THEN
    expect(() => resolveEnv(webScope(), { [name]: 'x' }, undefined))
      .toThrow(new Error(`[test/web] env.${name}: is not a valid environment variable name, got '${name}'; ${NAME_FIX}`));
  });

  test('refuses the Secret key name 1X', () => {
    // GIVEN / WHEN / THEN
    expect(() => resolveEnv(webScope(), undefined, { '1X': { secretName: 'db', key: 'password' } }))
      .toThrow(new Error(`[test/web] secretEnv.1X: is not a valid environment variable name, got '1X'; ${NAME_FIX}`));
  });

  test('refuses a variable set both as a literal and from a Secret', () => {
    // GIVEN / WHEN / THEN
    expect(() => resolveEnv(webScope(), { DB_USER: 'app' }, { DB_USER: { secretName: 'db', key: 'user' } })).toThrow(new Error(
      "[test/web] secretEnv.DB_USER: the same environment variable is set twice (in env and secretEnv), got 'DB_USER'; keep one of the two",
    ));
  });

  test('names that differ only in case are different variables', () => {
    // GIVEN / WHEN
    const result = resolveEnv(webScope(), { db_user: 'app' }, { DB_USER: { secretName: 'db', key: 'user' } });
    // THEN
    expect(result!.map((e) => e.name)).toEqual(['db_user', 'DB_USER']);
  });

  test.each([
    [null, 'null'],
    ['LOG_LEVEL=info', "'LOG_LEVEL=info'"],
    [['LOG_LEVEL'], '["LOG_LEVEL"]'],
  ])('refuses env %p, which is not a map', (env, shown) => {
    // GIVEN / WHEN / THEN
    expect(() => resolveEnv(webScope(), env, undefined))
      .toThrow(new Error(`[test/web] env: must be a map of strings to strings, got ${shown}; pass an object such as { key: 'value' }`));
  });

  test.each([
    [8080, '8080'],
    [true, 'true'],
    [null, 'null'],
  ])('refuses the literal value %p, which is not a string', (value, shown) => {
    // GIVEN / WHEN / THEN
    expect(() => resolveEnv(webScope(), { PORT: value }, undefined))
      .toThrow(new Error(`[test/web] env.PORT: must be a string, got ${shown}; quote the value (Kubernetes labels, annotations and env values are strings)`));
  });

  test.each([
    [null, 'null'],
    ['db', "'db'"],
    [[{ secretName: 'db', key: 'password' }], '[{"secretName":"db","key":"password"}]'],
  ])('refuses secretEnv %p, which is not a map', (secretEnv, shown) => {
    // GIVEN / WHEN / THEN
    expect(() => resolveEnv(webScope(), undefined, secretEnv))
      .toThrow(new Error(`[test/web] secretEnv: must be a map of variable names to Secret keys, got ${shown}; pass { NAME: { secretName: 'db', key: 'password' } }`));
  });

  test.each([
    [null, 'null'],
    ['db/password', "'db/password'"],
    [42, '42'],
  ])('refuses the Secret key reference %p', (ref, shown) => {
    // GIVEN / WHEN / THEN
    expect(() => resolveEnv(webScope(), undefined, { DB_PASSWORD: ref }))
      .toThrow(new Error(`[test/web] secretEnv.DB_PASSWORD: must be a Secret key reference, got ${shown}; pass { secretName: 'db', key: 'password' }`));
  });

  test.each([
    [undefined, 'undefined'],
    ['', "''"],
    ['DB', "'DB'"],
    ['db_secret', "'db_secret'"],
    ['ns/db', "'ns/db'"],
  ])('refuses the Secret name %p', (secretName, shown) => {
    // GIVEN / WHEN / THEN
    expect(() => resolveEnv(webScope(), undefined, { DB_PASSWORD: { secretName, key: 'password' } }))
      .toThrow(new Error(`[test/web] secretEnv.DB_PASSWORD.secretName: must be the name of an object (a DNS subdomain), got ${shown}; ${REF_FIX}`));
  });

  test.each([
    [undefined, 'undefined'],
    ['', "''"],
    ['pass word', "'pass word'"],
    ['dir/password', "'dir/password'"],
    ['pässword', "'pässword'"],
    [1, '1'],
  ])('refuses the Secret key %p', (key, shown) => {
    // GIVEN / WHEN / THEN
    expect(() => resolveEnv(webScope(), undefined, { DB_PASSWORD: { secretName: 'db', key } }))
      .toThrow(new Error(`[test/web] secretEnv.DB_PASSWORD.key: must be a Secret key, got ${shown}; use letters, digits, '-', '_' and '.'`));
  });
});

describe('EnvSource', () => {
  test('fromConfigMap references every key of the ConfigMap', () => {
    // GIVEN
    const source = EnvSource.fromConfigMap('app-config');
    // WHEN
    const envFrom = source._toEnvFrom(webScope(), 'envFrom[0]');
    // THEN
    expect(envFrom).toEqual({ configMapRef: { name: 'app-config' } });
    expect(envFrom.prefix).toBeUndefined();
  });

  test('fromSecret references every key of the Secret, with a prefix', () => {
    // GIVEN
    const source = EnvSource.fromSecret('db.credentials', 'DB_');
    // WHEN
    const envFrom = source._toEnvFrom(webScope(), 'envFrom[1]');
    // THEN
    expect(envFrom).toEqual({ secretRef: { name: 'db.credentials' }, prefix: 'DB_' });
  });

  test.each([
    ['', "''"],
    ['App-Config', "'App-Config'"],
    ['app_config', "'app_config'"],
    [undefined, 'undefined'],
  ])('refuses the name %p', (name, shown) => {
    // GIVEN
    const source = EnvSource.fromConfigMap(name as any);
    // WHEN / THEN
    expect(() => source._toEnvFrom(webScope(), 'envFrom[0]'))
      .toThrow(new Error(`[test/web] envFrom[0].name: must be the name of an object (a DNS subdomain), got ${shown}; ${REF_FIX}`));
  });

  test.each([
    ['1_', "'1_'"],
    ['DB PREFIX', "'DB PREFIX'"],
    ['DB=', "'DB='"],
  ])('refuses the prefix %p', (prefix, shown) => {
    // GIVEN
    const source = EnvSource.fromSecret('db', prefix);
    // WHEN / THEN
    expect(() => source._toEnvFrom(webScope(), 'envFrom[2]'))
      .toThrow(new Error(`[test/web] envFrom[2].prefix: is not a valid environment variable name, got ${shown}; ${NAME_FIX}`));
  });

  test('an empty prefix is no prefix, as in Kubernetes', () => {
    expect(EnvSource.fromSecret('db', '')._toEnvFrom(webScope(), 'envFrom[0]')).toEqual({ secretRef: { name: 'db' } });
  });

  test('refuses a prefix that is not a string', () => {
    expect(() => EnvSource.fromSecret('db', null as any)._toEnvFrom(webScope(), 'envFrom[0]'))
      .toThrow(new Error("[test/web] envFrom[0].prefix: must be a string, got null; use a prefix such as 'APP_', or leave it out"));
  });
});
