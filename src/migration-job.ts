import { createHash } from 'crypto';
import * as k8s from 'cdk8s-plus-30/lib/imports/k8s';
import { Construct } from 'constructs';
import { ApiProtocol } from './conventions/api-protocol';
import { PeerSelection } from './network/network-peer';
import { fail } from './private/errors';
import { GoldenConstruct } from './workload/golden-construct';
import { GoldenWorkloadBase } from './workload/golden-workload-base';
import { JobOptions, resolveJobOptions } from './workload/job-options';
import { Wiring } from './workload/wiring';
import { Workload } from './workload/workload';
import { WorkloadProps } from './workload/workload-props';

/**
 * A migration: the workload props, and the workloads that must wait for it. `command` is required
 * here (refused when left out): a migration image's default entrypoint is rarely the migration.
 */
export interface MigrationJobProps extends WorkloadProps, JobOptions {
  /** The golden workloads that roll out only after the migration has completed. */
  readonly before: GoldenConstruct[];
}

/** Argo CD's sync wave of the migration, and of the workloads in `before` (one wave later). */
export const MIGRATION_SYNC_WAVE = -1;
const WORKLOAD_SYNC_WAVE = MIGRATION_SYNC_WAVE + 1;
/** The longest base name: the Job's name is `<name>-<10 hex digits of the template's hash>`. */
const MAX_BASE_NAME = 52;
const NO_INGRESS = 'takes no connections (a MigrationJob: its NetworkPolicy denies all ingress)';

/** A Job whose name ends in a hash of its pod template, computed from the template as written out. */
class ContentNamedJob extends k8s.KubeJob {
  public toJson(): any {
    const json = super.toJson();
    const hash = createHash('sha256').update(JSON.stringify(json.spec.template)).digest('hex').slice(0, 10);
    return { ...json, metadata: { ...json.metadata, name: `${json.metadata.name}-${hash}` } };
  }
}

/**
 * A schema migration (or any one-off step) that runs before the workloads in `before` roll out: a
 * Job with the same restricted pods as every golden workload, named `<name>-<hash>` after its pod
 * template (a Job's template is immutable, so a new migration is a new Job), with a deadline,
 * retries and a TTL. It is ordered for the tools that apply it:
 * - Argo CD: `argocd.argoproj.io/sync-wave: "-1"` on the Job and `"0"` on the workloads in `before`.
 *   Argo CD also reads the Helm hook annotations below as a PreSync hook, so the Job runs and must
 *   complete before anything of the sync phase is applied.
 * - Helm (`cdk8s synth --format helm`): `helm.sh/hook: pre-install,pre-upgrade`, weight `-1`,
 *   delete policy `before-hook-creation` (the last run stays for inspection until its TTL).
 * - Flux and plain `kubectl apply`: see docs/gitops.md (apply the Job first, wait for
 *   `condition=complete`, then the rest).
 */
export class MigrationJob extends GoldenWorkloadBase {
  /** The Job (its name in the output ends in the template's hash). */
  public readonly job: k8s.KubeJob;
  /** @internal */
  protected readonly _wiring: Wiring;
  /** @internal */
  protected readonly _core: Workload;

  constructor(scope: Construct, id: string, props: MigrationJobProps) {
    super(scope, id);
    if (props === null || typeof props !== 'object') {
      fail(this, 'props', 'must be an object', props, 'pass at least { image, command, before }');
    }
    if (props.servicePort !== undefined) {
      fail(this, 'servicePort', 'does not apply: a MigrationJob has no Service', props.servicePort, 'leave it out');
    }
    if (!Array.isArray(props.command) || props.command.length === 0) {
      fail(this, 'command', 'must name the migration command', props.command, "pass the command and its arguments, such as ['/app/migrate', 'up']");
    }
    if (!Array.isArray(props.before) || props.before.length === 0) {
      fail(this, 'before', 'must name the workloads that wait for the migration', props.before, 'pass the golden workloads that use the migrated schema, such as [api]');
    }
    const waiting = props.before.map((workload, i) => {
      const wiring = Wiring.of(workload);
      if (wiring === undefined) {
        fail(this, `before[${i}]`, 'must be a golden workload', workload?.constructor?.name ?? workload, 'pass a WebService, InternalApi, Worker, StatefulService or CanaryRelease');
      }
      return wiring;
    });
    const job = resolveJobOptions(this, props);
    this._core = new Workload(this, { ...props, portName: props.portName ?? 'admin' }, {
      component: 'migration',
      protocol: ApiProtocol.HTTP,
      noIngress: true,
      controller: {
        batch: { restartPolicy: job.restartPolicy, maxPods: 1 },
        create: (core, template, annotations) => {
          if (core.name.length > MAX_BASE_NAME) {
            fail(this, 'name', `must be at most ${MAX_BASE_NAME} characters for a MigrationJob (it is ${core.name.length}; the Job's name gets an 11-character hash)`,
              core.name, 'set the `name` prop to a shorter name');
          }
          return new ContentNamedJob(core, 'Job', {
            metadata: core.metadata({
              ...annotations,
              'argocd.argoproj.io/sync-wave': String(MIGRATION_SYNC_WAVE),
              'helm.sh/hook': 'pre-install,pre-upgrade',
              'helm.sh/hook-weight': String(MIGRATION_SYNC_WAVE),
              'helm.sh/hook-delete-policy': 'before-hook-creation',
            }),
            spec: {
              backoffLimit: job.backoffLimit,
              activeDeadlineSeconds: job.activeDeadlineSeconds,
              ttlSecondsAfterFinished: job.ttlSecondsAfterFinished,
              template,
            },
          });
        },
      },
    });
    this.job = this._core.controller as k8s.KubeJob;
    for (const wiring of waiting) {
      for (const controller of wiring.controllers()) {
        controller.metadata.addAnnotation('argocd.argoproj.io/sync-wave', String(WORKLOAD_SYNC_WAVE));
      }
    }
    this._wiring = new Wiring(this, () => [this._core], this._core.namespace, this._core.port);
    this._wiring.refuseIngress(NO_INGRESS);
  }

  /** The job's pods, as a client of other peers (nothing may reach them). */
  public toPeerSelection(): PeerSelection {
    return {
      description: `MigrationJob ${this.node.path}`,
      namespace: this.namespace,
      podLabels: { 'app.kubernetes.io/instance': this.name },
      ports: [],
      golden: true,
    };
  }
}
