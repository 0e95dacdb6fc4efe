import { Construct } from 'constructs';
import { ApiProtocol } from './conventions/api-protocol';
import { fail } from './private/errors';
import { GoldenWorkload } from './workload/golden-workload';
import { WorkloadProps } from './workload/workload-props';

/** An API reachable only inside the cluster. */
export interface InternalApiProps extends WorkloadProps {
  /**
   * The protocol the API speaks: sets the Service's `appProtocol`, the default port name and the
   * default health checks (a gRPC API gets gRPC probes, a raw TCP API TCP connect checks and no
   * `appProtocol`).
   * @default ApiProtocol.HTTP
   */
  readonly protocol?: ApiProtocol;
  /**
   * A headless Service (`clusterIP: None`): DNS returns the pod IPs, for clients that balance
   * load themselves (gRPC clients, databases, peer discovery).
   * @default false
   */
  readonly headless?: boolean;
}

/**
 * An API inside the cluster: the same hardened workload as WebService behind a ClusterIP (or
 * headless) Service, reachable only from the peers given to `allowFrom`.
 */
export class InternalApi extends GoldenWorkload {
  /** The protocol the API speaks. */
  public readonly protocol: ApiProtocol;

  constructor(scope: Construct, id: string, props: InternalApiProps) {
    const protocol = props?.protocol ?? ApiProtocol.HTTP;
    super(scope, id, props, { component: 'api', protocol: ApiProtocol.isApiProtocol(protocol) ? protocol : ApiProtocol.HTTP, headless: props?.headless === true });
    if (!ApiProtocol.isApiProtocol(protocol)) {
      fail(this, 'protocol', 'must be an ApiProtocol', protocol, 'use ApiProtocol.HTTP, ApiProtocol.H2C, ApiProtocol.GRPC or ApiProtocol.TCP');
    }
    if (props.headless !== undefined && typeof props.headless !== 'boolean') {
      fail(this, 'headless', 'must be true or false', props.headless, 'pass a boolean');
    }
    this.protocol = protocol;
  }
}
