import * as k8s from 'cdk8s-plus-30/lib/imports/k8s';
import { Construct } from 'constructs';
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
 * (ingress from the ingress controller), and with `host` an Ingress with TLS; optionally a
 * HorizontalPodAutoscaler and a ConfigMap.
 */
export class WebService extends GoldenWorkload {
  /** The public host name, when exposed. */
  public readonly host?: string;
  /** The Ingress, when `host` was given. */
  public readonly ingress?: k8s.KubeIngress;

  constructor(scope: Construct, id: string, props: WebServiceProps) {
    super(scope, id, props, { component: 'web' });
    const exposure = resolveExposure(this, this.name, props);
    this.allowFrom(NetworkPeer.namespace(exposure.controllerNamespace));
    if (exposure.host !== undefined) {
      this.host = exposure.host;
      const ingress = createIngress(this, 'Ingress', exposure, exposure.host, {
        name: this.name,
        labels: this.labels,
        annotations: { ...props.annotations, ...exposure.annotations, ...exposure.tlsAnnotations },
        serviceName: this.service.name,
        portName: this.portName,
      });
      this.ingress = ingress;
      refuseNameCollisions(this, () => [ingress]);
    }
  }
}
