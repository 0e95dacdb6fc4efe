import { Duration } from 'cdk8s';
import { IConstruct } from 'constructs';
import { fail } from './errors';

const DNS_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;
const IANA_SERVICE_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** A whole number within [min, max]; JavaScript callers may pass anything. */
export function checkInteger(scope: IConstruct, field: string, value: unknown, min: number, max: number, fix?: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    fail(scope, field, `must be a whole number from ${min} to ${max}`, value, fix ?? `set ${field} to a whole number from ${min} to ${max}`);
  }
  return value;
}

/** A non-empty string. */
export function checkString(scope: IConstruct, field: string, value: unknown, fix: string): string {
  if (typeof value !== 'string' || value.length === 0) {
    fail(scope, field, 'must be a non-empty string', value, fix);
  }
  return value;
}

/** An RFC 1035 label: what a Service name and the names of this library's objects must be. */
export function isDnsLabel(value: string): boolean {
  return value.length <= 63 && DNS_LABEL.test(value);
}

/** A name for the objects of a construct: an RFC 1035 DNS label of at most `maxLength` characters. */
export function checkObjectName(scope: IConstruct, field: string, value: unknown, maxLength = 63): string {
  const fix = `use at most ${maxLength} lower-case letters, digits and '-', starting with a letter and ending with a letter or digit (set the \`name\` prop to choose another name than the construct id)`;
  if (typeof value !== 'string' || value.length === 0) {
    fail(scope, field, 'must be a DNS label', value, fix);
  }
  if (value.length > maxLength) {
    fail(scope, field, `must be at most ${maxLength} characters (it is ${value.length})`, value, fix);
  }
  if (!DNS_LABEL.test(value)) {
    fail(scope, field, 'must be a DNS label (RFC 1035)', value, fix);
  }
  return value;
}

/** A name inside a pod spec (a container, a volume): an RFC 1123 DNS label of at most 63 characters. */
export function checkPodLocalName(scope: IConstruct, field: string, value: unknown, example: string): string {
  if (typeof value !== 'string' || value.length > 63 || !DNS_SUBDOMAIN_LABEL.test(value)) {
    fail(scope, field, 'must be a DNS label', value, `use at most 63 lower-case letters, digits and '-', starting and ending with a letter or digit, such as '${example}'`);
  }
  return value;
}

/** A host name for an Ingress: a lower-case DNS name, optionally with a leading `*.` wildcard. */
export function checkHostName(scope: IConstruct, field: string, value: unknown): string {
  const fix = "use a lower-case DNS name such as 'shop.example.com' (no scheme, port or path)";
  if (typeof value !== 'string' || value.length === 0) {
    fail(scope, field, 'must be a DNS name', value, fix);
  }
  const bare = value.startsWith('*.') ? value.slice(2) : value;
  const labels = bare.split('.');
  const valid = value.length <= 253
    && labels.length >= 2
    && labels.every((l) => l.length <= 63 && DNS_SUBDOMAIN_LABEL.test(l))
    && !/^[0-9]+$/.test(labels[labels.length - 1]);
  if (!valid) {
    fail(scope, field, 'must be a DNS name', value, fix);
  }
  return value;
}

/** A Kubernetes label value: at most 63 characters, alphanumeric at both ends. */
export function isLabelValue(value: string): boolean {
  return value.length <= 63 && LABEL_VALUE.test(value);
}

/** A qualified name (`[prefix/]name`) as label and annotation keys need. */
export function isQualifiedName(key: string): boolean {
  const slash = key.indexOf('/');
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if (prefix !== undefined) {
    const labels = prefix.split('.');
    if (prefix.length === 0 || prefix.length > 253 || !labels.every((l) => l.length <= 63 && DNS_SUBDOMAIN_LABEL.test(l))) {
      return false;
    }
  }
  return name.length <= 63 && QUALIFIED_NAME.test(name);
}

/**
 * A map of string keys to string values, as JavaScript callers may get wrong. Returns a plain
 * copy, so that what is emitted is a plain object whatever the caller passed (a null-prototype
 * object, a class instance).
 */
export function checkStringMap(scope: IConstruct, field: string, value: unknown): Record<string, string> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    fail(scope, field, 'must be a map of strings to strings', value, 'pass an object such as { key: \'value\' }');
  }
  const entries = Object.entries(value);
  if (Object.prototype.hasOwnProperty.call(value, 'constructor')) {
    // cdk8s writes an object as a map only when its `constructor` is Object; a key of that name
    // hides it, and synth would fail with "can't render non-simple object".
    fail(scope, `${field}.constructor`, 'is a key cdk8s cannot write (it reads an object with a `constructor` key as an instance of a class, and synth fails)',
      (value as any).constructor, 'give the key another name');
  }
  for (const [k, v] of entries) {
    if (typeof v !== 'string') {
      fail(scope, `${field}.${k}`, 'must be a string', v, 'quote the value (Kubernetes labels, annotations and env values are strings)');
    }
  }
  return Object.fromEntries(entries) as Record<string, string>;
}

/**
 * An options object (rollout, shutdown, security, probe timing…): undefined is "no options",
 * anything but a plain object is refused rather than ignored.
 */
