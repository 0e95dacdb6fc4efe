import { IConstruct } from 'constructs';
import { createHttpRoute } from './http-route';
import { BoundTraffic, CanaryHeaderMatch, checkCanaryHeader, refuseUnknown, RoutedObjects, RoutedRelease, TrafficRouting } from './traffic-routing';
import { ExposureOptions } from '../network/exposure-options';
import { resolveExposure } from '../network/ingress';
import { NetworkPeer } from '../network/network-peer';
import { checkNamespaceName, checkReferenceName } from '../private/checks';
import { fail } from '../private/errors';

/** Where an HTTPRoute attaches, and who may send traffic to the tracks. */
export interface GatewayApiOptions {
  /** The Gateway the HTTPRoute attaches to. */
  readonly gatewayName: string;
  /**
   * The Gateway's namespace (its listener must allow routes from the release's namespace).
   * @default - the release's namespace
   */
  readonly gatewayNamespace?: string;
  /**
   * The Gateway listener to attach to.
   * @default - every listener that accepts the route
   */
  readonly sectionName?: string;
  /**
   * The namespace of the gateway's data-plane pods, allowed into both tracks.
   * @default - the Gateway's namespace
   */
  readonly controllerNamespace?: string;
  /**
   * A header that always routes to the canary.
   * @default - none
   */
  readonly canaryHeader?: CanaryHeaderMatch;
}

/**
 * The Gateway API: an HTTPRoute with weighted backendRefs to the two track Services, attached to
 * the platform's Gateway; the release has no Ingress.
 */
export class GatewayApi implements TrafficRouting {
  constructor(private readonly options: GatewayApiOptions) {}

  public bind(release: IConstruct, props: ExposureOptions): BoundTraffic {
    const options = this.options;
    if (options === null || typeof options !== 'object') {
      fail(release, 'strategy', 'Gateway API needs the Gateway to attach to', options, "pass TrafficStrategy.gatewayApi({ gatewayName: 'public' })");
    }
    refuseUnknown(release, 'strategy', options, ['gatewayName', 'gatewayNamespace', 'sectionName', 'controllerNamespace', 'canaryHeader']);
    checkReferenceName(release, 'strategy.gatewayName', options.gatewayName);
    for (const field of ['gatewayNamespace', 'controllerNamespace'] as const) {
      if (options[field] !== undefined) {
        checkNamespaceName(release, `strategy.${field}`, options[field]);
      }
    }
    if (options.sectionName !== undefined) {
      checkReferenceName(release, 'strategy.sectionName', options.sectionName);
    }
    for (const field of ['ingressClassName', 'ingressControllerNamespace', 'tls', 'ingressAnnotations'] as const) {
      if (props[field] !== undefined) {
        fail(release, field, 'applies to an Ingress, and the Gateway API strategy routes through an HTTPRoute instead', field === 'tls' ? 'an IngressTls' : props[field],
          'remove it: the Gateway owns TLS and its data plane (set strategy controllerNamespace for the NetworkPolicies)');
      }
    }
    checkCanaryHeader(release, options.canaryHeader);
    return { name: 'gateway-api', splitsByPods: false, usesIngress: false, route: (r) => route(r, options) };
  }
}

function route(release: RoutedRelease, options: GatewayApiOptions): RoutedObjects {
  const controllerNamespace = options.controllerNamespace ?? options.gatewayNamespace ?? release.namespace;
  if (controllerNamespace === undefined) {
    fail(release.scope, 'strategy.controllerNamespace', 'cannot tell where the gateway\'s pods run: neither it, the Gateway\'s namespace nor the chart\'s namespace is set',
      undefined, 'set controllerNamespace or gatewayNamespace, or a namespace on the chart');
  }
  release.allowFrom(NetworkPeer.namespace(controllerNamespace));
  const host = release.props.host;
  return {
    httpRoute: createHttpRoute(release.scope, 'HTTPRoute', options, {
      name: release.name,
      labels: release.labels,
      host: host === undefined ? undefined : resolveExposure(release.scope, release.name, { host }).host!,
      servicePort: release.servicePort,
      stableService: release.stableService,
      canaryService: release.canaryService,
      weight: release.weight ?? 0,
    }),
  };
}
