import { IngressTls } from '../platform/ingress-tls';

/** How a public service is exposed through an Ingress. */
export interface ExposureOptions {
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
