// An app team's repository: ten lines, on top of the platform team's package.
// Run `npx projen synth:example` at the repository root (or `cdk8s synth` here) to write dist/.
import { App } from 'cdk8s';
import { TeamChart, TeamNamespaceChart, useAcmePlatform } from './acme-platform';
import { WebService } from '../../src';

/** The checkout team's app. */
export function buildApp(app: App, openshift = false): { namespace: TeamNamespaceChart; checkout: TeamChart } {
  useAcmePlatform(app, { openshift });
  const namespace = new TeamNamespaceChart(app, 'checkout-namespace', { team: 'checkout', costCentre: 'cc-4711' });
  const checkout = new TeamChart(app, 'checkout', namespace);
  new WebService(checkout, 'checkout-web', {
    image: 'registry.acme.com/checkout/web:5.3.0',
    host: 'checkout.acme.com',
    autoscaling: { maxReplicas: 6 },
  });
  return { namespace, checkout };
}

if (require.main === module) {
  const app = new App();
  buildApp(app, process.env.ACME_OPENSHIFT === 'true');
  app.synth();
}
