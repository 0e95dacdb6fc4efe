import { Manifest, groupOf, isPlainObject, kindOf, nameOf, namespaceOf } from '../guardrails/manifest';

/**
 * API groups that older versions served some kinds under, mapped to the group that serves them
 * now: the same stored object, whatever the apiVersion written (apps/v1beta2, extensions/v1beta1).
 */
const MOVED_KINDS: ReadonlyMap<string, string> = new Map([
  ['extensions/Deployment', 'apps'],
  ['extensions/DaemonSet', 'apps'],
  ['extensions/ReplicaSet', 'apps'],
  ['extensions/Ingress', 'networking.k8s.io'],
  ['extensions/NetworkPolicy', 'networking.k8s.io'],
]);

/**
 * The identity of an object in a cluster: API group, kind, namespace and name. Two manifests with
 * the same identity are the same object; the version in apiVersion does not matter.
 */
export function identityOf(object: Manifest): string {
  let identity = IDENTITIES.get(object);
  if (identity === undefined) {
    const kind = kindOf(object);
    const group = groupOf(object);
    identity = [MOVED_KINDS.get(`${group}/${kind}`) ?? group, kind, namespaceOf(object), nameOf(object)].join('\u0000');
    IDENTITIES.set(object, identity);
  }
  return identity;
}

/** The identity of each object, computed once (objects read from input are never changed). */
const IDENTITIES = new WeakMap<Manifest, string>();

/** How messages name an object: `Deployment shop/web`, `Namespace shop`. */
export function describeObject(object: Manifest): string {
  const namespace = namespaceOf(object);
  return `${kindOf(object)} ${namespace === '' ? '' : `${namespace}/`}${nameOf(object) || '(no name)'}`;
}

/** One side of a diff: its objects in input order, indexed by identity. */
export interface ManifestSet {
  /** The Kubernetes objects, in input order (entries that are not objects are left out). */
  readonly objects: ReadonlyArray<Manifest>;
  /** The object of an identity (`identityOf`). */
  get(identity: string): Manifest | undefined;
  /** Where an object sits in the input given to `manifestSet` (for the file it came from). */
  positionOf(object: Manifest): number;
}

/** Two manifests of one side with the same identity: applying both, the second overwrites the first. */
export interface DuplicateObject {
  readonly object: string;
  readonly first: number;
  readonly second: number;
}

/**
 * The objects of one side, indexed; and the identities that appear twice, which the caller
 * refuses (Argo CD and Flux refuse such a set too).
 */
export function manifestSet(manifests: ReadonlyArray<unknown>): { set: ManifestSet; duplicates: DuplicateObject[] } {
  const byIdentity = new Map<string, Manifest>();
  const positions = new Map<Manifest, number>();
  const objects: Manifest[] = [];
  const duplicates: DuplicateObject[] = [];
  manifests.forEach((entry, position) => {
    if (!isPlainObject(entry) || kindOf(entry) === '') {
      return;
    }
    const identity = identityOf(entry);
    const first = byIdentity.get(identity);
    if (first !== undefined) {
      duplicates.push({ object: describeObject(entry), first: positions.get(first)!, second: position });
      return;
    }
    byIdentity.set(identity, entry);
    positions.set(entry, position);
    objects.push(entry);
  });
  return {
    set: {
      objects,
      get: (identity) => byIdentity.get(identity),
      positionOf: (object) => positions.get(object) ?? -1,
    },
    duplicates,
  };
}
