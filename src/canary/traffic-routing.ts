import { ApiObject } from 'cdk8s';
import * as k8s from 'cdk8s-plus-30/lib/imports/k8s';
import { Construct, IConstruct } from 'constructs';
import { ExposureOptions } from '../network/exposure-options';
import { createIngress, ResolvedExposure } from '../network/ingress';
import { INetworkPeer } from '../network/network-peer';
import { fail } from '../private/errors';

/** A header that always routes a request to the canary (for testers and synthetic checks). */
export interface CanaryHeaderMatch {
  /** The header name, e.g. `x-canary`. */
  readonly name: string;
  /** The exact value that selects the canary, e.g. `always`. */
  readonly value: string;
}

/** What a traffic strategy is: something that binds itself to one release. */
export interface TrafficRouting {
  /**
   * Checks the strategy's options and the release's props it depends on, throwing at the release;
   * returns the strategy as bound to that release.
   */
  bind(release: IConstruct, props: ExposureOptions): BoundTraffic;
}

/** A strategy bound to one release: what the release asks of it. */
export interface BoundTraffic {
  /** The strategy's name, as errors show it. */
  readonly name: string;
  /**
   * Whether the tracks' pods are the split (the replica ratio), or a router splits the requests
   * (then both tracks keep pods at every weight, and the release Service follows the weight).
   */
  readonly splitsByPods: boolean;
  /** Whether outside traffic enters through the release's Ingress (`host`), or the strategy routes it itself. */
  readonly usesIngress: boolean;
  /** Whether that Ingress is needed whatever the platform declares (no HTTPRoute to the platform's Gateway instead). */
  readonly ingressOnly?: boolean;
  /** Creates the objects that route traffic to the tracks, under the release. */
  route(release: RoutedRelease): RoutedObjects;
}

/** What a release tells its strategy when the tracks exist. */
export interface RoutedRelease {
  /** The release: the scope of the objects, and the construct errors name. */
  readonly scope: Construct;
  readonly name: string;
  readonly namespace?: string;
  /** Undefined without a canary. */
  readonly weight?: number;
  /** The release's labels (no track). */
  readonly labels: Record<string, string>;
  readonly servicePort: number;
  readonly portName: string;
  /** The release Service `<name>`. */
  readonly service: string;
  readonly stableService: string;
  /** Undefined without a canary. */
  readonly canaryService?: string;
  /** The release's resolved Ingress settings, when the strategy uses an Ingress. */
  readonly exposure?: ResolvedExposure;
  /** The release's props the objects carry. */
  readonly props: ExposureOptions & { readonly annotations?: { [key: string]: string } };
  /** Lets a peer (the router's pods) reach both tracks. */
  allowFrom(peer: INetworkPeer): void;
}

/** The traffic objects a strategy made. */
export interface RoutedObjects {
  readonly ingress?: k8s.KubeIngress;
  readonly canaryIngress?: k8s.KubeIngress;
  readonly httpRoute?: ApiObject;
}

/** Options a JavaScript caller may misspell are refused, never ignored. */
export function refuseUnknown(scope: IConstruct, field: string, options: object, known: string[]): void {
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      fail(scope, `${field}.${key}`, 'is not an option of this strategy', key, `use one of ${known.join(', ')}`);
    }
  }
}

/** Checks a canary header match; undefined when none is given. */
export function checkCanaryHeader(scope: IConstruct, header: unknown): CanaryHeaderMatch | undefined {
  if (header === undefined) {
    return undefined;
  }
  const h = header as CanaryHeaderMatch;
  if (h === null || typeof h !== 'object' || typeof h.name !== 'string' || !/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,256}$/.test(h.name)) {
    fail(scope, 'strategy.canaryHeader.name', 'must be an HTTP header name', h?.name ?? header, "use a header such as 'x-canary'");
  }
  if (typeof h.value !== 'string' || h.value.length === 0 || h.value.length > 4096 || /[\r\n]/.test(h.value)) {
    fail(scope, 'strategy.canaryHeader.value', 'must be a non-empty header value on one line', h.value, "use a value such as 'always'");
  }
  return h;
}

/** An Ingress of the release for its host, to one Service, with the release's and the exposure's annotations. */
export function releaseIngress(release: RoutedRelease, exposure: ResolvedExposure, id: string, name: string,
  serviceName: string, annotations: Record<string, string>): k8s.KubeIngress {
  return createIngress(release.scope, id, exposure, {
    name,
    labels: release.labels,
    annotations: { ...release.props.annotations, ...exposure.annotations, ...annotations },
    serviceName,
    portName: release.portName,
  });
}
