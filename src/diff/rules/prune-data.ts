import { Manifest, arrayAt, namespaceOf, objectAt } from '../../guardrails/manifest';
import { DiffContext, DiffProblem, DiffRule } from '../diff-rule';
import { describeObject } from '../manifest-set';
import { isKind } from './problem';

const PRUNE_SOURCE = 'deletion with prune (`kubectl apply --prune`, Argo CD and Flux pruning) and the garbage collector';

/** A removed object: the finding is on the OLD object, where an acknowledgement can be written before the removal. */
function removal(object: Manifest, what: string): DiffProblem {
  return {
    object,
    side: 'old',
    field: '',
    oldValue: describeObject(object),
    newValue: '',
    message: `${describeObject(object)} is in OLD and not in NEW: ${what}`,
  };
}

function removedOf(context: DiffContext, group: string, kinds: ReadonlyArray<string>): Manifest[] {
  return context.removed.filter((o) => isKind(o, group, kinds));
}

const ACK_FIX = 'If the data may go, say so first: annotate the object in a commit of its own with ack.cdk8s-golden.io/<rule>: <reason>, then remove it.';

/** A Namespace removed: everything in it is deleted. */
export const pruneNamespace: DiffRule = {
  id: 'prune-namespace',
  why: 'Deleting a Namespace deletes every object in it, also those no manifest lists (claims and their volumes, Secrets written by controllers, custom resources).',
  fix: `Keep the Namespace in the output (move it to a chart of its own if its contents moved). ${ACK_FIX}`,
  source: PRUNE_SOURCE,
  check: (context) => {
    const removed = removedOf(context, '', ['Namespace']);
    if (removed.length === 0) {
      return [];
    }
    const counts = new Map<string, number>();
    for (const object of context.old.objects) {
      counts.set(namespaceOf(object), (counts.get(namespaceOf(object)) ?? 0) + 1);
    }
    return removed.map((ns) => {
      const name = String(objectAt(ns.metadata).name);
      return removal(ns, `applied with prune, it is deleted with everything in it (${counts.get(name) ?? 0} objects of OLD, and all the cluster holds there)`);
    });
  },
};

/** A PersistentVolumeClaim removed: its volume is deleted with it (reclaimPolicy Delete, the default of dynamic provisioning). */
export const prunePvc: DiffRule = {
  id: 'prune-pvc',
  why: 'Deleting a PersistentVolumeClaim releases its volume, which dynamic provisioning deletes by default (reclaimPolicy: Delete): the data is gone.',
  fix: `Keep the claim in the output. ${ACK_FIX}`,
  source: PRUNE_SOURCE,
  check: (context) => removedOf(context, '', ['PersistentVolumeClaim'])
    .map((pvc) => removal(pvc, 'applied with prune, the claim is deleted, and with it its volume unless the volume\'s reclaimPolicy is Retain')),
};

/** A StatefulSet with volumeClaimTemplates removed. */
export const pruneStatefulSet: DiffRule = {
  id: 'prune-statefulset',
  why: 'Deleting a StatefulSet with volumeClaimTemplates stops the pods that own its data; with persistentVolumeClaimRetentionPolicy.whenDeleted: Delete '
    + 'its claims, and their volumes, are deleted too.',
  fix: `Keep the StatefulSet in the output (replicas: 0 stops it and keeps its claims). ${ACK_FIX}`,
  source: `${PRUNE_SOURCE}; the StatefulSet controller's persistentVolumeClaimRetentionPolicy`,
  check: (context) => removedOf(context, 'apps', ['StatefulSet'])
    .filter((sts) => arrayAt(objectAt(sts.spec).volumeClaimTemplates).length > 0)
    .map((sts) => {
      const policy = objectAt(objectAt(sts.spec).persistentVolumeClaimRetentionPolicy).whenDeleted ?? 'Retain';
      return removal(sts, policy === 'Delete'
        ? 'applied with prune, it is deleted and so are its claims and their volumes (persistentVolumeClaimRetentionPolicy.whenDeleted: Delete)'
        : 'applied with prune, its pods are deleted and its claims are left without a workload (whenDeleted: Retain)');
    }),
};

/** A CustomResourceDefinition removed: every custom resource of it is deleted, in every namespace. */
export const pruneCrd: DiffRule = {
  id: 'prune-crd',
  why: 'Deleting a CustomResourceDefinition deletes every object of that kind in the whole cluster, also those other teams created.',
  fix: `Keep the CustomResourceDefinition in the output. ${ACK_FIX}`,
  source: `${PRUNE_SOURCE}; the apiextensions-apiserver deletes the instances of a removed CustomResourceDefinition`,
  check: (context) => removedOf(context, 'apiextensions.k8s.io', ['CustomResourceDefinition'])
    .map((crd) => removal(crd, 'applied with prune, every custom resource of this kind is deleted, in every namespace')),
};
