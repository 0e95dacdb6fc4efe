import { CLUSTER_SCOPED_KINDS } from '../private/cluster-scoped';

/** A Kubernetes object as plain JSON, as `JSON.parse` or a YAML parser gives it. */
export type Manifest = Record<string, any>;

/** The namespace objects without `metadata.namespace` end up in. */
export const DEFAULT_NAMESPACE = 'default';

/** True for a non-null, non-array object. */
export function isPlainObject(value: unknown): value is Manifest {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value if it is a plain object, else an empty object: safe navigation over untrusted JSON. */
export function objectAt(value: unknown): Manifest {
  return isPlainObject(value) ? value : {};
}

/** The value if it is an array, else an empty array. */
export function arrayAt(value: unknown): ReadonlyArray<any> {
  return Array.isArray(value) ? value : [];
}

/** The plain-object elements of an array-valued field. */
export function objectsAt(value: unknown): ReadonlyArray<Manifest> {
  return arrayAt(value).filter(isPlainObject);
}

/** The kind of an object, or '' when it has none. */
export function kindOf(object: Manifest): string {
  return typeof object.kind === 'string' ? object.kind : '';
}

/** `metadata.name`, or '' when unset. */
export function nameOf(object: Manifest): string {
  const name = objectAt(object.metadata).name;
  return typeof name === 'string' ? name : '';
}

/** The API group of an object: the part of apiVersion before '/', '' for the core group. */
export function groupOf(object: Manifest): string {
  const apiVersion = typeof object.apiVersion === 'string' ? object.apiVersion : '';
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

/** True when objects of this kind are cluster-scoped. */
export function isClusterScoped(object: Manifest): boolean {
  return CLUSTER_SCOPED_KINDS.has(kindOf(object));
}

/** The namespace of an object: '' when cluster-scoped, `metadata.namespace`, or 'default'. */
export function namespaceOf(object: Manifest): string {
  if (isClusterScoped(object)) {
    return '';
  }
  const namespace = objectAt(object.metadata).namespace;
  return typeof namespace === 'string' && namespace !== '' ? namespace : DEFAULT_NAMESPACE;
}

/** True when the object is of this kind in the core group (apiVersion `v1`). */
export function isCoreKind(object: Manifest, kind: string): boolean {
  return kindOf(object) === kind && groupOf(object) === '';
}

/** `metadata.labels` as a map of strings (non-string values are turned into text with `textOf`). */
export function labelsOf(metadata: unknown): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const [key, value] of Object.entries(objectAt(objectAt(metadata).labels))) {
    labels[key] = textOf(value);
  }
  return labels;
}

/**
 * Any value read from a manifest as text, never throwing: strings as they are, other scalars as
 * `String` gives them, maps and lists as JSON. (`String` throws on a map whose `toString` or
 * `valueOf` key holds no function, which is valid YAML: `{toString: 1}`.)
 */
export function textOf(value: unknown): string {
  if (typeof value === 'string') {
    return value;
  }
  if (value === null || typeof value !== 'object') {
    return String(value);
  }
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/** A value quoted for a message: strings in single quotes, anything else as JSON. */
export function quote(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : JSON.stringify(value) ?? String(value);
}
