import { effectiveSecurityField, podTemplateOf, servingContainers } from '../../src/guardrails/pod-template';

const SPEC = {
  securityContext: { runAsUser: 10001 },
  containers: [{ name: 'app', image: 'app:1', securityContext: { runAsUser: 20000 } }],
  initContainers: [{ name: 'setup', image: 'setup:1' }, { name: 'proxy', image: 'proxy:1', restartPolicy: 'Always' }],
  ephemeralContainers: [{ name: 'debug', image: 'busybox:1.36' }],
};
const METADATA = { labels: { app: 'web' }, annotations: { note: 'x' } };

describe('podTemplateOf', () => {
  test.each([
    ['Pod', { apiVersion: 'v1', kind: 'Pod', metadata: METADATA, spec: SPEC }],
    ['Deployment', { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { template: { metadata: METADATA, spec: SPEC } } }],
    ['StatefulSet', { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'web' }, spec: { template: { metadata: METADATA, spec: SPEC } } }],
    ['DaemonSet', { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'web' }, spec: { template: { metadata: METADATA, spec: SPEC } } }],
    ['ReplicaSet', { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web' }, spec: { template: { metadata: METADATA, spec: SPEC } } }],
    ['Job', { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'web' }, spec: { template: { metadata: METADATA, spec: SPEC } } }],
    ['CronJob', { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'web' }, spec: { jobTemplate: { spec: { template: { metadata: METADATA, spec: SPEC } } } } }],
  ])('reads the pod of a %s', (_kind, object) => {
    // GIVEN a workload
    // WHEN its pod template is extracted
    const template = podTemplateOf(object);
    // THEN the pod metadata, spec and every container come out, labelled for messages
    expect(template?.labels).toEqual({ app: 'web' });
    expect(template?.annotations).toEqual({ note: 'x' });
    expect(template?.spec).toBe(SPEC);
    expect(template?.containers.map((ref) => ref.label)).toEqual([
      'container app', 'init container setup', 'init container proxy', 'ephemeral container debug',
    ]);
    expect(template?.owner).toBe(object);
  });

  test('returns nothing for other objects or a workload without pod spec', () => {
    // GIVEN objects that run no pod
    // WHEN extracting
    // THEN there is no template
    expect(podTemplateOf({ apiVersion: 'v1', kind: 'ConfigMap' })).toBeUndefined();
    expect(podTemplateOf({ apiVersion: 'apps/v1', kind: 'Deployment', spec: {} })).toBeUndefined();
    expect(podTemplateOf({ apiVersion: 'serving.knative.dev/v1', kind: 'Pod', spec: SPEC })).toBeUndefined();
  });

  test('serving containers are the regular ones and the sidecars', () => {
    // GIVEN a pod with an init container and a sidecar
    const template = podTemplateOf({ apiVersion: 'v1', kind: 'Pod', metadata: METADATA, spec: SPEC })!;
    // WHEN selecting the containers that serve
    // THEN the run-to-completion init and ephemeral containers are left out
    expect(servingContainers(template).map((ref) => ref.name)).toEqual(['app', 'proxy']);
  });

  test('the container securityContext overrides the pod one', () => {
    // GIVEN a pod-level UID and a container-level one on the first container only
    const template = podTemplateOf({ apiVersion: 'v1', kind: 'Pod', metadata: METADATA, spec: SPEC })!;
    // WHEN reading the effective value
    const values = template.containers.map((ref) => effectiveSecurityField(template, ref, 'runAsUser'));
    // THEN the container's wins where set, the pod's elsewhere
    expect(values).toEqual([20000, 10001, 10001, 10001]);
  });
});
