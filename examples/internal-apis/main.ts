// A storefront calling two internal APIs: `orders` in its own namespace and `ledger`, a gRPC
// API of the payments team, in another. Every allowed path is declared here; everything else is
// denied by the NetworkPolicies the constructs write. Both APIs serve Prometheus metrics, scraped
// through ServiceMonitors by the platform's Prometheus; the ledger is also reached from the
// bank's on-premises network through an internal load balancer.
// Run `npx projen synth:example` at the repository root (or `cdk8s synth` here) to write dist/.
import { App, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { ApiProtocol, InternalApi, NetworkPeer, NetworkPort, PlatformDefaults, PlatformMonitoring, ServiceType, WebService } from '../../src';

/**
 * The platform's Prometheus: in `monitoring`, under the Prometheus Operator (kube-prometheus-stack,
 * whose Prometheus selects the monitors labelled with its release). Every `metrics` port is let in
 * from there only. A platform team usually sets this once on the App, in its profile
 * (examples/platform-profile); each chart sets it here so that it stands alone.
 */
const MONITORING: PlatformMonitoring = { namespace: 'monitoring', prometheusOperator: true, monitorLabels: { release: 'kube-prometheus-stack' } };

/** The payments team's chart: a gRPC ledger in the payments namespace. */
export class PaymentsChart extends Chart {
  public readonly ledger: InternalApi;

  constructor(scope: Construct, id: string) {
    super(scope, id, { namespace: 'payments' });
    PlatformDefaults.set(this, { monitoring: MONITORING });
    this.ledger = new InternalApi(this, 'ledger', {
      image: 'ghcr.io/acme/ledger:3.2.0',
      protocol: ApiProtocol.GRPC,
      port: 9090,
      metrics: { port: 9464 },
      // The settlement system on premises calls the ledger over the VPN: an internal load balancer
      // that admits that network only (so does the ledger's NetworkPolicy, on the gRPC port).
      serviceType: ServiceType.loadBalancer({
        sourceRanges: ['10.100.0.0/16'],
        reason: 'the on-premises settlement system calls the ledger over the VPN (NET-42)',
        annotations: { 'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internal' },
      }),
    });
    // The ledger talks to its database outside the cluster, and nothing else.
    this.ledger.allowTo(NetworkPeer.ipBlock('10.20.0.0/16', [NetworkPort.tcp(5432)]));
  }
}

/** The shop team's chart: the public storefront and its orders API. */
export class ShopChart extends Chart {
  public readonly storefront: WebService;
  public readonly orders: InternalApi;

  constructor(scope: Construct, id: string, payments: PaymentsChart) {
    super(scope, id, { namespace: 'shop' });
    // Where pods reach the Kubernetes API server (the endpoints of the `kubernetes` Service): a
    // workload with a grant gets egress there. A platform team usually sets this once on the App,
    // in its profile (examples/platform-profile).
    PlatformDefaults.set(this, { apiServer: { cidrs: ['10.0.0.10/32'], port: 443 }, monitoring: MONITORING });
    this.storefront = new WebService(this, 'storefront', {
      image: 'ghcr.io/acme/storefront:2.0.1',
      host: 'shop.example.com',
    });
    this.orders = new InternalApi(this, 'orders', { image: 'ghcr.io/acme/orders:1.4.2', metrics: { port: 9090 } });

    // The storefront calls both APIs: ingress rules on the APIs, egress rules on the storefront.
    this.storefront.allowTo(this.orders, payments.ledger);
    // The orders API reads its feature flags and one Secret through the Kubernetes API.
    this.orders.grantReadConfigMap('orders-feature-flags');
    this.orders.grantReadSecret('orders-signing-key');
  }
}

/** Both charts in one app. */
export function buildApp(app: App): { shop: ShopChart; payments: PaymentsChart } {
  const payments = new PaymentsChart(app, 'payments');
  const shop = new ShopChart(app, 'shop', payments);
  return { shop, payments };
}

if (require.main === module) {
  const app = new App();
  buildApp(app);
  app.synth();
}
