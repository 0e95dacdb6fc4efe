// The storefront behind the platform's Gateway (Gateway API) instead of an Ingress.
//
// The platform team runs one Gateway, `public` in `gateways`, whose `https` listener holds a
// wildcard certificate for *.shop.example.com and allows routes from the app namespaces. Declared
// once in PlatformDefaults, it turns every exposed WebService into an HTTPRoute attached to that
// listener, and lets the Gateway's data plane (here in `envoy-gateway-system`) into the pods.
// Run `npx projen synth:example` at the repository root (or `cdk8s synth` here) to write dist/.
import { App, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { PlatformDefaults, PlatformGateway, WebService } from '../../src';

/** The platform's Gateway, as its platform profile declares it. */
export const PLATFORM_GATEWAY: PlatformGateway = {
  name: 'public',
  namespace: 'gateways',
  sectionName: 'https',
  controllerNamespace: 'envoy-gateway-system',
};

/** The shop namespace, exposed through the platform's Gateway. */
export class GatewayShopChart extends Chart {
  public readonly storefront: WebService;
  public readonly api: WebService;

  constructor(scope: Construct, id: string) {
    super(scope, id, { namespace: 'shop' });
    // Usually the platform profile sets this on the App; a Chart may set (or override) it too.
    PlatformDefaults.set(this, { gateway: PLATFORM_GATEWAY });
    this.storefront = new WebService(this, 'storefront', {
      image: 'ghcr.io/acme/storefront:2.0.1',
      host: 'shop.example.com',
      hosts: ['www.shop.example.com'],
    });
    this.api = new WebService(this, 'shop-api', {
      image: 'ghcr.io/acme/shop-api:3.2.0',
      host: 'api.shop.example.com',
      paths: ['/v1', '/v2'],
    });
  }
}

if (require.main === module) {
  const app = new App();
  new GatewayShopChart(app, 'shop');
  app.synth();
}
