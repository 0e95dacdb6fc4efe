import { Testing } from 'cdk8s';
import * as k8s from 'cdk8s-plus-30/lib/imports/k8s';
import { Construct } from 'constructs';
import { CheckedGrant } from '../../src/rbac/grants';
import { WorkloadAccess } from '../../src/rbac/workload-access';

function access() {
  const chart = Testing.chart();
  const mounted: Array<[k8s.Volume, k8s.VolumeMount]> = [];
  const a = new WorkloadAccess({
    scope: new Construct(chart, 'Stable'),
    lateScope: chart,
    lateIdPrefix: 'Stable',
    name: 'web',
    namespace: 'shop',
    metadata: () => ({ name: 'web' }),
    mountToken: (volume, mount) => mounted.push([volume, mount]),
  });
  return { chart, a, mounted };
}

const READ_CONFIG: CheckedGrant = { rule: { apiGroups: [''], resources: ['configmaps'], verbs: ['get'] } };

describe('WorkloadAccess', () => {
  test('makes a ServiceAccount that mounts no token, and nothing else until a grant', () => {
    // GIVEN / WHEN
    const { chart, a, mounted } = access();
    // THEN
    expect(Testing.synth(chart)).toEqual([{ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'web' }, automountServiceAccountToken: false }]);
    expect(a.serviceAccount.node.path).toBe('test/Stable/ServiceAccount');
    expect(a.role).toBeUndefined();
    expect(mounted).toEqual([]);
  });

  test('the first grant makes the Role, its binding and mounts the token once; a rule granted twice is kept once', () => {
    // GIVEN
    const { chart, a, mounted } = access();
    // WHEN
    a.grant(READ_CONFIG);
    a.grant(READ_CONFIG);
    a.grant({ rule: { apiGroups: [''], resources: ['secrets'], verbs: ['get'], resourceNames: ['db'] }, acknowledgement: { 'ack.cdk8s-golden.io/rbac-wildcard': 'reads its own secret' } });
    // THEN
    const docs = Testing.synth(chart);
    const role = docs.find((d) => d.kind === 'Role');
    expect(role.rules).toEqual([READ_CONFIG.rule, { apiGroups: [''], resources: ['secrets'], verbs: ['get'], resourceNames: ['db'] }]);
    expect(role.metadata.annotations).toEqual({ 'ack.cdk8s-golden.io/rbac-wildcard': 'reads its own secret' });
    expect(docs.find((d) => d.kind === 'RoleBinding').subjects).toEqual([{ kind: 'ServiceAccount', name: 'web', namespace: 'shop' }]);
    expect(mounted.map(([v, m]) => [v.name, m.mountPath, m.readOnly])).toEqual([['kube-api-access', '/var/run/secrets/kubernetes.io/serviceaccount', true]]);
  });
});
