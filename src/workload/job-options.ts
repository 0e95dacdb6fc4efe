import { Duration } from 'cdk8s';
import { IConstruct } from 'constructs';
import { JobRestartPolicy } from './job-restart-policy';
import { checkInteger, checkSeconds } from '../private/checks';
import { fail } from '../private/errors';

/** How a run-to-completion job retries, how long it may run and how long it stays. */
export interface JobOptions {
  /**
   * How long one run may take before Kubernetes stops it and marks it failed
   * (`activeDeadlineSeconds`), retries included.
   * @default Duration.hours(1)
   */
  readonly activeDeadline?: Duration;
  /**
   * Retries before the run is marked failed (`backoffLimit`).
   * @default 3
   */
  readonly backoffLimit?: number;
  /**
   * How long a finished Job and its pods stay for inspection before Kubernetes deletes them
   * (`ttlSecondsAfterFinished`).
   * @default Duration.days(1)
   */
  readonly ttlAfterFinished?: Duration;
  /**
   * What happens when the container fails.
   * @default JobRestartPolicy.NEVER (a new pod per attempt, each attempt's logs kept)
   */
  readonly restartPolicy?: JobRestartPolicy;
}

/** The Job spec fields the options set, and the pods' restart policy. */
export interface JobSettings {
  readonly activeDeadlineSeconds: number;
  readonly backoffLimit: number;
  readonly ttlSecondsAfterFinished: number;
  readonly restartPolicy: string;
}

/** Checks the job options and applies their defaults. */
export function resolveJobOptions(scope: IConstruct, options: JobOptions): JobSettings {
  const restart = options.restartPolicy ?? JobRestartPolicy.NEVER;
  if (!JobRestartPolicy.isJobRestartPolicy(restart)) {
    fail(scope, 'restartPolicy', 'must be a JobRestartPolicy', restart, 'use JobRestartPolicy.NEVER or JobRestartPolicy.ON_FAILURE');
  }
  return {
    activeDeadlineSeconds: options.activeDeadline === undefined ? 3600 : checkSeconds(scope, 'activeDeadline', options.activeDeadline, 1, 7 * 86400),
    backoffLimit: options.backoffLimit === undefined ? 3 : checkInteger(scope, 'backoffLimit', options.backoffLimit, 0, 100),
    ttlSecondsAfterFinished: options.ttlAfterFinished === undefined ? 86400 : checkSeconds(scope, 'ttlAfterFinished', options.ttlAfterFinished, 0, 30 * 86400),
    restartPolicy: restart.value,
  };
}
