import { Testing } from 'cdk8s';
import { checkPlatformMonitoring } from '../../src/platform/platform-monitoring';

const NAMESPACE_FIX = "use lower-case letters, digits and '-', such as 'payments'";

describe('checkPlatformMonitoring', () => {
  test('returns a plain copy of every field given, and nothing for the fields left out', () => {
    // GIVEN
    const scope = Testing.chart();
    // WHEN
    const full = checkPlatformMonitoring(scope, 'monitoring', {
      namespace: 'monitoring', podLabels: { 'app.kubernetes.io/name': 'prometheus' }, prometheusOperator: true, monitorLabels: { release: 'kps' },
    });
    const smallest = checkPlatformMonitoring(scope, 'monitoring', { namespace: 'monitoring', podLabels: undefined });
    // THEN
    expect(full).toEqual({ namespace: 'monitoring', podLabels: { 'app.kubernetes.io/name': 'prometheus' }, prometheusOperator: true, monitorLabels: { release: 'kps' } });
    expect(Object.keys(smallest)).toEqual(['namespace']);
  });

  test.each([
    ['no object', 'monitoring', "monitoring: must say where the platform's Prometheus runs, got 'monitoring'; pass { namespace: 'monitoring' }"],
    ['a misspelt field', { namespace: 'monitoring', serviceMonitor: true },
      "monitoring.serviceMonitor: is not a field of the platform monitoring, got 'serviceMonitor'; use one of namespace, podLabels, prometheusOperator, monitorLabels"],
    ['no namespace', {}, `monitoring.namespace: must be a namespace name (a DNS label of at most 63 characters), got undefined; ${NAMESPACE_FIX}`],
    ['empty pod labels', { namespace: 'monitoring', podLabels: {} },
      'monitoring.podLabels: selects every pod of the namespace when empty, got {}; name at least one label of the Prometheus pods, or leave podLabels out'],
    ['a flag that is no boolean', { namespace: 'monitoring', prometheusOperator: 'yes' }, "monitoring.prometheusOperator: must be true or false, got 'yes'; pass a boolean"],
    ['a standard label on the monitors', { namespace: 'monitoring', monitorLabels: { 'app.kubernetes.io/name': 'x' } },
      "monitoring.monitorLabels: sets a standard label that the workload owns, got 'app.kubernetes.io/name'; use a label of the platform's own, such as 'release'"],
  ])('refuses %s', (_name, value, message) => {
    expect(() => checkPlatformMonitoring(Testing.chart(), 'monitoring', value)).toThrow(new Error(`[test] ${message}`));
  });
});
