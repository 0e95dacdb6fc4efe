import * as k8s from 'cdk8s-plus-30/lib/imports/k8s';
import { Construct } from 'constructs';
import { ExposureOptions } from './exposure-options';
import { IngressTls } from '../platform/ingress-tls';
import { PlatformDefaults } from '../platform/platform-defaults';
import { checkAnnotations, checkHostName, checkNamespaceName, checkReferenceName } from '../private/checks';
import { fail } from '../private/errors';

/** The exposure settings of a public service, checked, with the platform defaults applied. */
export interface Exposure {
  /** The namespace of the ingress controller's pods. */
  readonly controllerNamespace: string;
  /** The host, when exposed. */
  readonly host?: string;
  readonly ingressClassName: string;
  readonly tlsSecretName: string;
  /** cert-manager annotations. */
  readonly tlsAnnotations: Record<string, string>;
  /** Extra Ingress annotations. */
  readonly annotations: Record<string, string>;
}

/** Resolves the exposure props of `scope` (construct props > platform defaults > library defaults). */
export function resolveExposure(scope: Construct, name: string, props: ExposureOptions): Exposure {
  const platform = PlatformDefaults.of(scope);
  const controllerNamespace = checkNamespaceName(scope, 'ingressControllerNamespace',
    props.ingressControllerNamespace ?? platform.ingressControllerNamespace ?? 'ingress-nginx');
  if (props.host === undefined) {
    for (const field of ['ingressClassName', 'tls', 'ingressAnnotations'] as const) {
      if (props[field] !== undefined) {
        const value = props[field];
        fail(scope, field, 'only applies to an Ingress, and there is none without `host`', IngressTls.isIngressTls(value) ? 'an IngressTls' : value, 'set `host` or remove this prop');
      }
    }
  }
  const host = props.host === undefined ? undefined : checkHostName(scope, 'host', props.host);
  const ingressClassName = checkReferenceName(scope, 'ingressClassName', props.ingressClassName ?? platform.ingressClassName ?? 'nginx');
  const tlsSource = props.tls ?? platform.tls ?? IngressTls.certManagerClusterIssuer('letsencrypt');
  if (!IngressTls.isIngressTls(tlsSource)) {
    fail(scope, 'tls', 'must be an IngressTls', tlsSource, "use IngressTls.certManagerClusterIssuer('letsencrypt') or IngressTls.existingSecret('name')");
  }
  const tls = host === undefined ? { secretName: `${name}-tls`, annotations: {} } : tlsSource._resolve(scope, 'tls', `${name}-tls`);
  const annotations = props.ingressAnnotations === undefined ? {} : checkAnnotations(scope, 'ingressAnnotations', props.ingressAnnotations);
  return { controllerNamespace, host, ingressClassName, tlsSecretName: tls.secretName, tlsAnnotations: tls.annotations, annotations };
}

/** What an Ingress routes, and how it is labelled. */
export interface IngressTarget {
  readonly name: string;
  readonly labels: Record<string, string>;
  readonly annotations: Record<string, string>;
  readonly serviceName: string;
  readonly portName: string;
}

/** An Ingress for one host, `/` to one Service port by name, with TLS. */
export function createIngress(scope: Construct, id: string, exposure: Exposure, host: string, target: IngressTarget): k8s.KubeIngress {
  return new k8s.KubeIngress(scope, id, {
    metadata: { name: target.name, labels: target.labels, annotations: Object.keys(target.annotations).length > 0 ? target.annotations : undefined },
    spec: {
      ingressClassName: exposure.ingressClassName,
      tls: [{ hosts: [host], secretName: exposure.tlsSecretName }],
      rules: [{
        host,
        http: {
          paths: [{
            path: '/',
            pathType: 'Prefix',
            backend: { service: { name: target.serviceName, port: { name: target.portName } } },
          }],
        },
      }],
    },
  });
}
