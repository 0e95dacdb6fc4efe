import { brand, isBranded } from '../private/brand';

/** What happens when a job's container fails: the pod's `restartPolicy`. */
export class JobRestartPolicy {
  /**
   * A new pod for every attempt: each failed pod and its logs stay for inspection (until the
   * Job's TTL), and `backoffLimit` counts the pods.
   */
  public static readonly NEVER = new JobRestartPolicy('Never');
  /** The container restarts in the same pod: faster retries, but only the last attempt's logs stay. */
  public static readonly ON_FAILURE = new JobRestartPolicy('OnFailure');

  /** Whether `x` is a JobRestartPolicy, from any installed copy of this library. */
  public static isJobRestartPolicy(x: any): x is JobRestartPolicy {
    return isBranded(x, 'JobRestartPolicy');
  }

  private constructor(
    /** The pod's `restartPolicy`. */
    public readonly value: string,
  ) {
    brand(this, 'JobRestartPolicy');
  }
}
