import { Exposure } from './exposure';
import { IngressTls } from '../platform/ingress-tls';

/** How a public service is exposed: through an Ingress, or an HTTPRoute to the platform's Gateway. */
export interface ExposureOptions {
  /**
   * Public host name. With it, the service is exposed through an Ingress with TLS, or an HTTPRoute
   * to the platform's Gateway.
   * @default - not exposed: the service is reachable from the ingress controller's (or the
   * Gateway's) namespace and the peers given to `allowFrom` only
   */
  readonly host?: string;
  /**
   * More public host names, routed like `host` (which, when given, comes first). Each host once.
   * @default - `host` only
   */
  readonly hosts?: string[];
  /**
   * The path prefixes routed to the service, on every host; absolute, each once.
   * @default ['/']
   */
  readonly paths?: string[];
  /**
   * How the service is exposed: an Ingress, or an HTTPRoute to the platform's Gateway
   * (`PlatformDefaults.gateway`).
   * @default - Exposure.GATEWAY when the platform declares a Gateway, else Exposure.INGRESS
   */
  readonly exposure?: Exposure;
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
