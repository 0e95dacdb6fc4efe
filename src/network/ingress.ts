import * as k8s from 'cdk8s-plus-30/lib/imports/k8s';
import { Construct } from 'constructs';
import { Exposure } from './exposure';
import { ExposureOptions } from './exposure-options';
import { IngressTls } from '../platform/ingress-tls';
import { PlatformDefaults } from '../platform/platform-defaults';
import { checkPlatformGateway, PlatformGateway } from '../platform/platform-gateway';
import { checkAnnotations, checkHostName, checkNamespaceName, checkReferenceName } from '../private/checks';
import { fail } from '../private/errors';
import { keepPatchedValues } from '../private/keep-values';

/** The exposure settings of a public service, checked, with the platform defaults applied. */
export interface ResolvedExposure {
  /** The namespace of the pods allowed in from outside: the ingress controller's, or the Gateway's data plane. */
  readonly controllerNamespace: string;
  /** The first host, when exposed. */
  readonly host?: string;
  /** Every host (`host` first, then `hosts`); empty when not exposed. */
  readonly hosts: string[];
  /** The path prefixes routed on every host. */
  readonly paths: string[];
  /** The platform's Gateway, when exposed through it (then the Ingress settings below are unused). */
  readonly gateway?: PlatformGateway;
  readonly ingressClassName: string;
  readonly tlsSecretName: string;
  /** cert-manager annotations. */
  readonly tlsAnnotations: Record<string, string>;
  /** Extra Ingress annotations. */
  readonly annotations: Record<string, string>;
}

const INGRESS_FIELDS = ['ingressClassName', 'ingressControllerNamespace', 'tls', 'ingressAnnotations'] as const;

/**
 * Resolves the exposure props of `scope` (construct props > platform defaults > library defaults).
 * @param ingressOnly the name of what needs an Ingress (a canary strategy), which makes the
 * exposure an Ingress whatever the platform declares
 */
export function resolveExposure(scope: Construct, name: string, props: ExposureOptions, ingressOnly?: string): ResolvedExposure {
  const platform = PlatformDefaults.of(scope);
  const hosts = checkHosts(scope, props);
  const viaGateway = resolveKind(scope, props, platform.gateway, ingressOnly) === Exposure.GATEWAY.kind;
  const paths = checkPaths(scope, 'paths', props.paths === undefined ? ['/'] : props.paths);
  let gateway: PlatformGateway | undefined;
  if (viaGateway) {
    for (const field of INGRESS_FIELDS) {
      if (props[field] !== undefined) {
        fail(scope, field, 'applies to an Ingress, and the service is exposed through the platform\'s Gateway', field === 'tls' ? 'an IngressTls' : props[field],
          'remove it (TLS lives on the Gateway\'s listener, its data plane is PlatformDefaults.gateway.controllerNamespace), or set exposure: Exposure.INGRESS');
      }
    }
    gateway = checkPlatformGateway(scope, 'PlatformDefaults.gateway', platform.gateway);
  }
  const controllerNamespace = gateway !== undefined ? gateway.controllerNamespace ?? gateway.namespace
    : checkNamespaceName(scope, 'ingressControllerNamespace', props.ingressControllerNamespace ?? platform.ingressControllerNamespace ?? 'ingress-nginx');
  if (hosts.length === 0) {
    for (const field of ['ingressClassName', 'tls', 'ingressAnnotations', 'paths'] as const) {
      if (props[field] !== undefined) {
        const value = props[field];
        const what = field === 'paths' ? 'only applies to an exposed service, and there is no route without `host`' : 'only applies to an Ingress, and there is none without `host`';
        fail(scope, field, what, IngressTls.isIngressTls(value) ? 'an IngressTls' : value, 'set `host` or remove this prop');
      }
    }
  }
  const host = hosts[0];
  const ingressClassName = checkReferenceName(scope, 'ingressClassName', props.ingressClassName ?? platform.ingressClassName ?? 'nginx');
  const tlsSource = props.tls ?? platform.tls ?? IngressTls.certManagerClusterIssuer('letsencrypt');
  if (!IngressTls.isIngressTls(tlsSource)) {
    fail(scope, 'tls', 'must be an IngressTls', tlsSource, "use IngressTls.certManagerClusterIssuer('letsencrypt') or IngressTls.existingSecret('name')");
  }
  const tls = host === undefined || gateway !== undefined ? { secretName: `${name}-tls`, annotations: {} } : tlsSource._resolve(scope, 'tls', `${name}-tls`);
  const annotations = props.ingressAnnotations === undefined ? {} : checkAnnotations(scope, 'ingressAnnotations', props.ingressAnnotations);
  return {
    controllerNamespace, host, hosts, paths, gateway, ingressClassName, tlsSecretName: tls.secretName, tlsAnnotations: tls.annotations, annotations,
  };
}

