import { Chart, Testing } from 'cdk8s';
import { Construct } from 'constructs';
import { NamespaceQuota } from '../../src/namespace/namespace-quota';
import { WorkloadNeeds } from '../../src/namespace/namespace-registry';
import { requireQuota } from '../../src/namespace/workload-quota';
import { SecureNamespace } from '../../src/secure-namespace';

function needsOf(owner: Construct, pods: number): WorkloadNeeds {
  return {
    owner, name: owner.node.id, pods, cpuRequest: 10, cpuLimit: 10, memory: 10, ephemeralStorageRequest: 10, ephemeralStorageLimit: 10, services: 1,
  };
}

describe('requireQuota', () => {
  test('a workload that fits its SecureNamespace quota passes', () => {
    // GIVEN
    const app = Testing.app();
    const chart = new Chart(app, 'shop', { namespace: 'shop' });
    new SecureNamespace(chart, 'ns', { name: 'shop', quota: NamespaceQuota.SMALL });
    const owner = new Construct(chart, 'web');
    // WHEN
    requireQuota(owner, 'shop', () => needsOf(owner, 2));
    // THEN
    expect(owner.node.validate()).toEqual([]);
  });

  test('a workload that cannot fit alone is reported at itself, read at synth', () => {
    // GIVEN
    const app = Testing.app();
    const chart = new Chart(app, 'shop', { namespace: 'shop' });
    new SecureNamespace(chart, 'ns', { name: 'shop', quota: NamespaceQuota.SMALL });
    const owner = new Construct(chart, 'web');
    let pods = 2;
    // WHEN
    requireQuota(owner, 'shop', () => needsOf(owner, pods));
    pods = 30;
    // THEN
    expect(owner.node.validate()).toEqual([
      "resources: needs up to 30 of pods (30 pods at the largest scale and rollout surge), more than the quota of namespace 'shop' (20, set by shop/ns), got '30'; lower the resources or replicas, or raise the namespace quota",
    ]);
  });

  test('a workload outside any SecureNamespace has no quota to fit', () => {
    // GIVEN
    const owner = new Construct(Testing.chart(), 'web');
    // WHEN
    requireQuota(owner, undefined, () => needsOf(owner, 10000));
    // THEN
    expect(owner.node.validate()).toEqual([]);
  });
});
