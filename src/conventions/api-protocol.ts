import { HealthCheck } from './health-check';
import { brand, isBranded } from '../private/brand';

/**
 * The protocol an API speaks: it sets the Service's `appProtocol` (which meshes and gateways
 * read), the default port name and the default health checks.
 */
export class ApiProtocol {
  /** HTTP/1.1 (and HTTP/2 over TLS): HTTP probes on `/healthz` and `/readyz`. */
  public static readonly HTTP = new ApiProtocol('http', 'http', 'http');
  /**
   * HTTP/2 in clear text (h2c, `kubernetes.io/h2c`). The kubelet probes over HTTP/1.1, so the
   * server must also answer HTTP/1.1 on its health paths.
   */
  public static readonly H2C = new ApiProtocol('kubernetes.io/h2c', 'http2', 'http');
  /**
   * gRPC: readiness and startup are gRPC health checks (grpc.health.v1), liveness a TCP connect,
   * so a server that is up but not serving leaves the endpoints without being restarted.
   */
  public static readonly GRPC = new ApiProtocol('grpc', 'grpc', 'grpc');
  /**
   * Raw TCP (a Redis-, MQTT- or database-like protocol): no `appProtocol` on the Service port (meshes
   * and gateways then treat the traffic as opaque TCP), port name `tcp`, and TCP connect checks.
   * A TCP connect is the only check that fits any TCP server, so readiness and liveness are the
   * same check: the Deployment acknowledges the `probes-identical` rule with that reason. Pass a
   * `readinessProbe` that checks the server's dependencies (such as
   * `HealthCheck.exec(['redis-cli', 'ping'])`) to remove it.
   */
  public static readonly TCP = new ApiProtocol(undefined, 'tcp', 'tcp');

  /** Whether `x` is an ApiProtocol, from any installed copy of this library. */
  public static isApiProtocol(x: any): x is ApiProtocol {
    return isBranded(x, 'ApiProtocol');
  }

  /**
   * The Service port's `appProtocol`.
   * @default - none: raw TCP
   */
  public readonly appProtocol?: string;
  /** The default name of the container and Service port. */
  public readonly defaultPortName: string;
  private readonly checks: string;

  private constructor(appProtocol: string | undefined, defaultPortName: string, checks: 'http' | 'grpc' | 'tcp') {
    brand(this, 'ApiProtocol');
    this.appProtocol = appProtocol;
    this.defaultPortName = defaultPortName;
    this.checks = checks;
  }

  /**
   * Whether this is raw TCP (no HTTP host, path or weight to route by). Compared by value, never
   * against `ApiProtocol.TCP`: another installed copy of the library has its own.
   * @internal
   */
  public get _rawTcp(): boolean {
    return this.checks === 'tcp';
  }

  /**
   * Whether readiness and liveness are the same check by default (only for raw TCP, where a TCP
   * connect is the one check that fits every server).
   * @internal
   */
  public get _identicalDefaultChecks(): boolean {
    return this.checks === 'tcp';
  }

  /** The default startup, readiness and liveness checks of a server speaking this protocol. */
  public defaultHealthChecks(): DefaultHealthChecks {
    if (this.checks === 'grpc') {
      return { startup: HealthCheck.grpc(), readiness: HealthCheck.grpc(), liveness: HealthCheck.tcpSocket() };
    }
    if (this.checks === 'tcp') {
      return { startup: HealthCheck.tcpSocket(), readiness: HealthCheck.tcpSocket(), liveness: HealthCheck.tcpSocket() };
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
