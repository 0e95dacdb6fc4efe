// A release as code: storefront 2.1.0 is canaried behind the public Gateway.
//
// The rollout is a series of commits, each reviewed and applied by GitOps (at once, with prune):
//   1. add `canary: { image: '…:2.1.0', weight: 0 }`            → its first pod starts; no traffic but the x-canary header
//   2. raise the weight: 5, 25, 50, then 100 (only the declared `steps` are accepted)
//   3. promote: `stable: { image: '…:2.1.0' }` and remove `canary` → stable rolls to 2.1.0, the canary is pruned
//   abort at any time: `weight: 0`                              → no traffic, in-cluster callers back on stable
// The stable track keeps its 4 pods at every weight, so each of these commits lands on ready pods.
// None of these changes touches a Deployment selector.
// Run `npx projen synth:example` at the repository root (or `cdk8s synth` here) to write dist/.
import { App, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { CanaryRelease, InternalApi, TrafficStrategy } from '../../src';

/** The steps every storefront rollout moves through. */
export const ROLLOUT_STEPS = [0, 5, 25, 50, 100];

/** The shop chart in the middle of a rollout: 25% of traffic on 2.1.0. */
export class RolloutChart extends Chart {
  public readonly storefront: CanaryRelease;

  constructor(scope: Construct, id: string) {
    super(scope, id, { namespace: 'shop' });
    this.storefront = new CanaryRelease(this, 'storefront', {
      stable: { image: 'ghcr.io/acme/storefront:2.0.1' },
      canary: { image: 'ghcr.io/acme/storefront:2.1.0', weight: 25 },
      steps: ROLLOUT_STEPS,
      host: 'shop.example.com',
      strategy: TrafficStrategy.gatewayApi({
        gatewayName: 'public',
        gatewayNamespace: 'gateways',
        sectionName: 'https',
        canaryHeader: { name: 'x-canary', value: 'always' },
      }),
      replicas: 4,
      config: { 'features.yaml': 'checkout: enabled\n' },
    });
    const orders = new InternalApi(this, 'orders', { image: 'ghcr.io/acme/orders:1.4.2' });
    this.storefront.allowTo(orders); // both tracks may call orders
  }
}

if (require.main === module) {
  const app = new App();
  new RolloutChart(app, 'shop');
  app.synth();
}
