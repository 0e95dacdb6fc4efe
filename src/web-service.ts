import { k8s } from 'cdk8s-plus-30';
import { Construct } from 'constructs';
import { IngressTls } from './network/ingress-tls';
import { NetworkPeer } from './network/network-peer';
import { PlatformDefaults } from './platform/platform-defaults';
import { checkAnnotations, checkHostName, checkReferenceName } from './private/checks';
import { fail } from './private/errors';
import { refuseNameCollisions } from './private/unique-names';
import { GoldenWorkload } from './workload/golden-workload';
import { WorkloadProps } from './workload/workload-props';

/** A public HTTP service. */
export interface WebServiceProps extends WorkloadProps {
  /**
   * Public host name. With it, the service is exposed through an Ingress with TLS.
   * @default - no Ingress: the service is reachable from the ingress controller's namespace and
   * the peers given to `allowFrom` only
   */
  readonly host?: string;
  /**
   * The IngressClass that serves the Ingress.
   * @default - the platform default (PlatformDefaults), else 'nginx'
   */
  readonly ingressClassName?: string;
  /**
   * The namespace of the ingress controller's pods, which may reach the service's pods.
   * @default - the platform default (PlatformDefaults), else 'ingress-nginx'
   */
  readonly ingressControllerNamespace?: string;
  /**
   * The certificate of the Ingress.
   * @default - the platform default (PlatformDefaults), else
   * IngressTls.certManagerClusterIssuer('letsencrypt') into the Secret `<name>-tls`
   */
  readonly tls?: IngressTls;
  /**
   * Extra annotations on the Ingress (controller settings such as body size or timeouts).
   * @default - none
   */
  readonly ingressAnnotations?: { [key: string]: string };
}

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
    const platform = PlatformDefaults.of(this);
    const controllerNamespace = checkReferenceName(this, 'ingressControllerNamespace',
      props.ingressControllerNamespace ?? platform.ingressControllerNamespace ?? 'ingress-nginx');
    this.allowFrom(NetworkPeer.namespace(controllerNamespace));

    if (props.host !== undefined) {
      this.host = checkHostName(this, 'host', props.host);
      const ingress = this.exposeViaIngress(this.host, {
        ...props,
        ingressClassName: props.ingressClassName ?? platform.ingressClassName,
        tls: props.tls ?? platform.tls,
      });
      this.ingress = ingress;
      refuseNameCollisions(this, () => [ingress]);
    } else {
      for (const field of ['ingressClassName', 'tls', 'ingressAnnotations'] as const) {
        if (props[field] !== undefined) {
          fail(this, field, 'only applies to an Ingress, and there is none without `host`', field === 'tls' ? 'an IngressTls' : props[field], 'set `host` or remove this prop');
        }
      }
    }
  }

  private exposeViaIngress(host: string, props: WebServiceProps): k8s.KubeIngress {
    const ingressClassName = checkReferenceName(this, 'ingressClassName', props.ingressClassName ?? 'nginx');
    const tlsSource = props.tls ?? IngressTls.certManagerClusterIssuer('letsencrypt');
    if (!(tlsSource instanceof IngressTls)) {
      fail(this, 'tls', 'must be an IngressTls', tlsSource, "use IngressTls.certManagerClusterIssuer('letsencrypt') or IngressTls.existingSecret('name')");
    }
    const tls = tlsSource._resolve(this, 'tls', `${this.name}-tls`);
    const extra = props.ingressAnnotations === undefined ? {} : checkAnnotations(this, 'ingressAnnotations', props.ingressAnnotations);
    const labels = this.labels;
    const annotations = { ...props.annotations, ...extra, ...tls.annotations };
    return new k8s.KubeIngress(this, 'Ingress', {
      metadata: { name: this.name, labels, annotations },
      spec: {
        ingressClassName,
        tls: [{ hosts: [host], secretName: tls.secretName }],
        rules: [{
          host,
          http: {
            paths: [{
              path: '/',
              pathType: 'Prefix',
              backend: { service: { name: this.service.name, port: { name: this.portName } } },
            }],
          },
        }],
      },
    });
  }
}
