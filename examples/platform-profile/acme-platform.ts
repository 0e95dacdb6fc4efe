// What a platform team publishes as its own small package (say `@acme/golden-platform`): the
// organisation's defaults, set once, and a namespace per team. App teams depend on it and never
// repeat these settings.
import { App, Chart, Size } from 'cdk8s';
import { Cpu } from 'cdk8s-plus-30';
import { Construct } from 'constructs';
import {
  ClusterDns, CpuLimits, IngressTls, NamespaceQuota, PlatformDefaults, ResourcePreset, SecureNamespace, SecurityPreset,
} from '../../src';

/** Where the app runs. */
export interface AcmeTarget {
  /** OpenShift assigns user IDs itself; everywhere else workloads get fixed high IDs. */
  readonly openshift?: boolean;
}

/** Applies Acme's defaults to an app: every golden construct in it reads them. */
export function useAcmePlatform(app: App, target: AcmeTarget = {}): void {
  PlatformDefaults.set(app, {
    ingressClassName: 'acme-nginx',
    ingressControllerNamespace: 'acme-ingress',
    tls: IngressTls.certManagerClusterIssuer('acme-letsencrypt-prod'),
    allowedRegistries: ['registry.acme.com', 'ghcr.io/acme'],
    resources: ResourcePreset.SMALL,
    cpuLimits: CpuLimits.disabled('Acme runs latency-sensitive services; CPU limits cause CFS throttling (platform decision PD-12)'),
    priorityClassName: 'acme-standard',
    securityPreset: target.openshift ? SecurityPreset.PLATFORM_ASSIGNED : SecurityPreset.RESTRICTED,
    labels: { 'acme.com/managed-by-platform': 'golden' },
    // Where pods send DNS queries, and where they reach the API server (for grants): the
    // endpoints of the `kubernetes` Service, as NetworkPolicies see them.
    dns: target.openshift ? ClusterDns.OPENSHIFT : ClusterDns.KUBE_DNS,
    apiServer: { cidrs: ['10.0.0.0/28'], port: target.openshift ? 6443 : 443 },
  });
}

/** Options of a team's namespace. */
export interface TeamNamespaceProps {
  /** The team, as in the org chart. */
  readonly team: string;
  /** The team's cost centre. */
  readonly costCentre: string;
}

/** A team's namespace, locked down, with the team's labels as defaults for its charts. */
export class TeamNamespaceChart extends Chart {
  public readonly namespaceName: string;

  constructor(scope: Construct, id: string, props: TeamNamespaceProps) {
    super(scope, id);
    this.namespaceName = props.team;
    new SecureNamespace(this, 'namespace', {
      name: props.team,
      quota: NamespaceQuota.custom({ cpuRequests: Cpu.units(4), memory: Size.gibibytes(8), pods: 30 }),
      labels: { 'acme.com/team': props.team, 'acme.com/cost-centre': props.costCentre },
      annotations: { 'acme.com/contact': `#team-${props.team}` },
    });
  }
}

/** A chart in a team's namespace, carrying the team's labels on everything in it. */
export class TeamChart extends Chart {
  constructor(scope: Construct, id: string, team: TeamNamespaceChart) {
    super(scope, id, { namespace: team.namespaceName });
    PlatformDefaults.set(this, { labels: { 'acme.com/team': team.namespaceName } });
  }
}
