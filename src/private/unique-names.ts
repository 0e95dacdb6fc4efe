import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { problem } from './errors';

/** Kinds whose objects have no namespace: they collide across the whole cluster. */
const CLUSTER_SCOPED = new Set([
  'Namespace', 'ClusterRole', 'ClusterRoleBinding', 'CustomResourceDefinition', 'PersistentVolume',
  'StorageClass', 'IngressClass', 'PriorityClass', 'RuntimeClass', 'GatewayClass', 'Node',
  'ValidatingWebhookConfiguration', 'MutatingWebhookConfiguration', 'APIService',
]);

const indexes = new WeakMap<IConstruct, Map<string, ApiObject[]>>();
const indexedRoots = new WeakSet<IConstruct>();

/** What identifies an object in the API server: group, kind, namespace and name. */
function identity(obj: ApiObject): string {
  const group = obj.apiVersion.includes('/') ? obj.apiVersion.split('/')[0] : '';
  const namespace = CLUSTER_SCOPED.has(obj.kind) ? '' : obj.metadata.namespace ?? '';
  return `${group}|${obj.kind}|${namespace}|${obj.name}`;
}

/** One walk over the whole app: every ApiObject by identity. */
function buildIndex(root: IConstruct): Map<string, ApiObject[]> {
  const index = new Map<string, ApiObject[]>();
  for (const c of root.node.findAll()) {
    if (c instanceof ApiObject) {
      const key = identity(c);
      const list = index.get(key);
      if (list) {
        list.push(c);
      } else {
        index.set(key, [c]);
      }
    }
  }
  return indexes.set(root, index).get(root)!;
}

/**
 * Refuses, at synth time, two objects of the same kind and name in one namespace anywhere in the
 * app (across charts too): the second would silently overwrite the first in the cluster.
 *
 * The index is built once per synth by a validation on the app root, which cdk8s visits before
 * any other construct; each owner then looks up its own objects, so the check stays linear.
 */
export function refuseNameCollisions(owner: IConstruct, objects: () => ApiObject[]): void {
  const root = owner.node.root;
  if (!indexedRoots.has(root)) {
    indexedRoots.add(root);
    root.node.addValidation({ validate: () => { buildIndex(root); return []; } });
  }
  owner.node.addValidation({
    validate: () => {
      const index = indexes.get(root) ?? buildIndex(root);
      const errors: string[] = [];
      for (const obj of objects()) {
        const others = (index.get(identity(obj)) ?? []).filter((o) => o !== obj);
        if (others.length > 0) {
          const namespace = obj.metadata.namespace === undefined ? 'no namespace' : `namespace '${obj.metadata.namespace}'`;
          errors.push(problem('name', `${obj.kind} '${obj.name}' in ${namespace} is also emitted by ${others.map((o) => o.node.path).join(', ')}`,
            obj.name, 'give one of them another name (the `name` prop) or another namespace'));
        }
      }
      return errors;
    },
  });
}
