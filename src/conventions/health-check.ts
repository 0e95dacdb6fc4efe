import { Duration } from 'cdk8s';
import * as k8s from 'cdk8s-plus-30/lib/imports/k8s';
import { IConstruct } from 'constructs';
import { brand, isBranded } from '../private/brand';
import { checkInteger, checkOptions, checkSeconds, checkStringList } from '../private/checks';
import { fail } from '../private/errors';

/** Timing of a probe. Every field falls back to the default of the probe it is used for. */
export interface HealthCheckOptions {
  /**
   * How often the probe runs.
   * @default - startup 2s, readiness 5s, liveness 10s
   */
  readonly period?: Duration;
  /**
   * How long one probe may take before it counts as failed.
   * @default - 2s for readiness and liveness, 1s for startup
   */
  readonly timeout?: Duration;
  /**
   * Failures in a row before the probe gives up (startup: the container is restarted; readiness:
   * the pod leaves the Service endpoints; liveness: the container is restarted).
   * @default - startup 60 (two minutes to start), readiness 2, liveness 3
   */
  readonly failureThreshold?: number;
  /**
   * Delay before the first probe. Prefer a startup probe to a delay.
   * @default - no delay
   */
  readonly initialDelay?: Duration;
}

/** The kinds of handler a health check can have. */
enum HandlerKind { HTTP_GET = 'httpGet', TCP_SOCKET = 'tcpSocket', GRPC = 'grpc', EXEC = 'exec' }

/**
 * A health check of the container: an HTTP GET, a TCP connect, a gRPC health check or a command.
 * Network checks always target the container's own port (by name; gRPC, which takes only a
 * number, by its number), so a probe can never point at a port the container lacks.
 */
export class HealthCheck {
  /** Whether `x` is a HealthCheck, from any installed copy of this library. */
  public static isHealthCheck(x: any): x is HealthCheck {
    return isBranded(x, 'HealthCheck');
  }

  /**
   * An HTTP GET on the container's named port; any status from 200 to 399 is healthy.
   * @param path the request path, starting with `/`
   */
  public static httpGet(path: string, options: HealthCheckOptions = {}): HealthCheck {
    return new HealthCheck(HandlerKind.HTTP_GET, path, undefined, options);
  }

  /** A TCP connect to the container's named port. */
  public static tcpSocket(options: HealthCheckOptions = {}): HealthCheck {
    return new HealthCheck(HandlerKind.TCP_SOCKET, undefined, undefined, options);
  }

  /**
   * A gRPC health check (grpc.health.v1) on the container's port.
   * @param service the service name sent in the health check request; '' asks about the server as a whole
   */
  public static grpc(service: string = '', options: HealthCheckOptions = {}): HealthCheck {
    return new HealthCheck(HandlerKind.GRPC, service, undefined, options);
  }

  /**
   * A command run in the container; exit status 0 is healthy.
   * @param command the command and its arguments, not run through a shell
   */
  public static exec(command: string[], options: HealthCheckOptions = {}): HealthCheck {
    return new HealthCheck(HandlerKind.EXEC, undefined, command, options);
  }

  private constructor(
    private readonly kind: HandlerKind,
    private readonly path: string | undefined,
    private readonly command: string[] | undefined,
    /** The timing given by the caller; unset fields use the probe's default. */
    public readonly options: HealthCheckOptions,
  ) {
    brand(this, 'HealthCheck');
  }

  /**
   * The same handler with no timing of its own, so that it takes the defaults of the probe it is
   * used for (the startup probe follows an overridden liveness check with the startup timings).
   * @internal
   */
  public _handlerOnly(): HealthCheck {
    return new HealthCheck(this.kind, this.path, this.command, {});
  }

  /**
   * A readable, comparable description of the handler, e.g. `httpGet /readyz on port http`.
   * Two checks with the same description probe the same thing.
   */
  public describe(portName: string): string {
    switch (this.kind) {
      case HandlerKind.HTTP_GET: return `httpGet ${this.path} on port ${portName}`;
      case HandlerKind.TCP_SOCKET: return `tcpSocket on port ${portName}`;
      case HandlerKind.GRPC: return `grpc service '${this.path}' on port ${portName}`;
      default: return `exec ${JSON.stringify(this.command)}`;
    }
  }

  /**
   * The probe for the container, with the defaults of its role filled in.
   * @internal
   */
  public _toProbe(scope: IConstruct, field: string, port: ProbePort, defaults: ProbeDefaults): k8s.Probe {
    const o = checkOptions(scope, `${field}.options`, this.options ?? undefined);
    const periodSeconds = o.period === undefined ? defaults.periodSeconds : checkSeconds(scope, `${field}.period`, o.period, 1, 3600);
    const timeoutSeconds = o.timeout === undefined ? defaults.timeoutSeconds : checkSeconds(scope, `${field}.timeout`, o.timeout, 1, 3600);
    const failureThreshold = o.failureThreshold === undefined ? defaults.failureThreshold : checkInteger(scope, `${field}.failureThreshold`, o.failureThreshold, 1, 1000);
    const initialDelaySeconds = o.initialDelay === undefined ? undefined : checkSeconds(scope, `${field}.initialDelay`, o.initialDelay, 0, 3600);
    if (timeoutSeconds > periodSeconds) {
      fail(scope, `${field}.timeout`, `must not be longer than the period (${periodSeconds}s)`, `${timeoutSeconds}s`, 'shorten the timeout or lengthen the period');
    }
    const named = k8s.IntOrString.fromString(port.name);
    const timing = { periodSeconds, timeoutSeconds, failureThreshold, initialDelaySeconds };
    switch (this.kind) {
      case HandlerKind.HTTP_GET:
        if (typeof this.path !== 'string' || !/^\/[\x21-\x7e]*$/.test(this.path)) {
          fail(scope, `${field}.path`, 'must be an absolute HTTP path without spaces', this.path, "start it with '/', such as '/readyz'");
        }
        return { httpGet: { path: this.path, port: named }, ...timing };
      case HandlerKind.TCP_SOCKET:
        return { tcpSocket: { port: named }, ...timing };
      case HandlerKind.GRPC:
        // The gRPC probe takes a port number only; it is the container port, never another.
        if (typeof this.path !== 'string') {
          fail(scope, `${field}.service`, 'must be a string', this.path, "use '' for the whole server or a service name");
        }
        return { grpc: { port: port.number, service: this.path === '' ? undefined : this.path }, ...timing };
      default:
        const command = checkStringList(scope, `${field}.command`, this.command);
        if (command.length === 0) {
          fail(scope, `${field}.command`, 'must name a command', command, "pass the command and its arguments, such as ['/bin/healthcheck']");
        }
        return { exec: { command }, ...timing };
    }
  }
}

/** The container port every probe targets. */
export interface ProbePort {
  readonly name: string;
  readonly number: number;
}

/** The timing defaults of one probe role. */
export interface ProbeDefaults {
  readonly periodSeconds: number;
  readonly timeoutSeconds: number;
  readonly failureThreshold: number;
}