/** `ingress` or `gateway`: the prop, else the platform's Gateway when declared, else an Ingress. */
function resolveKind(scope: Construct, props: ExposureOptions, platformGateway: unknown, ingressOnly: string | undefined): string {
  const given: unknown = props.exposure;
  if (given !== undefined && !Exposure.isExposure(given)) {
    fail(scope, 'exposure', 'must be an Exposure', given, 'use Exposure.INGRESS or Exposure.GATEWAY');
  }
  if (ingressOnly !== undefined) {
    if (given?.kind === Exposure.GATEWAY.kind) {
      fail(scope, 'exposure', `cannot be the Gateway: ${ingressOnly} routes through an Ingress`, 'Exposure.GATEWAY',
        'use TrafficStrategy.gatewayApi() to route through the Gateway, or remove `exposure`');
    }
    return Exposure.INGRESS.kind;
  }
  const kind = given?.kind ?? (platformGateway === undefined ? Exposure.INGRESS.kind : Exposure.GATEWAY.kind);
  if (kind === Exposure.GATEWAY.kind && platformGateway === undefined) {
    fail(scope, 'exposure', 'routes through the platform\'s Gateway, and none is declared', 'Exposure.GATEWAY',
      "declare it with PlatformDefaults.set(app, { gateway: { name: 'public', namespace: 'gateway-system' } }), or use Exposure.INGRESS");
  }
  return kind;
}

/** The hosts of `host` and `hosts`, checked, `host` first, each once. */
export function checkHosts(scope: Construct, props: ExposureOptions): string[] {
  const hosts: string[] = [];
  if (props.host !== undefined) {
    hosts.push(checkHostName(scope, 'host', props.host));
  }
  if (props.hosts !== undefined) {
    if (!Array.isArray(props.hosts) || props.hosts.length === 0) {
      fail(scope, 'hosts', 'must be a non-empty list of host names', props.hosts, "pass ['shop.example.com', 'www.shop.example.com'], or leave it out");
    }
    props.hosts.forEach((h, i) => {
      const checked = checkHostName(scope, `hosts[${i}]`, h);
      if (hosts.includes(checked)) {
        fail(scope, `hosts[${i}]`, props.host === checked ? 'repeats `host`' : 'is listed twice', checked, 'list each host once (`host` comes first, `hosts` add to it)');
      }
      hosts.push(checked);
    });
  }
  return hosts;
}

const PATH = /^\/$|^(\/[A-Za-z0-9._~!$&'()*+,;=:@-]+)+$/;

/** Path prefixes: absolute, without a trailing slash (but `/`), `.` or `..` segments, `%`, `?` or `#`, each once. */
export function checkPaths(scope: Construct, field: string, value: unknown): string[] {
  if (!Array.isArray(value) || value.length === 0) {
    fail(scope, field, 'must be a non-empty list of path prefixes', value, "pass ['/'] or ['/api', '/static'], or leave it out for '/'");
  }
  const paths: string[] = [];
  value.forEach((p, i) => {
    if (typeof p !== 'string' || p.length > 1024 || !PATH.test(p) || p.split('/').some((segment) => segment === '.' || segment === '..')) {
      fail(scope, `${field}[${i}]`, 'must be an absolute path prefix', p,
        "start with '/', use letters, digits and -._~!$&'()*+,;=:@ between single slashes, no '.' or '..' segment and no trailing '/' (such as '/api')");
    }
    if (paths.includes(p)) {
      fail(scope, `${field}[${i}]`, 'is listed twice', p, 'list each path once');
    }
    paths.push(p);
  });
  return paths;
}

/** What an Ingress routes, and how it is labelled. */
export interface IngressTarget {
  readonly name: string;
  readonly labels: Record<string, string>;
  readonly annotations: Record<string, string>;
  readonly serviceName: string;
  readonly portName: string;
}

/** An Ingress for the exposure's hosts, each path prefix to one Service port by name, with TLS for every host. */
export function createIngress(scope: Construct, id: string, exposure: ResolvedExposure, target: IngressTarget): k8s.KubeIngress {
  return keepPatchedValues(new k8s.KubeIngress(scope, id, {
    metadata: { name: target.name, labels: target.labels, annotations: Object.keys(target.annotations).length > 0 ? target.annotations : undefined },
    spec: {
      ingressClassName: exposure.ingressClassName,
      tls: [{ hosts: exposure.hosts, secretName: exposure.tlsSecretName }],
      rules: exposure.hosts.map((host) => ({
        host,
        http: {
          paths: exposure.paths.map((path) => ({
            path,
            pathType: 'Prefix',
            backend: { service: { name: target.serviceName, port: { name: target.portName } } },
          })),
        },
      })),
    },
  }));
}
