import { Size, Testing } from 'cdk8s';
import { Cpu } from 'cdk8s-plus-30/lib/container';
import {
  CanaryRelease, EmptyDirMedium, HealthCheck, MigrationJob, ResourcePreset, StatefulService, Volume, WebService, WebServiceProps, Worker,
} from '../../src';
import { checkManifests } from '../../src/guardrails/engine';
import { byKind, namespacedChart } from '../util/manifests';

const IMAGE = 'ghcr.io/acme/web:1.0.0';
const SIDECAR = 'ghcr.io/acme/proxy:2.1.0';

function refusal(build: (chart: ReturnType<typeof namespacedChart>) => void): string {
  const chart = namespacedChart();
  try {
    build(chart);
    Testing.synth(chart);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected a refusal');
}

function webRefusal(props: Partial<WebServiceProps>): string {
  return refusal((chart) => new WebService(chart, 'web', { image: IMAGE, ...props }));
}

describe('the volumes of a pod', () => {
  test('the same Volume, or an equal one, mounted into several containers is one volume of the pod', () => {
    // GIVEN
    const chart = namespacedChart();
    const shared = Volume.emptyDir();
    // WHEN
    const web = new WebService(chart, 'web', {
      image: IMAGE,
      volumes: [{ volume: shared, mountPath: '/shared' }, { volume: Volume.fromSecret('tls'), mountPath: '/tls' }],
      sidecars: [{ name: 'proxy', image: SIDECAR, port: 9901, volumes: [{ volume: shared, mountPath: '/in', readOnly: true }, { volume: Volume.fromSecret('tls'), mountPath: '/tls' }] }],
    });
    web.allowFrom(web);
    const docs = Testing.synth(chart);
    // THEN
    const pod = byKind(docs, 'Deployment')[0].spec.template.spec;
    expect(pod.volumes.map((v: any) => v.name)).toEqual(['tmp', 'scratch-1', 'secret-tls']);
    expect(pod.initContainers[0].volumeMounts).toEqual([
      { name: 'tmp', mountPath: '/tmp' },
      { name: 'scratch-1', mountPath: '/in', readOnly: true },
      { name: 'secret-tls', mountPath: '/tls', readOnly: true },
    ]);
    expect(checkManifests(docs)).toEqual([]);
  });

  test('refused: two different volumes of one name', () => {
    expect(webRefusal({
      volumes: [{ volume: Volume.emptyDir({ name: 'data' }), mountPath: '/a' }, { volume: Volume.fromSecret('x', { name: 'data' }), mountPath: '/b' }],
    })).toBe("[shop/web] volumes[1].volume.name: names another volume than volumes[0].volume (emptyDir 'data'), got 'data'; give one of the two volumes another name");
  });

  test('refused: a volume named like one the workload makes', () => {
    expect(webRefusal({ volumes: [{ volume: Volume.emptyDir({ name: 'tmp' }), mountPath: '/a' }] }))
      .toBe("[shop/web] volumes[0].volume.name: is the name of a volume the workload makes (tmp, kube-api-access), got 'tmp'; give the volume another name");
    expect(webRefusal({ config: { 'a.yaml': 'a: 1' }, volumes: [{ volume: Volume.fromConfigMap('x', { name: 'config' }), mountPath: '/a' }] }))
      .toBe("[shop/web] volumes[0].volume.name: is the name of a volume the workload makes (tmp, config, kube-api-access), got 'config'; give the volume another name");
  });

  test('refused: a volume mounted twice into one container', () => {
    const v = Volume.emptyDir();
    expect(webRefusal({ volumes: [{ volume: v, mountPath: '/a' }, { volume: v, mountPath: '/b' }] }))
      .toBe("[shop/web] volumes[1].volume: is mounted twice into the same container, got 'scratch-1'; mount it once (use items to pick files), or use two volumes");
  });

  test.each([
    ['/tmp', "[shop/web] volumes[0].mountPath: overlaps the writable /tmp (/tmp) in the same container, got '/tmp'; mount each volume at a path of its own, outside the others"],
    ['/tmp/cache/', "[shop/web] volumes[0].mountPath: overlaps the writable /tmp (/tmp) in the same container, got '/tmp/cache/'; mount each volume at a path of its own, outside the others"],
    ['/var/run/secrets', "[shop/web] volumes[0].mountPath: overlaps the API token (/var/run/secrets/kubernetes.io/serviceaccount) in the same container, got '/var/run/secrets'; mount each volume at a path of its own, outside the others"],
    ['/config/extra', "[shop/web] volumes[0].mountPath: overlaps configMountPath (/config) in the same container, got '/config/extra'; mount each volume at a path of its own, outside the others"],
    ['/', "[shop/web] volumes[0].mountPath: must not be the root directory, got '/'; use an absolute path such as '/secrets/db'"],
    ['relative', "[shop/web] volumes[0].mountPath: must be an absolute path without spaces or '..', got 'relative'; use an absolute path such as '/secrets/db'"],
    ['/a/../b', "[shop/web] volumes[0].mountPath: must be an absolute path without spaces or '..', got '/a/../b'; use an absolute path such as '/secrets/db'"],
  ])('refused: a mount at %s', (mountPath, message) => {
    expect(webRefusal({ config: { 'a.yaml': 'a: 1' }, volumes: [{ volume: Volume.fromSecret('s'), mountPath }] })).toBe(message);
  });

  test('refused: two mounts of one container that overlap; the same path in two containers is fine', () => {
    expect(webRefusal({ volumes: [{ volume: Volume.fromSecret('a'), mountPath: '/etc/app' }, { volume: Volume.fromSecret('b'), mountPath: '/etc/app/b' }] }))
      .toBe("[shop/web] volumes[1].mountPath: overlaps volumes[0].mountPath (/etc/app) in the same container, got '/etc/app/b'; mount each volume at a path of its own, outside the others");
    const chart = namespacedChart();
    new WebService(chart, 'web', {
      image: IMAGE,
      volumes: [{ volume: Volume.fromSecret('a'), mountPath: '/etc/app' }],
      initContainers: [{ name: 'setup', image: SIDECAR, volumes: [{ volume: Volume.fromSecret('b'), mountPath: '/etc/app' }] }],
    });
    expect(() => Testing.synth(chart)).not.toThrow();
  });

  test('refused: a Secret, ConfigMap or ReadOnlyMany claim mounted writable', () => {
    expect(webRefusal({ volumes: [{ volume: Volume.fromSecret('s'), mountPath: '/s', readOnly: false }] }))
      .toBe("[shop/web] volumes[0].readOnly: cannot be false: Secret 's' is always mounted read-only, got false; leave readOnly out");
    expect(webRefusal({ volumes: [{ volume: Volume.fromPersistentVolumeClaim('m', { accessMode: 'ReadOnlyMany' }), mountPath: '/m', readOnly: false }] }))
      .toBe('[shop/web] volumes[0].readOnly: cannot be false: PersistentVolumeClaim m (ReadOnlyMany) is always mounted read-only, got false; leave readOnly out');
  });

  test('refused: something other than volume mounts', () => {
    expect(webRefusal({ volumes: [{ volume: { name: 'x' }, mountPath: '/x' }] as any }))
      .toBe("[shop/web] volumes[0]: must be { volume, mountPath } with a Volume, got {\"name\":\"x\"}; use { volume: Volume.fromSecret('name'), mountPath: '/secrets' } (or Volume.fromConfigMap, Volume.fromPersistentVolumeClaim, Volume.emptyDir)");
    expect(webRefusal({ volumes: 'x' as any }))
      .toBe("[shop/web] volumes: must be a list of volume mounts, got 'x'; pass [{ volume: Volume.fromSecret('name'), mountPath: '/secrets' }]");
  });
});

describe('single-writer claims', () => {
  test('refused by default on a workload that runs more than one pod: the claim is assumed ReadWriteOnce', () => {
    expect(webRefusal({ volumes: [{ volume: Volume.fromPersistentVolumeClaim('uploads'), mountPath: '/uploads' }] }))
      .toBe("[shop/web] volumes[0].volume: mounts a single-writer claim, which attaches to one node, but up to 4 pods of the workload run at once (replicas, autoscaling or the rollout surge): a pod on another node never starts, got 'PersistentVolumeClaim uploads (ReadWriteOnce)'; use a ReadWriteMany claim (accessMode: 'ReadWriteMany'), a StatefulService (a claim per pod), or give singleWriterAcknowledgement with the reason the pods share a node");
  });

  test('refused on a StatefulService with more than one pod, and in a sidecar', () => {
    expect(refusal((chart) => new StatefulService(chart, 'db', {
      image: IMAGE, storage: { size: Size.gibibytes(1) }, sidecars: [{ name: 'backup', image: SIDECAR, port: 9000, volumes: [{ volume: Volume.fromPersistentVolumeClaim('backups'), mountPath: '/backups' }] }],
    }))).toMatch(/^\[shop\/db\] sidecars\[0\]\.volumes\[0\]\.volume: mounts a single-writer claim, which attaches to one node, but up to 3 pods/);
  });

  test('a ReadWriteOncePod claim is never shared, even acknowledged', () => {
    expect(webRefusal({ volumes: [{ volume: Volume.fromPersistentVolumeClaim('u', { accessMode: 'ReadWriteOncePod', singleWriterAcknowledgement: 'one node' }), mountPath: '/u' }] }))
      .toBe("[shop/web] volumes[0].volume: mounts a ReadWriteOncePod claim, which only one pod can mount, but up to 4 pods of the workload run at once (replicas, autoscaling or the rollout surge), got 'PersistentVolumeClaim u (ReadWriteOncePod)'; use a ReadWriteMany claim, or a StatefulService (a claim per pod)");
  });

  test('acknowledged with a reason: mounted, and the pvc-single-writer rule acknowledged on the workload object', () => {
    // GIVEN
    const chart = namespacedChart();
    // WHEN
    new Worker(chart, 'indexer', {
      image: IMAGE,
      readinessProbe: HealthCheck.exec(['/bin/ready']),
      livenessProbe: HealthCheck.exec(['/bin/alive']),
      volumes: [{ volume: Volume.fromPersistentVolumeClaim('index', { singleWriterAcknowledgement: 'a node affinity keeps the pods on the storage node' }), mountPath: '/index' }],
    });
    // THEN
    const deployment = byKind(Testing.synth(chart), 'Deployment')[0];
    expect(deployment.metadata.annotations['ack.cdk8s-golden.io/pvc-single-writer']).toBe('a node affinity keeps the pods on the storage node');
    expect(deployment.spec.template.spec.volumes[1]).toEqual({ name: 'pvc-index', persistentVolumeClaim: { claimName: 'index' } });
  });

  test('refused on a CanaryRelease, whose two tracks run side by side', () => {
    expect(refusal((chart) => new CanaryRelease(chart, 'shop', {
      stable: { image: IMAGE },
      canary: { image: 'ghcr.io/acme/web:1.1.0', weight: 10 },
      replicas: 2,
      volumes: [{ volume: Volume.fromPersistentVolumeClaim('uploads'), mountPath: '/uploads' }],
    }))).toMatch(/^\[shop\/shop\] volumes\[0\]\.volume: mounts a single-writer claim, which attaches to one node, but up to 2 pods/);
  });

  test('the reasons of several acknowledged claims are kept in one annotation', () => {
    const chart = namespacedChart();
    new Worker(chart, 'indexer', {
      image: IMAGE,
      readinessProbe: HealthCheck.exec(['/bin/ready']),
      livenessProbe: HealthCheck.exec(['/bin/alive']),
      volumes: [
        { volume: Volume.fromPersistentVolumeClaim('a', { singleWriterAcknowledgement: 'pinned to the storage node' }), mountPath: '/a' },
        { volume: Volume.fromPersistentVolumeClaim('b', { singleWriterAcknowledgement: 'read by one pod at a time (a lock)' }), mountPath: '/b' },
      ],
    });
    const deployment = byKind(Testing.synth(chart), 'Deployment')[0];
    expect(deployment.metadata.annotations['ack.cdk8s-golden.io/pvc-single-writer']).toBe('pinned to the storage node; read by one pod at a time (a lock)');
  });

  test('a job that runs one pod at a time mounts a ReadWriteOnce claim without acknowledgement', () => {
    // GIVEN
    const chart = namespacedChart();
    // WHEN
    const api = new WebService(chart, 'api', { image: IMAGE });
    api.allowFrom(api);
    new MigrationJob(chart, 'migrate', { image: IMAGE, command: ['/migrate'], before: [api], volumes: [{ volume: Volume.fromPersistentVolumeClaim('dumps'), mountPath: '/dumps' }] });
    // THEN
    const job = byKind(Testing.synth(chart), 'Job')[0];
    expect(job.metadata.annotations?.['ack.cdk8s-golden.io/pvc-single-writer']).toBeUndefined();
    expect(job.spec.template.spec.volumes.map((v: any) => v.name)).toEqual(['tmp', 'pvc-dumps']);
  });
});

describe('emptyDirs and the pod\'s resources', () => {
  test('refused: disk emptyDirs and /tmp beyond the pod\'s ephemeral-storage limit', () => {
    // SMALL: 256Mi ephemeral-storage limit; /tmp 64Mi + 256Mi
    expect(webRefusal({ volumes: [{ volume: Volume.emptyDir({ sizeLimit: Size.mebibytes(256) }), mountPath: '/cache' }] }))
      .toBe("[shop/web] volumes[0].volume.sizeLimit: the disk emptyDirs and /tmp (320Mi in all) must fit the pod's ephemeral-storage limit (256Mi), or the kubelet evicts the pod before a volume is full, got '256Mi'; lower sizeLimit or tmpVolumeSize, or raise ephemeralStorageLimit (ResourcePreset.custom)");
  });

  test('a sidecar\'s ephemeral storage adds to the pod\'s', () => {
    const chart = namespacedChart();
    const web = new WebService(chart, 'web', {
      image: IMAGE,
      volumes: [{ volume: Volume.emptyDir({ sizeLimit: Size.mebibytes(256) }), mountPath: '/cache' }],
      sidecars: [{ name: 'proxy', image: SIDECAR, port: 9901 }],
    });
    web.allowFrom(web);
    expect(() => Testing.synth(chart)).not.toThrow();
  });

  test('refused: memory emptyDirs beyond the pod\'s memory', () => {
    expect(webRefusal({
      resources: ResourcePreset.custom({ cpuRequest: Cpu.millis(100), memory: Size.mebibytes(128) }),
      volumes: [{ volume: Volume.emptyDir({ medium: EmptyDirMedium.MEMORY, sizeLimit: Size.mebibytes(200) }), mountPath: '/shm' }],
    })).toBe("[shop/web] volumes[0].volume.sizeLimit: the memory emptyDirs (200Mi in all) must fit the pod's memory (128Mi): their files are memory of the containers that write them, got '200Mi'; lower sizeLimit, use EmptyDirMedium.DISK, or raise the memory (ResourcePreset)");
  });
});

describe('a StatefulService\'s own claim', () => {
  test('refused: a volume at or under the storage mount path, or named like the claim', () => {
    expect(refusal((chart) => new StatefulService(chart, 'db', {
      image: IMAGE, storage: { size: Size.gibibytes(1) }, volumes: [{ volume: Volume.fromSecret('x'), mountPath: '/data/creds' }],
    }))).toBe("[shop/db] storage.mountPath: overlaps the mount of volume 'secret-x' (/data/creds) from `volumes`, got '/data'; mount each volume at a path of its own, outside the others");
    expect(refusal((chart) => new StatefulService(chart, 'db', {
      image: IMAGE, storage: { size: Size.gibibytes(1) }, volumes: [{ volume: Volume.fromSecret('x', { name: 'data' }), mountPath: '/creds' }],
    }))).toBe("[shop/db] volumes: names a volume 'data', the name of the workload's own claim, got 'data'; give the volume another name");
  });
});
