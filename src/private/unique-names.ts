import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { problem } from './errors';
import { synthIndex } from './synth-index';

/** Kinds whose objects have no namespace: they collide across the whole cluster. */
const CLUSTER_SCOPED = new Set([
  'Namespace', 'ClusterRole', 'ClusterRoleBinding', 'CustomResourceDefinition', 'PersistentVolume',
  'StorageClass', 'IngressClass', 'PriorityClass', 'RuntimeClass', 'GatewayClass', 'Node',
  'ValidatingWebhookConfiguration', 'MutatingWebhookConfiguration', 'APIService', 'CSIDriver', 'CSINode',
  'VolumeAttachment', 'CertificateSigningRequest', 'FlowSchema', 'PriorityLevelConfiguration',
  'ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding', 'ClusterIssuer', 'ClusterPolicy', 'ClusterSecretStore',
]);

/** What identifies an object in the API server: group, kind, namespace and name. */
function identity(obj: ApiObject): string {
  const group = obj.apiVersion.includes('/') ? obj.apiVersion.split('/')[0] : '';
  const namespace = CLUSTER_SCOPED.has(obj.kind) ? '' : obj.metadata.namespace ?? '';
  return `${group}|${obj.kind}|${namespace}|${obj.name}`;
}

/** One walk over the whole app: every ApiObject by identity. */
function objectsByIdentity(root: IConstruct): Map<string, ApiObject[]> {
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
  return index;
}

/**
 * Refuses, at synth time, two objects of the same kind and name in one namespace anywhere in the
 * app (across charts too): the second would silently overwrite the first in the cluster.
 */
export function refuseNameCollisions(owner: IConstruct, objects: () => ApiObject[]): void {
  const index = synthIndex(owner, objectsByIdentity);
  owner.node.addValidation({
    validate: () => {
      const errors: string[] = [];
      for (const obj of objects()) {
        const others = (index().get(identity(obj)) ?? []).filter((o) => o !== obj);
        if (others.length > 0) {
          const where = CLUSTER_SCOPED.has(obj.kind) ? 'the cluster'
            : obj.metadata.namespace === undefined ? 'no namespace' : `namespace '${obj.metadata.namespace}'`;
          errors.push(problem('name', `${obj.kind} '${obj.name}' in ${where} is also emitted by ${others.map((o) => o.node.path).join(', ')}`,
            obj.name, 'give one of them another name (the `name` prop) or another namespace'));
        }
      }
      return errors;
    },
  });
}
