import { IConstruct } from 'constructs';

const values = new WeakMap<IConstruct, Map<Function, unknown>>();

/**
 * A value computed at most once per synth over the whole app (an index of its objects), shared by
 * every construct that validates against it, so that checks stay linear in the number of objects.
 *
 * The first call for an app registers a validation on the app root that forgets the value: cdk8s
 * validates the root before any other construct, so each synth computes a fresh index, and only
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
  if (!store.has(build)) {
    store.set(build, undefined);
    root.node.addValidation({ validate: () => { store.set(build, undefined); return []; } });
  }
  return () => {
    if (store.get(build) === undefined) {
      store.set(build, build(root));
    }
    return store.get(build) as T;
  };
}
