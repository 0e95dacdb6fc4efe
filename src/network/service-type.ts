import { IConstruct } from 'constructs';
import { ACKNOWLEDGEMENT_PREFIX, acknowledgementKey } from '../conventions/acknowledgements';
import { RuleId } from '../conventions/rule-ids';
import { brand, isBranded } from '../private/brand';
import { checkAnnotations } from '../private/checks';
import { checkCidr, parseCidr } from '../private/cidr';
import { fail } from '../private/errors';

/** A Service of type LoadBalancer: who may reach it, and the written acknowledgement. */
export interface LoadBalancerOptions {
  /**
   * The client address ranges the load balancer admits (`loadBalancerSourceRanges`), in CIDR
   * notation; the pods' NetworkPolicy admits the same ranges on the app's port. `0.0.0.0/0` and
   * `::/0` (every address) are accepted with the `reason`, which the NetworkPolicy then also
   * carries (`cdk8s-golden.io/every-ipv4-address-reason`, or `-ipv6-`).
   */
  readonly sourceRanges: string[];
  /**
   * Why this workload is reachable from outside the cluster other than through the Ingress or
   * Gateway: at least 10 characters, kept on the Service as the acknowledgement of the
   * `service-type` guardrail rule (`ack.cdk8s-golden.io/service-type`).
   */
  readonly reason: string;
  /**
   * Annotations for the cloud's load balancer controller, on the Service only, such as
   * `service.beta.kubernetes.io/aws-load-balancer-scheme: internal` or
   * `networking.gke.io/load-balancer-type: Internal`.
   * @default - none: the cloud's default load balancer (often internet-facing)
   */
  readonly annotations?: { [key: string]: string };
}

/** A LoadBalancer checked where it is used. */
export interface ResolvedLoadBalancer {
  readonly sourceRanges: string[];
  readonly reason: string;
  /** The Service's annotations: the controller's, and the acknowledgement of `service-type`. */
  readonly annotations: Record<string, string>;
}

/**
 * The type of a workload's Service. `CLUSTER_IP` (the default) is reachable inside the cluster
 * only; `loadBalancer(...)` asks the cloud for a load balancer in front of it, which needs a
 * written reason and the client ranges it admits.
 */
export class ServiceType {
  /** Reachable inside the cluster only (`type: ClusterIP`). */
  public static readonly CLUSTER_IP = new ServiceType('ClusterIP', undefined);

  /**
   * A load balancer of the cloud in front of the Service (`type: LoadBalancer`), admitting only
   * `sourceRanges`, with `externalTrafficPolicy: Local` so that the pods see the clients'
   * addresses and their NetworkPolicy can admit the same ranges.
   */
  public static loadBalancer(options: LoadBalancerOptions): ServiceType {
    return new ServiceType('LoadBalancer', options);
  }

  /** Whether `x` is a ServiceType, from any installed copy of this library. */
  public static isServiceType(x: any): x is ServiceType {
    return isBranded(x, 'ServiceType');
  }

  private constructor(
    /** The Service's `spec.type`. */
    public readonly type: string,
    private readonly options: LoadBalancerOptions | undefined,
  ) {
    brand(this, 'ServiceType');
  }

  /**
   * The load balancer's checked options; undefined for a ClusterIP Service.
   * @internal
   */
  public _resolve(scope: IConstruct, field: string): ResolvedLoadBalancer | undefined {
    if (this.type !== 'LoadBalancer') {
      return undefined;
    }
    const options = this.options;
    if (options === null || typeof options !== 'object' || Array.isArray(options)) {
      fail(scope, field, 'must give the load balancer\'s source ranges and reason', options,
        "use ServiceType.loadBalancer({ sourceRanges: ['203.0.113.0/24'], reason: 'partners connect over MQTT' })");
    }
    const { sourceRanges, reason } = options;
    if (!Array.isArray(sourceRanges) || sourceRanges.length === 0) {
      fail(scope, `${field}.sourceRanges`, 'must list the client ranges the load balancer admits', sourceRanges,
        "pass CIDR blocks such as ['203.0.113.0/24'] (0.0.0.0/0 for every address)");
    }
    const seen = new Set<string>();
    sourceRanges.forEach((range, i) => {
      checkCidr(scope, `${field}.sourceRanges[${i}]`, range);
      if (seen.has(range)) {
        fail(scope, `${field}.sourceRanges[${i}]`, 'is listed twice', range, 'list each range once');
      }
      seen.add(range);
    });
    if (typeof reason !== 'string' || reason.trim().length < 10) {
      fail(scope, `${field}.reason`, 'a Service reachable from outside the cluster needs a written reason of at least 10 characters', reason,
        "say why it is not behind the Ingress or Gateway, as in reason: 'MQTT clients of the partner network (ticket NET-42)'");
    }
    const annotations = options.annotations === undefined ? {} : checkAnnotations(scope, `${field}.annotations`, options.annotations);
    for (const key of Object.keys(annotations)) {
      if (key.startsWith(ACKNOWLEDGEMENT_PREFIX)) {
        fail(scope, `${field}.annotations.${key}`, 'is an acknowledgement: the load balancer\'s is written from `reason`', key, 'leave it out');
      }
    }
    return {
      sourceRanges: [...sourceRanges],
      reason,
      annotations: { ...annotations, [acknowledgementKey(RuleId.SERVICE_TYPE)]: reason },
    };
  }
}

/** The Service type at a construct, checked there: ClusterIP when not given. */
export function resolveServiceType(scope: IConstruct, field: string, value: unknown): ResolvedLoadBalancer | undefined {
  if (value === undefined) {
    return undefined;
  }
  if (!ServiceType.isServiceType(value)) {
    fail(scope, field, 'must be a ServiceType', value, 'use ServiceType.CLUSTER_IP or ServiceType.loadBalancer({ sourceRanges, reason })');
  }
  return value._resolve(scope, field);
}

/** The address family of every address a range covers (`0.0.0.0/0`: ipv4, `::/0`: ipv6), if it covers every address. */
export function everyAddressFamily(cidr: string): 'ipv4' | 'ipv6' | undefined {
  const block = parseCidr(cidr);
  return block === undefined || block.prefix !== 0 ? undefined : block.bits === 32 ? 'ipv4' : 'ipv6';
}
