import { ClusterState } from './cluster-model';
import { ManifestSet } from './manifest-set';
import { Manifest } from '../guardrails/manifest';

/** One problem a rule found in the change from OLD to NEW. */
export interface DiffProblem {
  /** The object the problem is about: the NEW object, or the OLD one when NEW no longer has it. */
  readonly object: Manifest;
  /** Which side `object` comes from. */
  readonly side: 'old' | 'new';
  /** The field, e.g. `spec.selector`; '' for the whole object. */
  readonly field: string;
  /** The field's value in OLD, as text ('' when absent). */
  readonly oldValue: string;
  /** The field's value in NEW, as text ('' when absent). */
  readonly newValue: string;
  /** What is wrong, naming the field and both values. */
  readonly message: string;
}

/** What a diff rule sees: both manifest sets, the objects on both sides, and the cluster model. */
export interface DiffContext {
  /** The objects of OLD. */
  readonly old: ManifestSet;
  /** The objects of NEW. */
  readonly new: ManifestSet;
  /** Each object in both OLD and NEW (same identity), as [old, new], in NEW's order. */
  readonly pairs: ReadonlyArray<readonly [Manifest, Manifest]>;
  /** The objects of OLD that NEW no longer has: applied with prune, they are deleted. */
  readonly removed: ReadonlyArray<Manifest>;
  /** The pairs whose NEW object is of this kind, in NEW's order (any API group). */
  pairsOfKind(kind: string): ReadonlyArray<readonly [Manifest, Manifest]>;
  /** The cluster once OLD has been applied and has settled (cluster-model.ts), computed once. */
  oldSettled(): ClusterState;
  /** The cluster right after NEW is applied over `oldSettled()`, before any new pod is ready. */
  newApplied(): ClusterState;
  /** The cluster once NEW has settled: what NEW means to run. */
  newSettled(): ClusterState;
}

/**
 * One upgrade-safety rule of `cdk8s-golden diff`: a pure check over the change from OLD to NEW,
 * with the reason it exists and the fix. Every finding is an error.
 */
export interface DiffRule {
  /** Stable identifier: starts with `immutable-`, `prune-` or `traffic-`. */
  readonly id: string;
  /** Why the rule exists: the failure it prevents. */
  readonly why: string;
  /** How to fix a finding. */
  readonly fix: string;
  /** Where the rule comes from: the Kubernetes function or behaviour it follows, for docs/diff.md. */
  readonly source: string;
  /** The problems in the change ([] when there are none). */
  check(context: DiffContext): DiffProblem[];
}
