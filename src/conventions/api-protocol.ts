import { HealthCheck } from './health-check';

/**
 * The protocol an API speaks: it sets the Service's `appProtocol` (which meshes and gateways
 * read), the default port name and the default health checks.
 */
export class ApiProtocol {
  /** HTTP/1.1 (and HTTP/2 over TLS): HTTP probes on `/healthz` and `/readyz`. */
  public static readonly HTTP = new ApiProtocol('http', 'http', false);
  /**
   * HTTP/2 in clear text (h2c, `kubernetes.io/h2c`). The kubelet probes over HTTP/1.1, so the
   * server must also answer HTTP/1.1 on its health paths.
   */
  public static readonly H2C = new ApiProtocol('kubernetes.io/h2c', 'http2', false);
  /**
   * gRPC: readiness and startup are gRPC health checks (grpc.health.v1), liveness a TCP connect,
   * so a server that is up but not serving leaves the endpoints without being restarted.
   */
  public static readonly GRPC = new ApiProtocol('grpc', 'grpc', true);

  private constructor(
    /** The Service port's `appProtocol`. */
    public readonly appProtocol: string,
    /** The default name of the container and Service port. */
    public readonly defaultPortName: string,
    private readonly grpc: boolean,
  ) {}

  /** The default startup, readiness and liveness checks of a server speaking this protocol. */
  public defaultHealthChecks(): DefaultHealthChecks {
    if (this.grpc) {
      return { startup: HealthCheck.grpc(), readiness: HealthCheck.grpc(), liveness: HealthCheck.tcpSocket() };
    }
    return { startup: HealthCheck.httpGet('/healthz'), readiness: HealthCheck.httpGet('/readyz'), liveness: HealthCheck.httpGet('/healthz') };
  }
}

/** The three health checks of a container. */
export interface DefaultHealthChecks {
  /** Has the container started. */
  readonly startup: HealthCheck;
  /** Can the pod take traffic. */
  readonly readiness: HealthCheck;
  /** Is the container alive. */
  readonly liveness: HealthCheck;
}
