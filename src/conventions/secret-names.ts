/**
 * The opinion on which environment variable names hold secrets. A literal value under such a name
 * ends up in Git, in the API server and in every `kubectl get -o yaml`; kube-linter and Polaris
 * flag it. Names are split into words on anything but letters and digits.
 */

/** Words that name a secret on their own. */
const SECRET_WORDS: ReadonlySet<string> = new Set([
  'SECRET', 'SECRETS', 'PASSWORD', 'PASSWORDS', 'PASSWD', 'PASS', 'PWD', 'PASSPHRASE', 'TOKEN', 'APIKEY',
  'CREDENTIAL', 'CREDENTIALS', 'AUTH', 'AUTHORIZATION', 'BEARER', 'PRIVATEKEY',
]);

/** `KEY` is a secret, except after these words (a public key, a database or cache key). */
const HARMLESS_BEFORE_KEY: ReadonlySet<string> = new Set(['PUBLIC', 'SORT', 'PRIMARY', 'PARTITION', 'CACHE', 'FOREIGN', 'ROUTING', 'SHARD', 'HASH']);

/** A last word that makes the name describe a secret rather than hold one: TOKEN_URL, SECRET_NAME, KEY_ID. */
const DESCRIPTIVE_LAST_WORDS: ReadonlySet<string> = new Set([
  'URL', 'URI', 'ENDPOINT', 'HOST', 'PORT', 'NAME', 'ID', 'PATH', 'FILE', 'DIR', 'TTL', 'TIMEOUT', 'LENGTH',
  'SIZE', 'COUNT', 'PREFIX', 'TYPE', 'MODE', 'HEADER', 'ENABLED', 'REF', 'VERSION', 'ALGORITHM',
]);

/**
 * Secret words that also mark a secret at the end of a longer word, as in `PGPASSWORD`,
 * `MYSQLPASSWD`, `GITHUBTOKEN`, `CLIENTSECRET` (short words such as PASS or AUTH are left out:
 * BYPASS, OAUTH).
 */
const SECRET_SUFFIXES: ReadonlyArray<string> = ['PASSWORD', 'PASSWD', 'PASSPHRASE', 'SECRET', 'TOKEN', 'APIKEY', 'ACCESSKEY', 'PRIVATEKEY', 'CREDENTIALS'];

/**
 * A URL with a password in it (`postgres://user:password@db/app`): a credential, whatever the
 * variable is called.
 */
const URL_WITH_PASSWORD = /[a-z][a-z0-9+.-]*:\/\/[^/\s:@]*:[^/\s@]+@/i;

/** Whether an environment variable name looks like it holds a secret. */
export function looksSecret(name: string): boolean {
  const words = name.toUpperCase().split(/[^A-Z0-9]+/).filter((w) => w.length > 0);
  if (words.length === 0 || DESCRIPTIVE_LAST_WORDS.has(words[words.length - 1])) {
    return false;
  }
  return words.some((word, i) => SECRET_WORDS.has(word) || (word === 'KEY' && !HARMLESS_BEFORE_KEY.has(words[i - 1] ?? ''))
    || SECRET_SUFFIXES.some((suffix) => word.length > suffix.length && word.endsWith(suffix)));
}

/** Whether a value holds a credential in plain sight: a URL with a password (`scheme://user:password@host`). */
export function holdsCredentials(value: string): boolean {
  return URL_WITH_PASSWORD.test(value);
}
