import { Duration } from 'cdk8s';
import * as k8s from 'cdk8s-plus-30/lib/imports/k8s';
import { IConstruct } from 'constructs';
import { checkInteger, checkOptions, checkSeconds } from '../private/checks';
import { fail } from '../private/errors';

/** How a Deployment replaces its pods. */
export interface RolloutOptions {
  /**
   * Extra pods, in percent of the desired count, that a rollout may start above it.
   * @default 25
   */
  readonly maxSurgePercent?: number;
  /**
   * Pods, in percent of the desired count, that may be unavailable during a rollout. The default
   * keeps full capacity: old pods stop only once new ones are ready.
   * @default 0
   */
  readonly maxUnavailablePercent?: number;
  /**
   * How long a new pod must be ready before it counts as available, to catch crash loops early.
   * @default Duration.seconds(5)
   */
  readonly minReady?: Duration;
  /**
   * How long a rollout may make no progress before it is reported as failed.
   * @default Duration.minutes(10)
   */
  readonly progressDeadline?: Duration;
  /**
   * Old ReplicaSets kept for `kubectl rollout undo`.
   * @default 5
   */
  readonly revisionHistoryLimit?: number;
}

/** The resolved rollout fields of a Deployment spec. */
export interface Rollout {
  readonly strategy: k8s.DeploymentStrategy;
  readonly minReadySeconds: number;
  readonly progressDeadlineSeconds: number;
  readonly revisionHistoryLimit: number;
  /** The extra pods a rollout may start above `replicas` (Kubernetes rounds the surge up). */
  surgePods(replicas: number): number;
}

/** The rollout opinion: RollingUpdate that never lowers capacity, with the caller's overrides checked. */
export function resolveRollout(scope: IConstruct, given?: RolloutOptions): Rollout {
  const options = checkOptions(scope, 'rollout', given);
  const surge = options.maxSurgePercent === undefined ? 25 : checkInteger(scope, 'rollout.maxSurgePercent', options.maxSurgePercent, 0, 100);
  const unavailable = options.maxUnavailablePercent === undefined ? 0 : checkInteger(scope, 'rollout.maxUnavailablePercent', options.maxUnavailablePercent, 0, 100);
  if (surge === 0 && unavailable === 0) {
    fail(scope, 'rollout.maxSurgePercent', 'cannot be 0 while maxUnavailablePercent is 0, or the rollout can never start', surge, 'allow a surge (such as 25) or some unavailability');
  }
  const minReadySeconds = options.minReady === undefined ? 5 : checkSeconds(scope, 'rollout.minReady', options.minReady, 0, 3600);
  const progressDeadlineSeconds = options.progressDeadline === undefined ? 600 : checkSeconds(scope, 'rollout.progressDeadline', options.progressDeadline, 1, 86400);
  if (progressDeadlineSeconds <= minReadySeconds) {
    fail(scope, 'rollout.progressDeadline', `must be longer than minReady (${minReadySeconds}s)`, `${progressDeadlineSeconds}s`, 'lengthen the deadline');
  }
  const revisionHistoryLimit = options.revisionHistoryLimit === undefined ? 5 : checkInteger(scope, 'rollout.revisionHistoryLimit', options.revisionHistoryLimit, 0, 100);
  const amount = (percent: number) => (percent === 0 ? k8s.IntOrString.fromNumber(0) : k8s.IntOrString.fromString(`${percent}%`));
  return {
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: amount(surge), maxUnavailable: amount(unavailable) } },
    surgePods: (replicas: number) => Math.ceil((replicas * surge) / 100),
    minReadySeconds,
    progressDeadlineSeconds,
    revisionHistoryLimit,
  };
}
