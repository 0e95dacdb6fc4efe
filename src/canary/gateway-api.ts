import { IConstruct } from 'constructs';
import { createHttpRoute, RouteParent } from './http-route';
import { BoundTraffic, CanaryHeaderMatch, checkCanaryHeader, refuseUnknown, RoutedObjects, RoutedRelease, TrafficRouting } from './traffic-routing';
import { Exposure } from '../network/exposure';
import { ExposureOptions } from '../network/exposure-options';
import { checkHosts, checkPaths } from '../network/ingress';
import { NetworkPeer } from '../network/network-peer';
import { PlatformDefaults } from '../platform/platform-defaults';
import { checkPlatformGateway } from '../platform/platform-gateway';
import { checkNamespaceName, checkReferenceName } from '../private/checks';
import { fail } from '../private/errors';

/** Where an HTTPRoute attaches, and who may send traffic to the tracks. */
export interface GatewayApiOptions {
  /**
   * The Gateway the HTTPRoute attaches to.
   * @default - the platform's Gateway (PlatformDefaults.gateway)
   */
  readonly gatewayName?: string;
  /**
   * The Gateway's namespace (its listener must allow routes from the release's namespace). Only
   * with `gatewayName`.
   * @default - the platform Gateway's namespace, else (with `gatewayName`) the release's namespace
   */
  readonly gatewayNamespace?: string;
  /**
   * The Gateway listener to attach to.
   * @default - the platform Gateway's sectionName, else every listener that accepts the route
   */
  readonly sectionName?: string;
  /**
   * The namespace of the gateway's data-plane pods, allowed into both tracks.
   * @default - the platform Gateway's controllerNamespace, else the Gateway's namespace
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
  constructor(private readonly options: GatewayApiOptions | undefined) {}

  public bind(release: IConstruct, props: ExposureOptions): BoundTraffic {
    const given: unknown = this.options;
    if (given !== undefined && (given === null || typeof given !== 'object' || Array.isArray(given))) {
      fail(release, 'strategy', 'Gateway API options must be an object', given,
        "pass TrafficStrategy.gatewayApi() for the platform's Gateway, or gatewayApi({ gatewayName: 'public' })");
    }
    const options = this.options ?? {};
    refuseUnknown(release, 'strategy', options, ['gatewayName', 'gatewayNamespace', 'sectionName', 'controllerNamespace', 'canaryHeader']);
    for (const field of ['gatewayNamespace', 'controllerNamespace'] as const) {
      if (options[field] !== undefined) {
        checkNamespaceName(release, `strategy.${field}`, options[field]);
      }
    }
    if (options.sectionName !== undefined) {
      checkReferenceName(release, 'strategy.sectionName', options.sectionName);
    }
    let resolved: GatewayApiOptions & RouteParent;
    if (options.gatewayName !== undefined) {
      resolved = { ...options, gatewayName: checkReferenceName(release, 'strategy.gatewayName', options.gatewayName) };
    } else {
      const platform = PlatformDefaults.of(release).gateway;
      if (platform === undefined) {
        fail(release, 'strategy.gatewayName', 'is not set, and the platform declares no Gateway', undefined,
          "pass TrafficStrategy.gatewayApi({ gatewayName: 'public', gatewayNamespace: 'gateway-system' }), or declare the Gateway with PlatformDefaults.set(app, { gateway: { name, namespace } })");
      }
      if (options.gatewayNamespace !== undefined) {
        fail(release, 'strategy.gatewayNamespace', "is the namespace of a Gateway named by gatewayName, and the platform's Gateway has its own", options.gatewayNamespace,
          'remove it to use the platform\'s Gateway, or name the Gateway with gatewayName');
      }
      const gateway = checkPlatformGateway(release, 'PlatformDefaults.gateway', platform);
      resolved = {
        ...options,
        gatewayName: gateway.name,
        gatewayNamespace: gateway.namespace,
        sectionName: options.sectionName ?? gateway.sectionName,
        controllerNamespace: options.controllerNamespace ?? gateway.controllerNamespace,
      };
    }
    for (const field of ['ingressClassName', 'ingressControllerNamespace', 'tls', 'ingressAnnotations'] as const) {
      if (props[field] !== undefined) {
        fail(release, field, 'applies to an Ingress, and the Gateway API strategy routes through an HTTPRoute instead', field === 'tls' ? 'an IngressTls' : props[field],
          'remove it: the Gateway owns TLS and its data plane (set strategy controllerNamespace for the NetworkPolicies)');
      }
    }
    if (props.exposure !== undefined && (!Exposure.isExposure(props.exposure) || props.exposure.kind !== Exposure.GATEWAY.kind)) {
      fail(release, 'exposure', 'cannot be anything but the Gateway: the Gateway API strategy routes through an HTTPRoute', Exposure.isExposure(props.exposure) ? 'Exposure.INGRESS' : props.exposure,
        'remove `exposure`, or use TrafficStrategy.ingressNginx() or replicaRatio() for an Ingress');
    }
    const hosts = checkHosts(release, props);
    if (hosts.length === 0 && props.paths !== undefined) {
      fail(release, 'paths', 'only applies to an exposed service, and there is no route without `host`', props.paths, 'set `host` or remove this prop');
    }
    const paths = checkPaths(release, 'paths', props.paths === undefined ? ['/'] : props.paths);
    checkCanaryHeader(release, options.canaryHeader);
    return { name: 'gateway-api', splitsByPods: false, usesIngress: false, route: (r) => route(r, resolved, hosts, paths) };
  }
}

function route(release: RoutedRelease, options: GatewayApiOptions & RouteParent, hosts: string[], paths: string[]): RoutedObjects {
  const controllerNamespace = options.controllerNamespace ?? options.gatewayNamespace ?? release.namespace;
  if (controllerNamespace === undefined) {
    fail(release.scope, 'strategy.controllerNamespace', 'cannot tell where the gateway\'s pods run: neither it, the Gateway\'s namespace nor the chart\'s namespace is set',
      undefined, 'set controllerNamespace or gatewayNamespace, or a namespace on the chart');
  }
  release.allowFrom(NetworkPeer.namespace(controllerNamespace));
  return {
    httpRoute: createHttpRoute(release.scope, 'HTTPRoute', options, {
      name: release.name,
      labels: release.labels,
      hosts,
      paths,
      servicePort: release.servicePort,
      stableService: release.stableService,
      canaryService: release.canaryService,
      weight: release.weight ?? 0,
    }),
  };
}
