import { Duration } from 'cdk8s';
import * as k8s from 'cdk8s-plus-30/lib/imports/k8s';
import { Construct } from 'constructs';
import { ApiProtocol } from './conventions/api-protocol';
import { PeerSelection } from './network/network-peer';
import { checkInteger, checkSeconds } from './private/checks';
import { fail } from './private/errors';
import { keepPatchedValues } from './private/keep-values';
import { ConcurrencyPolicy } from './workload/concurrency-policy';
import { checkSchedule } from './workload/cron-schedule';
import { GoldenWorkloadBase } from './workload/golden-workload-base';
import { JobOptions, resolveJobOptions } from './workload/job-options';
import { checkTimeZone } from './workload/time-zone';
import { Wiring } from './workload/wiring';
import { Workload } from './workload/workload';
import { WorkloadProps } from './workload/workload-props';

/** A job on a schedule: the workload props (no replicas, no Service), the schedule and the job's limits. */
export interface ScheduledJobProps extends WorkloadProps, JobOptions {
  /**
   * When to run: five cron fields, `minute hour day-of-month month day-of-week` (numbers, month
   * and weekday names, `*`, lists, ranges and steps), or `@hourly`, `@daily` (`@midnight`),
   * `@weekly`, `@monthly`, `@yearly` (`@annually`). No seconds field, no `@every`.
   */
  readonly schedule: string;
  /**
   * The IANA time zone the schedule is read in, such as `Europe/Berlin`.
   * @default 'Etc/UTC' (written out: without it the controller uses its own machine's zone)
   */
  readonly timeZone?: string;
  /**
   * What happens when a run is due while the last one still runs.
   * @default ConcurrencyPolicy.FORBID
   */
  readonly concurrencyPolicy?: ConcurrencyPolicy;
  /**
   * How late a missed run may still start (after a controller outage); later ones are skipped and
   * counted as missed (`startingDeadlineSeconds`).
   * @default Duration.minutes(5)
   */
  readonly startingDeadline?: Duration;
  /**
   * Finished Jobs kept for inspection, by outcome.
   * @default 3
   */
  readonly successfulJobsHistoryLimit?: number;
  /**
   * Failed Jobs kept for inspection.
   * @default 3
   */
  readonly failedJobsHistoryLimit?: number;
  /**
   * Create the CronJob suspended: no runs until it is resumed.
   * @default false
   */
  readonly suspend?: boolean;
}

const NO_INGRESS = 'takes no connections (a ScheduledJob: its NetworkPolicy denies all ingress)';

/** The longest CronJob name: the controller appends an 11-character suffix to name each Job. */
const MAX_CRONJOB_NAME = 52;

/**
 * A job on a schedule: a hardened CronJob (batch/v1) whose pods run to completion with the same
 * restricted pods as every golden workload, one run at a time by default, with a deadline to
 * start, a deadline to finish, a retry limit, a TTL and history limits. No Service; its
 * NetworkPolicy denies all ingress and allows egress to DNS and to what `allowTo` names.
 */
export class ScheduledJob extends GoldenWorkloadBase {
  /** The CronJob. */
  public readonly cronJob: k8s.KubeCronJob;
  /** The schedule, as checked. */
  public readonly schedule: string;
  /** The time zone the schedule is read in. */
  public readonly timeZone: string;
  /** @internal */
  protected readonly _wiring: Wiring;
  /** @internal */
  protected readonly _core: Workload;

  constructor(scope: Construct, id: string, props: ScheduledJobProps) {
    super(scope, id);
    if (props === null || typeof props !== 'object') {
      fail(this, 'props', 'must be an object', props, 'pass at least { image, schedule }');
    }
    if (props.servicePort !== undefined) {
      fail(this, 'servicePort', 'does not apply: a ScheduledJob has no Service', props.servicePort, 'leave it out');
    }
    this.schedule = checkSchedule(this, 'schedule', props.schedule);
    this.timeZone = props.timeZone === undefined ? 'Etc/UTC' : checkTimeZone(this, 'timeZone', props.timeZone);
    const concurrency = props.concurrencyPolicy ?? ConcurrencyPolicy.FORBID;
    if (!ConcurrencyPolicy.isConcurrencyPolicy(concurrency)) {
      fail(this, 'concurrencyPolicy', 'must be a ConcurrencyPolicy', concurrency, 'use ConcurrencyPolicy.FORBID or ConcurrencyPolicy.REPLACE');
    }
    if (props.suspend !== undefined && typeof props.suspend !== 'boolean') {
      fail(this, 'suspend', 'must be true or false', props.suspend, 'pass a boolean');
    }
    const startingDeadlineSeconds = props.startingDeadline === undefined ? 300 : checkSeconds(this, 'startingDeadline', props.startingDeadline, 10, 86400);
    const successfulJobsHistoryLimit = props.successfulJobsHistoryLimit === undefined ? 3 : checkInteger(this, 'successfulJobsHistoryLimit', props.successfulJobsHistoryLimit, 0, 100);
    const failedJobsHistoryLimit = props.failedJobsHistoryLimit === undefined ? 3 : checkInteger(this, 'failedJobsHistoryLimit', props.failedJobsHistoryLimit, 0, 100);
    const job = resolveJobOptions(this, props);
    const schedule = this.schedule;
    const timeZone = this.timeZone;
    this._core = new Workload(this, { ...props, portName: props.portName ?? 'admin' }, {
      component: 'job',
      protocol: ApiProtocol.HTTP,
      noIngress: true,
      controller: {
        batch: { restartPolicy: job.restartPolicy, maxPods: concurrency._maxPods },
        create: (core, template, annotations) => {
          if (core.name.length > MAX_CRONJOB_NAME) {
            fail(this, 'name', `must be at most ${MAX_CRONJOB_NAME} characters for a CronJob (it is ${core.name.length}; each Job gets an 11-character suffix)`, core.name,
              'set the `name` prop to a shorter name');
          }
          return keepPatchedValues(new k8s.KubeCronJob(core, 'CronJob', {
            metadata: core.metadata(annotations),
            spec: {
              schedule,
              timeZone,
              concurrencyPolicy: concurrency.value,
              startingDeadlineSeconds,
              suspend: props.suspend ?? false,
              successfulJobsHistoryLimit,
              failedJobsHistoryLimit,
              jobTemplate: {
                metadata: { labels: core.labels },
                spec: {
                  backoffLimit: job.backoffLimit,
                  activeDeadlineSeconds: job.activeDeadlineSeconds,
                  ttlSecondsAfterFinished: job.ttlSecondsAfterFinished,
                  template,
                },
              },
            },
          }));
        },
      },
    });
    this.cronJob = this._core.controller as k8s.KubeCronJob;
    this._wiring = new Wiring(this, () => [this._core], this._core.namespace, this._core.port);
    this._wiring.refuseIngress(NO_INGRESS);
  }

  /** The job's pods, as a client of other peers (nothing may reach them). */
  public toPeerSelection(): PeerSelection {
    return {
      description: `ScheduledJob ${this.node.path}`,
      namespace: this.namespace,
      podLabels: { 'app.kubernetes.io/instance': this.name },
      ports: [],
      golden: true,
    };
  }
}
