import { IConstruct } from 'constructs';
import { createHttpRoute } from './http-route';
import { BoundTraffic, releaseIngress, RoutedObjects, RoutedRelease, TrafficRouting } from './traffic-routing';
import { NetworkPeer } from '../network/network-peer';

/**
 * The replica ratio: the pods of both tracks behind the release Service, in the ratio of the
 * weight; with `host`, one Ingress to that Service, or an HTTPRoute to it through the platform's Gateway.
 */
export class ReplicaRatio implements TrafficRouting {
  public bind(_release: IConstruct): BoundTraffic {
    return { name: 'replica-ratio', splitsByPods: true, usesIngress: true, route };
  }
}

function route(release: RoutedRelease): RoutedObjects {
  const exposure = release.exposure;
  if (exposure?.host === undefined) {
    return {};
  }
  release.allowFrom(NetworkPeer.namespace(exposure.controllerNamespace));
  if (exposure.gateway !== undefined) {
    const gateway = exposure.gateway;
    return {
      httpRoute: createHttpRoute(release.scope, 'HTTPRoute', { gatewayName: gateway.name, gatewayNamespace: gateway.namespace, sectionName: gateway.sectionName }, {
        name: release.name,
        labels: release.labels,
        hosts: exposure.hosts,
        paths: exposure.paths,
        servicePort: release.servicePort,
        stableService: release.service,
        weight: 0,
      }),
    };
  }
  return { ingress: releaseIngress(release, exposure, 'Ingress', release.name, release.service, exposure.tlsAnnotations) };
}
