import { Chart, Testing } from 'cdk8s';
import { SecureNamespace, WebService } from '../src';
import { warmUpSerialiserShapes } from '../src/shape-warm-up';

describe('warmUpSerialiserShapes', () => {
  test('serialises one of each construct, once per process', () => {
    // GIVEN / WHEN it runs twice
    const first = warmUpSerialiserShapes();
    const second = warmUpSerialiserShapes();
    // THEN the first call serialised the objects of a SecureNamespace, a WebService, an
    // InternalApi and a CanaryRelease without an error, and the second did nothing
    expect(first).toBeGreaterThanOrEqual(25);
    expect(second).toBe(0);
  });

  test('leaves nothing behind: an app may use the same names', () => {
    // GIVEN the warm-up ran, with a namespace `warm-up` and a WebService `web` in it
    warmUpSerialiserShapes();
    const app = Testing.app();
    const chart = new Chart(app, 'chart', { namespace: 'warm-up' });
    new SecureNamespace(chart, 'namespace', { name: 'warm-up' });
    new WebService(chart, 'web', { image: 'ghcr.io/acme/web:1.0.0', port: 8080, host: 'web.example.com' });
    // WHEN
    const docs = Testing.synth(chart);
    // THEN the app's own objects only, and no duplicate is reported
    expect(docs.filter((d) => d.kind === 'Namespace').map((d) => d.metadata.name)).toEqual(['warm-up']);
    expect(docs.filter((d) => d.kind === 'Deployment').map((d) => d.metadata.name)).toEqual(['web']);
  });
});
