/** Maximum length of a label value and of the name part of a label key. */
const LABEL_NAME_MAX = 63;
const LABEL_NAME = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** Why Kubernetes would reject a label value, or undefined when it is valid. */
export function labelValueProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') {
    return `is a ${value === null ? 'null' : typeof value}, not a string`;
  }
  if (value.length > LABEL_NAME_MAX) {
    return `is ${value.length} characters long, at most ${LABEL_NAME_MAX} are allowed`;
  }
  if (!LABEL_NAME.test(value)) {
    return 'must be empty or consist of alphanumerics, \'-\', \'_\' or \'.\', starting and ending with an alphanumeric';
  }
  return undefined;
}

/** The answers of labelKeyProblem so far: a manifest set uses few distinct label keys, on every object. */
const keyProblems = new Map<string, string | undefined>();
const KEY_PROBLEMS_MAX = 10_000;

/** Why Kubernetes would reject a label key, or undefined when it is valid. */
export function labelKeyProblem(key: string): string | undefined {
  if (keyProblems.has(key)) {
    return keyProblems.get(key);
  }
  const problem = computeLabelKeyProblem(key);
  if (keyProblems.size >= KEY_PROBLEMS_MAX) {
    keyProblems.clear();
  }
  keyProblems.set(key, problem);
  return problem;
}

function computeLabelKeyProblem(key: string): string | undefined {
  const slash = key.indexOf('/');
  const prefix = slash < 0 ? undefined : key.slice(0, slash);
  const name = slash < 0 ? key : key.slice(slash + 1);
  if (prefix !== undefined && (prefix.length === 0 || prefix.length > 253 || !DNS_SUBDOMAIN.test(prefix))) {
    return 'has a prefix that is not a DNS subdomain';
  }
  if (name.length === 0 || name.length > LABEL_NAME_MAX || !LABEL_NAME.test(name)) {
    return 'has a name part that is not 1 to 63 alphanumerics, \'-\', \'_\' or \'.\', starting and ending with an alphanumeric';
  }
  return undefined;
}

/** Why a port name is not a valid IANA service name (RFC 6335), or undefined when it is. */
export function portNameProblem(name: unknown): string | undefined {
  if (typeof name !== 'string') {
    return 'is not a string';
  }
  if (name.length === 0 || name.length > 15) {
    return 'must be 1 to 15 characters';
  }
  if (!/^[a-z0-9-]+$/.test(name)) {
    return 'may contain only lower-case letters, digits and \'-\'';
  }
  if (!/[a-z]/.test(name)) {
    return 'must contain at least one letter';
  }
  if (name.startsWith('-') || name.endsWith('-') || name.includes('--')) {
    return 'must not start or end with \'-\' or contain \'--\'';
  }
  return undefined;
}
