import { Lazy } from 'cdk8s';
import * as k8s from 'cdk8s-plus-30/lib/imports/k8s';
import { Construct } from 'constructs';
import { CheckedGrant } from './grants';
import { API_TOKEN_PATH, API_TOKEN_VOLUME, apiTokenVolume } from '../conventions/api-token';
import { keepPatchedValues } from '../private/keep-values';

const TOKEN_VOLUME = API_TOKEN_VOLUME;

/** Where the access of a workload is created, and what it is named. */
export interface WorkloadAccessProps {
  /** The construct the ServiceAccount is a child of (the workload core). */
  readonly scope: Construct;
  /**
   * The construct the Role and RoleBinding are children of, made when the first grant comes, after
   * the scope's siblings: the golden construct, so that they follow its other objects in the output.
   */
  readonly lateScope: Construct;
  /** Prefix of the Role's and RoleBinding's construct ids in `lateScope` (the track's, or nothing). */
  readonly lateIdPrefix: string;
  /** The name of the ServiceAccount, the Role and the RoleBinding. */
  readonly name: string;
  /** The ServiceAccount's namespace, for the RoleBinding's subject. */
  readonly namespace?: string;
  /** The metadata of each object. */
  readonly metadata: () => k8s.ObjectMeta;
  /** Mounts the API token into the pods, once the first grant needs it. */
  readonly mountToken: (volume: k8s.Volume, mount: k8s.VolumeMount) => void;
}

/**
 * The identity and API access of a workload: a ServiceAccount that mounts no token, and, from the
 * first grant on, a Role with the granted rules (each once), its RoleBinding, and a short-lived
 * projected API token in the pods (the ServiceAccount and the pod keep
 * `automountServiceAccountToken: false`).
 */
export class WorkloadAccess {
  public readonly serviceAccount: k8s.KubeServiceAccount;
  /** The Role and its RoleBinding, once something was granted. */
  public role?: k8s.KubeRole;
  public roleBinding?: k8s.KubeRoleBinding;

  private readonly rules: k8s.PolicyRule[] = [];
  private readonly ruleKeys = new Set<string>();
  private readonly acknowledgements: Record<string, string> = {};

  constructor(private readonly props: WorkloadAccessProps) {
    this.serviceAccount = keepPatchedValues(new k8s.KubeServiceAccount(props.scope, 'ServiceAccount', {
      metadata: props.metadata(),
      automountServiceAccountToken: false,
    }));
  }

  /** Adds a checked rule to the Role, creating the Role, its binding and the token on first use. */
  public grant(grant: CheckedGrant): void {
    const key = JSON.stringify(grant.rule);
    if (this.ruleKeys.has(key)) {
      return;
    }
    this.ruleKeys.add(key);
    this.rules.push(grant.rule);
    const role = this.role ?? this.createRole();
    for (const [ackKey, reason] of Object.entries(grant.acknowledgement ?? {})) {
      const previous = this.acknowledgements[ackKey];
      this.acknowledgements[ackKey] = previous === undefined || previous === reason ? reason : `${previous}; ${reason}`;
      role.metadata.addAnnotation(ackKey, this.acknowledgements[ackKey]);
    }
  }

  private createRole(): k8s.KubeRole {
    const { lateScope, lateIdPrefix, name, namespace } = this.props;
    this.role = keepPatchedValues(new k8s.KubeRole(lateScope, `${lateIdPrefix}Role`, {
      metadata: this.props.metadata(),
      rules: Lazy.any({ produce: () => this.rules }) as any,
    }));
    this.roleBinding = keepPatchedValues(new k8s.KubeRoleBinding(lateScope, `${lateIdPrefix}RoleBinding`, {
      metadata: this.props.metadata(),
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name },
      subjects: [{ kind: 'ServiceAccount', name, namespace }],
    }));
    this.props.mountToken(apiTokenVolume(TOKEN_VOLUME), { name: TOKEN_VOLUME, mountPath: API_TOKEN_PATH, readOnly: true });
    return this.role;
  }
}
