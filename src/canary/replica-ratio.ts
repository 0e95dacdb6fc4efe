import { IConstruct } from 'constructs';
import { BoundTraffic, releaseIngress, RoutedObjects, RoutedRelease, TrafficRouting } from './traffic-routing';
import { NetworkPeer } from '../network/network-peer';

/**
 * The replica ratio: the pods of both tracks behind the release Service, in the ratio of the
 * weight; with `host`, one Ingress to that Service.
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
  return { ingress: releaseIngress(release, { ...exposure, host: exposure.host }, 'Ingress', release.name, release.service, exposure.tlsAnnotations) };
}
