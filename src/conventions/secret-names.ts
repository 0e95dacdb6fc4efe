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

/** Whether an environment variable name looks like it holds a secret. */
export function looksSecret(name: string): boolean {
  const words = name.toUpperCase().split(/[^A-Z0-9]+/).filter((w) => w.length > 0);
  if (words.length === 0 || DESCRIPTIVE_LAST_WORDS.has(words[words.length - 1])) {
    return false;
  }
  return words.some((word, i) => SECRET_WORDS.has(word) || (word === 'KEY' && !HARMLESS_BEFORE_KEY.has(words[i - 1] ?? '')));
}
