import { immutableData, immutableSecretType } from './immutable-config';
import { immutableJob } from './immutable-job';
import { immutablePvc, immutablePvcSize } from './immutable-pvc';
import { immutableRoleRef } from './immutable-role-ref';
import { immutableSelector } from './immutable-selector';
import { immutableClusterIp, immutableIpFamily } from './immutable-service';
import { immutableStatefulSet } from './immutable-statefulset';
import { pruneConfigInUse } from './prune-config-in-use';
import { pruneCrd, pruneNamespace, prunePvc, pruneStatefulSet } from './prune-data';
import { trafficRoute, trafficService } from './traffic';
import { DiffRule } from '../diff-rule';

/** Every rule of `cdk8s-golden diff`, in the order findings are reported and docs/diff.md lists them. */
export const DIFF_RULES: ReadonlyArray<DiffRule> = [
  immutableSelector,
  immutableStatefulSet,
  immutableJob,
  immutableClusterIp,
  immutableIpFamily,
  immutablePvc,
  immutablePvcSize,
  immutableData,
  immutableSecretType,
  immutableRoleRef,
  pruneNamespace,
  prunePvc,
  pruneStatefulSet,
  pruneCrd,
  pruneConfigInUse,
  trafficRoute,
  trafficService,
];
