import * as k8s from 'cdk8s-plus-30/lib/imports/k8s';
import { IConstruct } from 'constructs';
import { checkInteger, checkOptions } from '../private/checks';

/** The identity the containers run as. */
export interface SecurityOptions {
  /**
   * The user ID of every container. At least 10000, so it cannot collide with a user of the
   * node (kube-score checks this).
   * @default 10001
   */
  readonly runAsUser?: number;
  /**
   * The group ID of every container, also used as `fsGroup` for volumes.
   * @default 10001
   */
  readonly runAsGroup?: number;
}

/** The restricted security context of a pod and its containers. */
export interface RestrictedSecurity {
  readonly pod: k8s.PodSecurityContext;
  readonly container: k8s.SecurityContext;
}

const MAX_ID = 2147483647;
const ID_FIX = 'use an ID from 10000 up, which no node user has; images that insist on a low UID need rebuilding';

/**
 * The Pod Security `restricted` profile, and what kube-score, kube-linter and Polaris add:
 * non-root with a high UID and GID, RuntimeDefault seccomp, no privilege escalation, every
 * capability dropped, a read-only root filesystem. With `fixedIds` false (the platform assigns
 * IDs, as OpenShift does) and no IDs given, the pod sets no UID, GID or fsGroup.
 */
export function restrictedSecurity(scope: IConstruct, given?: SecurityOptions, fixedIds = true): RestrictedSecurity {
  const options = checkOptions(scope, 'security', given);
  if (!fixedIds && options.runAsUser === undefined && options.runAsGroup === undefined) {
    return {
      pod: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
      container: containerContext(),
    };
  }
  const user = options.runAsUser === undefined ? 10001 : checkInteger(scope, 'security.runAsUser', options.runAsUser, 10000, MAX_ID, ID_FIX);
  const group = options.runAsGroup === undefined ? 10001 : checkInteger(scope, 'security.runAsGroup', options.runAsGroup, 10000, MAX_ID, ID_FIX);
  return {
    pod: {
      runAsNonRoot: true,
      runAsUser: user,
      runAsGroup: group,
      fsGroup: group,
      seccompProfile: { type: 'RuntimeDefault' },
    },
    container: containerContext(),
  };
}

function containerContext(): k8s.SecurityContext {
  return {
    allowPrivilegeEscalation: false,
    privileged: false,
    readOnlyRootFilesystem: true,
    capabilities: { drop: ['ALL'] },
  };
}
