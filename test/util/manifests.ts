import { App, Chart, Testing } from 'cdk8s';
import { PlatformDefaults } from '../../src/platform/platform-defaults';

/** The manifests of one kind, in output order. */
export function byKind(docs: any[], kind: string): any[] {
  return docs.filter((d) => d.kind === kind);
}

/** The one manifest of a kind; fails the test when there is not exactly one. */
export function oneOf(docs: any[], kind: string): any {
  const found = byKind(docs, kind);
  if (found.length !== 1) {
    throw new Error(`expected one ${kind}, found ${found.length}: ${docs.map((d) => `${d.kind}/${d.metadata?.name}`).join(', ')}`);
  }
  return found[0];
}

/** A chart in a fresh app, with a namespace like a real app chart has. */
export function namespacedChart(namespace = 'shop', app: App = Testing.app()): Chart {
  return new Chart(app, namespace, { namespace });
}

/** The main container of a workload manifest. */
export function containerOf(deployment: any): any {
  return deployment.spec.template.spec.containers[0];
}

/** The API server address the tests declare: grants need one. */
export const TEST_API_SERVER = { cidrs: ['10.0.0.10/32'], port: 443 };

/** A fresh app whose platform declares the API server, as an app with grants needs. */
export function grantingApp(): App {
  const app = Testing.app();
  PlatformDefaults.set(app, { apiServer: TEST_API_SERVER });
  return app;
}
