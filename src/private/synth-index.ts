import { IConstruct } from 'constructs';

const values = new WeakMap<IConstruct, Map<Function, unknown>>();
const registrations = new WeakMap<IConstruct, Set<Function>>();

/**
 * A value computed at most once per validation pass over the whole app (an index of its objects),
 * shared by every construct that validates against it, so that checks stay linear in the number
 * of objects. (`App.synth()` validates the app once per chart, `GoldenApp` once per synth.)
 *
 * The first call for an app registers a validation on the app root that forgets the value: cdk8s
 * validates the root before any other construct, so each pass computes a fresh index, and only
 * when some construct asks for it.
 */
export function synthIndex<T>(scope: IConstruct, build: (root: IConstruct) => T): () => T {
  const root = scope.node.root;
  let cache = values.get(root);
  if (!cache) {
    cache = new Map();
    values.set(root, cache);
  }
  const store = cache;
  let registered = registrations.get(root);
  if (!registered) {
    registered = new Set();
    registrations.set(root, registered);
  }
  if (!registered.has(build)) {
    registered.add(build);
    root.node.addValidation({ validate: () => { store.delete(build); return []; } });
  }
  return () => {
    if (!store.has(build)) {
      store.set(build, build(root));
    }
    return store.get(build) as T;
  };
}
