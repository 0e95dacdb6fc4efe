import { App, Chart } from 'cdk8s';
import { IConstruct } from 'constructs';
import { CpuLimits } from './cpu-limits';
import { SecurityPreset } from './security-preset';
import { ResourcePreset } from '../conventions/resource-preset';
import { IngressTls } from '../network/ingress-tls';
import { fail } from '../private/errors';

/**
 * The organisation-wide defaults a platform team sets once, at App or Chart scope. Every golden
 * construct below reads them; construct props override Chart defaults, which override App
 * defaults.
 */
export interface PlatformDefaultsProps {
  /**
   * The IngressClass of every Ingress.
   * @default 'nginx'
   */
  readonly ingressClassName?: string;
  /**
   * The namespace of the ingress controller's pods, allowed into every WebService.
   * @default 'ingress-nginx'
   */
  readonly ingressControllerNamespace?: string;
  /**
   * The certificate of every Ingress: a cert-manager issuer, or an existing Secret.
   * @default IngressTls.certManagerClusterIssuer('letsencrypt')
   */
  readonly tls?: IngressTls;
  /**
   * Labels on every object, such as team or cost centre. Merged: App, then Chart, then the
   * construct's own `labels`.
   * @default - none
   */
  readonly labels?: { [key: string]: string };
  /**
   * The resource preset of every container.
   * @default ResourcePreset.SMALL
   */
  readonly resources?: ResourcePreset;
  /**
   * Registries (and optionally paths) that images may come from, e.g. `ghcr.io/acme/` or
   * `registry.acme.com`. An image from anywhere else is refused.
   * @default - any registry
   */
  readonly allowedRegistries?: string[];
  /**
   * Whether containers get CPU limits.
   * @default CpuLimits.ENABLED
   */
  readonly cpuLimits?: CpuLimits;
  /**
   * The PriorityClass of every pod; it must exist in the cluster.
   * @default - none (the cluster's default priority)
   */
  readonly priorityClassName?: string;
  /**
   * How pods get their user and group IDs.
   * @default SecurityPreset.RESTRICTED
   */
  readonly securityPreset?: SecurityPreset;
}

const profiles = new WeakMap<IConstruct, PlatformDefaultsProps>();

/** Sets and reads the platform defaults of a scope. */
export class PlatformDefaults {
  /**
   * Sets the defaults of an App or a Chart: every golden construct below it reads them. Setting
   * them twice on one scope merges, the later value of a field winning.
   */
  public static set(scope: IConstruct, defaults: PlatformDefaultsProps): void {
    if (!(scope instanceof App) && !(scope instanceof Chart)) {
      fail(scope, 'PlatformDefaults.set', 'platform defaults are set on an App or a Chart', scope?.constructor?.name, 'call it with the App or a Chart');
    }
    if (defaults === null || typeof defaults !== 'object') {
      fail(scope, 'PlatformDefaults.set', 'needs the defaults as an object', defaults, 'pass { ingressClassName: …, … }');
    }
    profiles.set(scope, merge(profiles.get(scope) ?? {}, defaults));
  }

  /** The defaults in force at a construct: App defaults, overridden by those of the enclosing Charts, inner last. */
  public static of(scope: IConstruct): PlatformDefaultsProps {
    let resolved: PlatformDefaultsProps = {};
    for (const s of scope.node.scopes) {
      const profile = profiles.get(s);
      if (profile !== undefined) {
        resolved = merge(resolved, profile);
      }
    }
    return resolved;
  }

  private constructor() {}
}

/** `over` wins field by field; labels merge. */
function merge(base: PlatformDefaultsProps, over: PlatformDefaultsProps): PlatformDefaultsProps {
  const defined = Object.fromEntries(Object.entries(over).filter(([, v]) => v !== undefined)) as PlatformDefaultsProps;
  const labels = base.labels === undefined && over.labels === undefined ? undefined : { ...base.labels, ...over.labels };
  return { ...base, ...defined, labels };
}
