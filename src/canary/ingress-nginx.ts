import { IConstruct } from 'constructs';
import { refuseSecondNginxCanary } from './nginx-canary';
import { BoundTraffic, CanaryHeaderMatch, checkCanaryHeader, releaseIngress, refuseUnknown, RoutedObjects, RoutedRelease, TrafficRouting } from './traffic-routing';
import { ExposureOptions } from '../network/exposure-options';
import { NetworkPeer } from '../network/network-peer';
import { fail } from '../private/errors';

/** ingress-nginx canary settings. */
export interface IngressNginxOptions {
  /**
   * A header that always routes to the canary (`canary-by-header`, `canary-by-header-value`).
   * @default - none
   */
  readonly canaryHeader?: CanaryHeaderMatch;
}

/**
 * ingress-nginx canaries: the main Ingress to the stable track, and a second Ingress to the canary
 * track with `canary-weight` (and optionally `canary-by-header`). Needs `host`.
 */
export class IngressNginx implements TrafficRouting {
  constructor(private readonly options: IngressNginxOptions | undefined) {}

  public bind(release: IConstruct, props: ExposureOptions): BoundTraffic {
    const given: unknown = this.options;
    if (given !== undefined && (given === null || typeof given !== 'object' || Array.isArray(given))) {
      fail(release, 'strategy', 'ingress-nginx options must be an object', given,
        "pass TrafficStrategy.ingressNginx() or ingressNginx({ canaryHeader: { name: 'x-canary', value: 'always' } })");
    }
    const options = this.options ?? {};
    refuseUnknown(release, 'strategy', options, ['canaryHeader']);
    if (props.host === undefined) {
      fail(release, 'strategy', 'ingress-nginx canaries split the traffic of an Ingress, and there is none without `host`', 'ingress-nginx',
        'set `host`, or use TrafficStrategy.replicaRatio() for traffic inside the cluster');
    }
    for (const field of ['hosts', 'paths'] as const) {
      if (props[field] !== undefined) {
        fail(release, field, 'ingress-nginx applies one canary per host and path, and this strategy splits the traffic of `host` on `/` only', props[field],
          'remove it, or use TrafficStrategy.gatewayApi() or replicaRatio() for more hosts and paths');
      }
    }
    const header = checkCanaryHeader(release, options.canaryHeader);
    return { name: 'ingress-nginx', splitsByPods: false, usesIngress: true, ingressOnly: true, route: (r) => route(r, header) };
  }
}

function route(release: RoutedRelease, header: CanaryHeaderMatch | undefined): RoutedObjects {
  const exposure = release.exposure;
  if (exposure?.host === undefined) {
    return {};
  }
  const host = exposure.host;
  release.allowFrom(NetworkPeer.namespace(exposure.controllerNamespace));
  const ingress = releaseIngress(release, exposure, 'Ingress', release.name, release.stableService, exposure.tlsAnnotations);
  if (release.canaryService === undefined) {
    return { ingress };
  }
  const canaryIngress = releaseIngress(release, exposure, 'CanaryIngress', `${release.name}-canary`, release.canaryService,
    canaryAnnotations(release.weight ?? 0, header));
  refuseSecondNginxCanary(release.scope, release.namespace, host, () => canaryIngress.node.path);
  return { ingress, canaryIngress };
}

/** The annotations of an ingress-nginx canary Ingress; values are strings, as annotations must be. */
function canaryAnnotations(weight: number, header: CanaryHeaderMatch | undefined): Record<string, string> {
  const annotations: Record<string, string> = {
    'nginx.ingress.kubernetes.io/canary': 'true',
    'nginx.ingress.kubernetes.io/canary-weight': `${weight}`,
  };
  if (header !== undefined) {
    annotations['nginx.ingress.kubernetes.io/canary-by-header'] = header.name;
    annotations['nginx.ingress.kubernetes.io/canary-by-header-value'] = header.value;
  }
  return annotations;
}
