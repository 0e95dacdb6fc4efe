import { Duration } from 'cdk8s';
import * as k8s from 'cdk8s-plus-30/lib/imports/k8s';
import { IConstruct } from 'constructs';
import { checkOptions, checkSeconds } from '../private/checks';
import { fail } from '../private/errors';

/** How a pod stops: long enough for endpoints to drain and in-flight requests to finish. */
export interface ShutdownOptions {
  /**
   * The pause in a preStop hook before the container gets SIGTERM, so that Services, ingress
   * controllers and load balancers stop sending traffic to a pod that is going away. It uses the
   * `sleep` action, which needs no shell or binary in the image.
   * @default Duration.seconds(5)
   */
  readonly preStopDelay?: Duration;
  /**
   * The time from the start of the shutdown to SIGKILL; includes the preStop delay.
   * @default Duration.seconds(30)
   */
  readonly terminationGracePeriod?: Duration;
}

/** The resolved shutdown settings of a pod. */
export interface Shutdown {
  readonly preStopSeconds: number;
  readonly terminationGracePeriodSeconds: number;
  readonly lifecycle: k8s.Lifecycle;
}

/** The shutdown opinion, with the caller's overrides checked. */
export function resolveShutdown(scope: IConstruct, given?: ShutdownOptions): Shutdown {
  const options = checkOptions(scope, 'shutdown', given);
  const preStopSeconds = options.preStopDelay === undefined ? 5 : checkSeconds(scope, 'shutdown.preStopDelay', options.preStopDelay, 1, 300);
  const terminationGracePeriodSeconds = options.terminationGracePeriod === undefined ? 30
    : checkSeconds(scope, 'shutdown.terminationGracePeriod', options.terminationGracePeriod, 1, 3600);
  if (terminationGracePeriodSeconds <= preStopSeconds) {
    fail(scope, 'shutdown.terminationGracePeriod', `must be longer than the preStop delay (${preStopSeconds}s), or the container is killed before it gets SIGTERM`,
      `${terminationGracePeriodSeconds}s`, `set it to at least ${preStopSeconds + 10}s`);
  }
  return {
    preStopSeconds,
    terminationGracePeriodSeconds,
    lifecycle: { preStop: { sleep: { seconds: preStopSeconds } } },
  };
}
