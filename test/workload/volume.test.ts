import { Size, Testing } from 'cdk8s';
import { EmptyDirMedium, Volume, VolumeMount, WebService } from '../../src';
import { byKind, namespacedChart } from '../util/manifests';

const IMAGE = 'ghcr.io/acme/web:1.0.0';

/** The pod spec of a WebService that mounts these volumes into its app container. */
function podWith(volumes: VolumeMount[]): any {
  const chart = namespacedChart();
  new WebService(chart, 'web', { image: IMAGE, volumes });
  return byKind(Testing.synth(chart), 'Deployment')[0].spec.template.spec;
}

function refusal(volumes: unknown): string {
  const chart = namespacedChart();
  try {
    new WebService(chart, 'web', { image: IMAGE, volumes: volumes as VolumeMount[] });
    Testing.synth(chart);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected a refusal');
}

describe('Volume', () => {
  test('a Secret and a ConfigMap become read-only volumes named after them', () => {
    // GIVEN / WHEN
    const pod = podWith([
      { volume: Volume.fromSecret('db-tls'), mountPath: '/tls' },
      { volume: Volume.fromConfigMap('settings', { items: { 'app.yaml': 'conf/app.yaml' } }), mountPath: '/settings' },
    ]);
    // THEN
    expect(pod.volumes.slice(1)).toEqual([
      { name: 'secret-db-tls', secret: { secretName: 'db-tls' } },
      { name: 'configmap-settings', configMap: { name: 'settings', items: [{ key: 'app.yaml', path: 'conf/app.yaml' }] } },
    ]);
    expect(pod.containers[0].volumeMounts.slice(1)).toEqual([
      { name: 'secret-db-tls', mountPath: '/tls', readOnly: true },
      { name: 'configmap-settings', mountPath: '/settings', readOnly: true },
    ]);
  });

  test('an emptyDir gets 64Mi on disk by default and a numbered name; a memory one says so', () => {
    // GIVEN / WHEN
    const pod = podWith([
      { volume: Volume.emptyDir(), mountPath: '/cache' },
      { volume: Volume.emptyDir({ medium: EmptyDirMedium.MEMORY, sizeLimit: Size.mebibytes(16) }), mountPath: '/shm' },
      { volume: Volume.emptyDir({ name: 'spool' }), mountPath: '/spool' },
    ]);
    // THEN
    expect(pod.volumes.slice(1)).toEqual([
      { name: 'scratch-1', emptyDir: { sizeLimit: '64Mi' } },
      { name: 'scratch-2', emptyDir: { medium: 'Memory', sizeLimit: '16Mi' } },
      { name: 'spool', emptyDir: { sizeLimit: '64Mi' } },
    ]);
  });

  test('a ReadOnlyMany claim is mounted read-only; a ReadWriteMany one writable', () => {
    // GIVEN / WHEN
    const pod = podWith([
      { volume: Volume.fromPersistentVolumeClaim('models', { accessMode: 'ReadOnlyMany' }), mountPath: '/models' },
      { volume: Volume.fromPersistentVolumeClaim('uploads', { accessMode: 'ReadWriteMany' }), mountPath: '/uploads' },
    ]);
    // THEN
    expect(pod.volumes.slice(1)).toEqual([
      { name: 'pvc-models', persistentVolumeClaim: { claimName: 'models', readOnly: true } },
      { name: 'pvc-uploads', persistentVolumeClaim: { claimName: 'uploads' } },
    ]);
    expect(pod.containers[0].volumeMounts.slice(1)).toEqual([
      { name: 'pvc-models', mountPath: '/models', readOnly: true },
      { name: 'pvc-uploads', mountPath: '/uploads' },
    ]);
  });

  test('a long or dotted object name gives a DNS label: dots become dashes, a name over 63 characters ends in a hash', () => {
    // GIVEN
    const long = `certs.${'a'.repeat(80)}`;
    // WHEN
    const pod = podWith([
      { volume: Volume.fromSecret('tls.example.com'), mountPath: '/tls' },
      { volume: Volume.fromSecret(long), mountPath: '/long' },
    ]);
    // THEN
    expect(pod.volumes[1].name).toBe('secret-tls-example-com');
    expect(pod.volumes[2].name).toMatch(/^secret-certs-a{41}-[0-9a-f]{8}$/);
    expect(pod.volumes[2].name.length).toBeLessThanOrEqual(63);
  });

  test('isVolume recognises volumes only', () => {
    expect(Volume.isVolume(Volume.emptyDir())).toBe(true);
    expect(Volume.isVolume({ kind: 'secret' })).toBe(false);
  });

  test.each([
    ['a bad Secret name', [{ volume: Volume.fromSecret('Bad_Name'), mountPath: '/s' }],
      "[shop/web] volumes[0].volume.secretName: must be the name of an object (a DNS subdomain), got 'Bad_Name'; use lower-case letters, digits, '-' and '.', such as 'app-secrets'"],
    ['items that climb out of the mount', [{ volume: Volume.fromConfigMap('c', { items: { k: '../k' } }), mountPath: '/c' }],
      "[shop/web] volumes[0].volume.items.k: must be a relative file path without '..', got '../k'; use a path such as 'tls.crt' or 'certs/tls.crt'"],
    ['an unknown access mode', [{ volume: Volume.fromPersistentVolumeClaim('data', { accessMode: 'ReadWriteSome' }), mountPath: '/data' }],
      "[shop/web] volumes[0].volume.accessMode: must be a PersistentVolumeClaim access mode, got 'ReadWriteSome'; use 'ReadWriteOnce', 'ReadWriteOncePod', 'ReadWriteMany', 'ReadOnlyMany'"],
    ['a blank acknowledgement', [{ volume: Volume.fromPersistentVolumeClaim('data', { singleWriterAcknowledgement: ' ' }), mountPath: '/data' }],
      "[shop/web] volumes[0].volume.singleWriterAcknowledgement: must be a written reason, got ' '; write why several pods may share the claim, or leave it out"],
    ['an emptyDir of a fraction of a MiB', [{ volume: Volume.emptyDir({ sizeLimit: Size.kibibytes(100) }), mountPath: '/s' }],
      "[shop/web] volumes[0].volume.sizeLimit: must be a whole number of MiB, at least 1, got '0.09765625Mi'; use Size.mebibytes(n) or Size.gibibytes(n)"],
    ['an unknown medium', [{ volume: Volume.emptyDir({ medium: 'Tape' as EmptyDirMedium }), mountPath: '/s' }],
      "[shop/web] volumes[0].volume.medium: must be an EmptyDirMedium, got 'Tape'; use EmptyDirMedium.DISK or EmptyDirMedium.MEMORY"],
    ['a volume name that is no DNS label', [{ volume: Volume.emptyDir({ name: 'Scratch' }), mountPath: '/s' }],
      "[shop/web] volumes[0].volume.name: must be a DNS label, got 'Scratch'; use at most 63 lower-case letters, digits and '-', starting and ending with a letter or digit, such as 'scratch'"],
  ])('refused: %s', (_what, volumes, message) => {
    expect(refusal(volumes)).toBe(message);
  });
});
