import { ApiObject } from 'cdk8s';
import * as k8s from 'cdk8s-plus-30/lib/imports/k8s';
import { Construct } from 'constructs';
import { createHttpRoute } from './canary/http-route';
import { ExposureOptions } from './network/exposure-options';
import { createIngress, resolveExposure } from './network/ingress';
import { NetworkPeer } from './network/network-peer';
import { refuseNameCollisions } from './private/unique-names';
import { GoldenWorkload } from './workload/golden-workload';
import { WorkloadProps } from './workload/workload-props';

/** A public HTTP service. */
export interface WebServiceProps extends WorkloadProps, ExposureOptions {}

/**
 * A public HTTP service: Deployment, ServiceAccount, Service, PodDisruptionBudget, NetworkPolicy
 * (ingress from the ingress controller, or from the platform Gateway's data plane), and with
 * `host` an Ingress with TLS, or an HTTPRoute to the platform's Gateway; optionally a
 * HorizontalPodAutoscaler and a ConfigMap.
 */
export class WebService extends GoldenWorkload {
  /** The public host name (the first of `hosts`), when exposed. */
  public readonly host?: string;
  /** Every public host name: `host`, then `hosts`; empty when not exposed. */
  public readonly hosts: string[];
  /** The Ingress, when exposed through one. */
  public readonly ingress?: k8s.KubeIngress;
  /** The HTTPRoute (`gateway.networking.k8s.io/v1`), when exposed through the platform's Gateway. */
  public readonly httpRoute?: ApiObject;

  constructor(scope: Construct, id: string, props: WebServiceProps) {
    super(scope, id, props, { component: 'web' });
    const exposure = resolveExposure(this, this.name, props);
    this.allowFrom(NetworkPeer.namespace(exposure.controllerNamespace));
    this.hosts = exposure.hosts;
    this.host = exposure.host;
    if (exposure.hosts.length === 0) {
      return;
    }
    let route: ApiObject;
    if (exposure.gateway !== undefined) {
      route = createHttpRoute(this, 'HTTPRoute', {
        gatewayName: exposure.gateway.name,
        gatewayNamespace: exposure.gateway.namespace,
        sectionName: exposure.gateway.sectionName,
      }, {
        name: this.name,
        labels: this.labels,
        hosts: exposure.hosts,
        paths: exposure.paths,
        servicePort: this.servicePort,
        stableService: this.service.name,
        weight: 0,
      });
      this.httpRoute = route;
    } else {
      route = createIngress(this, 'Ingress', exposure, {
        name: this.name,
        labels: this.labels,
        annotations: { ...props.annotations, ...exposure.annotations, ...exposure.tlsAnnotations },
        serviceName: this.service.name,
        portName: this.portName,
      });
      this.ingress = route as k8s.KubeIngress;
    }
    refuseNameCollisions(this, () => [route]);
  }
}