export function checkOptions<T extends object>(scope: IConstruct, field: string, value: T | undefined): Partial<T> {
  if (value === undefined) {
    return {};
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    fail(scope, field, 'must be an object of options', value, 'pass an object such as { … }, or leave it out for the defaults');
  }
  return value;
}

/**
 * A settings object whose every key is one of `fields`: anything but a plain object is refused
 * with `what` and `fix`, and an unknown key (a typo) is refused rather than ignored.
 */
export function checkKnownFields(
  scope: IConstruct, field: string, value: unknown, fields: ReadonlyArray<string>, of: string, what: string, fix: string,
): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    fail(scope, field, what, value, fix);
  }
  for (const key of Object.keys(value)) {
    if (!fields.includes(key)) {
      fail(scope, `${field}.${key}`, `is not a field of ${of}`, key, `use one of ${fields.join(', ')}`);
    }
  }
  return value as Record<string, unknown>;
}

/** What the API server accepts for all annotations of one object together. */
const MAX_ANNOTATION_BYTES = 262144;

/** Labels: qualified keys and valid values. */
export function checkLabels(scope: IConstruct, field: string, value: unknown): Record<string, string> {
  const labels = checkStringMap(scope, field, value);
  for (const [k, v] of Object.entries(labels)) {
    if (!isQualifiedName(k)) {
      fail(scope, `${field}`, 'has a key that is not a valid label key', k, "use an optional DNS prefix and a name of at most 63 characters, such as 'acme.com/team'");
    }
    if (!isLabelValue(v)) {
      fail(scope, `${field}.${k}`, 'must be a valid label value', v, "use at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit");
    }
  }
  return labels;
}

/** Annotations: qualified keys, any string values. */
export function checkAnnotations(scope: IConstruct, field: string, value: unknown): Record<string, string> {
  const annotations = checkStringMap(scope, field, value);
  let bytes = 0;
  for (const [k, v] of Object.entries(annotations)) {
    if (!isQualifiedName(k)) {
      fail(scope, field, 'has a key that is not a valid annotation key', k, "use an optional DNS prefix and a name of at most 63 characters, such as 'prometheus.io/scrape'");
    }
    bytes += Buffer.byteLength(k) + Buffer.byteLength(v);
  }
  if (bytes > MAX_ANNOTATION_BYTES) {
    fail(scope, field, `hold more than the ${MAX_ANNOTATION_BYTES} bytes the API server accepts for an object's annotations`, `${bytes} bytes`,
      'keep large data in a ConfigMap and reference it');
  }
  return annotations;
}

/** An environment variable name as the API server accepts it. */
export function checkEnvName(scope: IConstruct, field: string, name: string): string {
  if (!ENV_NAME.test(name)) {
    fail(scope, field, 'is not a valid environment variable name', name, "use letters, digits, '_', '-' and '.', not starting with a digit, such as 'LOG_LEVEL'");
  }
  return name;
}

/** An IANA service name, as container and Service port names must be. */
export function checkPortName(scope: IConstruct, field: string, value: unknown): string {
  if (typeof value !== 'string' || value.length > 15 || !IANA_SERVICE_NAME.test(value) || !/[a-z]/.test(value) || value.includes('--')) {
    fail(scope, field, 'must be an IANA service name', value, "use at most 15 lower-case letters, digits and single '-', with at least one letter, such as 'http'");
  }
  return value;
}

/** A Duration of whole seconds within [min, max]. */
export function checkSeconds(scope: IConstruct, field: string, value: unknown, min: number, max: number): number {
  if (!(value instanceof Duration)) {
    fail(scope, field, 'must be a Duration', value, 'use Duration.seconds(n) from cdk8s');
  }
  const seconds = value.toMilliseconds({ integral: false }) / 1000;
  if (!Number.isFinite(seconds) || !Number.isInteger(seconds) || seconds < min || seconds > max) {
    fail(scope, field, `must be a whole number of seconds from ${min} to ${max}`, `${seconds}s`, `use Duration.seconds(n) with n from ${min} to ${max}`);
  }
  return seconds;
}

/** A list of strings (command, args). */
export function checkStringList(scope: IConstruct, field: string, value: unknown): string[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    fail(scope, field, 'must be a list of strings', value, "pass an array of strings such as ['--port', '8080']");
  }
  return value as string[];
}

/** A namespace name: an RFC 1123 DNS label of at most 63 characters. */
export function checkNamespaceName(scope: IConstruct, field: string, value: unknown): string {
  if (typeof value !== 'string' || value.length > 63 || !DNS_SUBDOMAIN_LABEL.test(value)) {
    fail(scope, field, 'must be a namespace name (a DNS label of at most 63 characters)', value, "use lower-case letters, digits and '-', such as 'payments'");
  }
  return value;
}

/** A reference to an object by name (ConfigMap, Secret): an RFC 1123 DNS subdomain. */
export function checkReferenceName(scope: IConstruct, field: string, value: unknown): string {
  const valid = typeof value === 'string' && value.length > 0 && value.length <= 253
    && value.split('.').every((l) => DNS_SUBDOMAIN_LABEL.test(l));
  if (!valid) {
    fail(scope, field, 'must be the name of an object (a DNS subdomain)', value, "use lower-case letters, digits, '-' and '.', such as 'app-secrets'");
  }
  return value as string;
}
