import { pvcSingleWriter } from '../../../src/guardrails/rules/pvc-single-writer';
import { byKind, hpa, messagesOf, podSpecOf, referenceManifests } from '../helpers';

function claim(name: string, accessModes: string[]): any {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name, namespace: 'shop' },
    spec: { accessModes, resources: { requests: { storage: '1Gi' } } },
  };
}

/** The reference web service with a volume of this claim, and the claim. */
function withClaim(accessModes: string[], replicas: number): any[] {
  const manifests = referenceManifests();
  byKind(manifests, 'Deployment').spec.replicas = replicas;
  const pod = podSpecOf(manifests);
  pod.volumes = [...pod.volumes ?? [], { name: 'data', persistentVolumeClaim: { claimName: 'storefront-data' } }];
  return [...manifests, claim('storefront-data', accessModes)];
}

describe('pvc-single-writer', () => {
  test('compliant: the reference web service', () => {
    // GIVEN the reference web service
    const manifests = referenceManifests();
    // WHEN the rule runs
    const messages = messagesOf(pvcSingleWriter, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });

  test('non-compliant: a ReadWriteOnce claim in 3 replicas', () => {
    // GIVEN 3 replicas mounting a ReadWriteOnce claim
    const manifests = withClaim(['ReadWriteOnce'], 3);
    // WHEN the rule runs
    const messages = messagesOf(pvcSingleWriter, manifests);
    // THEN the volume, the claim and the pod count (with the default 25% surge) are named
    expect(messages).toEqual(['volume data mounts PersistentVolumeClaim storefront-data (ReadWriteOnce) into up to 4 pods of this Deployment (3 and 1 more during a rollout)']);
  });

  test('non-compliant: a ReadWriteOncePod claim in one replica that an autoscaler may scale to 5', () => {
    // GIVEN 1 replica under an autoscaler up to 5
    const manifests = withClaim(['ReadWriteOncePod'], 1);
    delete byKind(manifests, 'Deployment').spec.replicas;
    manifests.push(hpa('storefront', 1, 5));
    // WHEN the rule runs
    const messages = messagesOf(pvcSingleWriter, manifests);
    // THEN it is reported
    expect(messages).toEqual(['volume data mounts PersistentVolumeClaim storefront-data (ReadWriteOncePod) into up to 7 pods of this Deployment (5 and 2 more during a rollout)']);
  });

  test('non-compliant: a ReadWriteOnce claim in one replica whose rollout surges to two pods', () => {
    // GIVEN 1 replica with a rolling update that surges by one pod (the reference's 25%, rounded up)
    const manifests = withClaim(['ReadWriteOnce'], 1);
    // WHEN the rule runs
    const messages = messagesOf(pvcSingleWriter, manifests);
    // THEN the surge pod is counted: it cannot attach the volume on another node
    expect(messages).toEqual(['volume data mounts PersistentVolumeClaim storefront-data (ReadWriteOnce) into up to 2 pods of this Deployment (1 and 1 more during a rollout)']);
  });

  test('compliant: a ReadWriteMany claim, or a ReadWriteOnce claim in one pod without a surge', () => {
    // GIVEN
    const many = withClaim(['ReadWriteMany'], 3);
    const onePod = withClaim(['ReadWriteOnce'], 1);
    byKind(onePod, 'Deployment').spec.strategy = { type: 'Recreate' };
    const noSurge = withClaim(['ReadWriteOnce'], 1);
    byKind(noSurge, 'Deployment').spec.strategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 1 } };
    // WHEN the rule runs
    // THEN nothing is reported
    expect(messagesOf(pvcSingleWriter, many)).toEqual([]);
    expect(messagesOf(pvcSingleWriter, onePod)).toEqual([]);
    expect(messagesOf(pvcSingleWriter, noSurge)).toEqual([]);
  });

  test('not applicable: a claim that is not in the input (its access mode is unknown)', () => {
    // GIVEN the volume without its claim
    const manifests = withClaim(['ReadWriteOnce'], 3).filter((m) => m.kind !== 'PersistentVolumeClaim');
    // WHEN the rule runs
    const messages = messagesOf(pvcSingleWriter, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });
});
