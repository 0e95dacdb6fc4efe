import { Duration } from 'cdk8s';
import { IConstruct } from 'constructs';
import { checkInteger, checkReferenceName, checkSeconds, checkString, checkStringMap } from '../private/checks';
import { fail } from '../private/errors';

/** One KEDA scaler: what the replica count follows (a queue's length, a stream's lag…). */
export interface KedaTrigger {
  /** The scaler type, such as `rabbitmq`, `aws-sqs-queue`, `kafka` or `prometheus`. */
  readonly type: string;
  /** The scaler's settings, as KEDA documents them for its type (never a credential: use `authenticationRef`). */
  readonly metadata: { [key: string]: string };
  /**
   * The name of a TriggerAuthentication in the namespace that holds the scaler's credentials.
   * @default - none
   */
  readonly authenticationRef?: string;
}

/** Autoscaling by KEDA (a `ScaledObject`, keda.sh/v1alpha1): KEDA creates and owns the HorizontalPodAutoscaler. */
export interface KedaScalingOptions {
  /** What the replica count follows; at least one trigger. */
  readonly triggers: KedaTrigger[];
  /** The most replicas KEDA may run. */
  readonly maxReplicas: number;
  /**
   * The fewest replicas: 0 (scaled to zero while there is no work) or at least 2 (one node loss
   * never stops the work); 1 is refused.
   * @default 2
   */
  readonly minReplicas?: number;
  /**
   * How often KEDA reads the triggers.
   * @default Duration.seconds(30)
   */
  readonly pollingInterval?: Duration;
  /**
   * How long KEDA waits after the last active trigger before scaling to `minReplicas` 0.
   * @default Duration.minutes(5)
   */
  readonly cooldownPeriod?: Duration;
}

/** The resolved ScaledObject spec, but its target. */
export interface KedaScaling {
  readonly minReplicaCount: number;
  readonly maxReplicaCount: number;
  readonly pollingInterval: number;
  readonly cooldownPeriod: number;
  readonly triggers: Array<{ type: string; metadata: Record<string, string>; authenticationRef?: { name: string } }>;
}

const TRIGGER_TYPE = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

/** Checks KEDA options: triggers with a type and settings, 0 or at least 2 pods, a max above the min. */
export function resolveKedaScaling(scope: IConstruct, field: string, options: KedaScalingOptions): KedaScaling {
  if (options === null || typeof options !== 'object') {
    fail(scope, field, 'must be KEDA scaling options', options, "pass { maxReplicas: 10, triggers: [{ type: 'rabbitmq', metadata: {...} }] }");
  }
  const minReplicaCount = options.minReplicas === undefined ? 2 : checkInteger(scope, `${field}.minReplicas`, options.minReplicas, 0, 999);
  if (minReplicaCount === 1) {
    fail(scope, `${field}.minReplicas`, 'must be 0 or at least 2 (one pod stops the work at every node drain)', 1, 'use 0 to scale to zero when idle, or 2');
  }
  const maxReplicaCount = checkInteger(scope, `${field}.maxReplicas`, options.maxReplicas, 1, 1000);
  if (maxReplicaCount <= Math.max(minReplicaCount, 1)) {
    fail(scope, `${field}.maxReplicas`, `must be above minReplicas (${minReplicaCount}) and 1`, maxReplicaCount, `set maxReplicas to at least ${Math.max(minReplicaCount, 1) + 1}`);
  }
  if (!Array.isArray(options.triggers) || options.triggers.length === 0) {
    fail(scope, `${field}.triggers`, 'must name at least one trigger', options.triggers, "pass [{ type: 'rabbitmq', metadata: { queueName: 'jobs', mode: 'QueueLength', value: '20' } }]");
  }
  const triggers = options.triggers.map((trigger, i) => {
    const at = `${field}.triggers[${i}]`;
    if (trigger === null || typeof trigger !== 'object') {
      fail(scope, at, 'must be a trigger', trigger, "pass { type: 'rabbitmq', metadata: {...} }");
    }
    const type = checkString(scope, `${at}.type`, trigger.type, "use a KEDA scaler type such as 'rabbitmq' or 'aws-sqs-queue'");
    if (!TRIGGER_TYPE.test(type)) {
      fail(scope, `${at}.type`, 'must be a KEDA scaler type', type, "use lower-case letters, digits and '-', such as 'aws-sqs-queue'");
    }
    const metadata = checkStringMap(scope, `${at}.metadata`, trigger.metadata);
    const authenticationRef = trigger.authenticationRef === undefined ? undefined : { name: checkReferenceName(scope, `${at}.authenticationRef`, trigger.authenticationRef) };
    return { type, metadata, authenticationRef };
  });
  return {
    minReplicaCount,
    maxReplicaCount,
    pollingInterval: options.pollingInterval === undefined ? 30 : checkSeconds(scope, `${field}.pollingInterval`, options.pollingInterval, 1, 3600),
    cooldownPeriod: options.cooldownPeriod === undefined ? 300 : checkSeconds(scope, `${field}.cooldownPeriod`, options.cooldownPeriod, 1, 86400),
    triggers,
  };
}
