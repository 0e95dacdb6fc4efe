import { brand, isBranded } from '../private/brand';

/**
 * What a CronJob does when a run is due while the last one still runs. `Allow` (overlapping
 * runs) is not offered: it lets a slow job pile up pods without bound, past the namespace quota.
 */
export class ConcurrencyPolicy {
  /** Skip the new run: at most one run at a time, the last one finishes. */
  public static readonly FORBID = new ConcurrencyPolicy('Forbid', 1);
  /** Stop the running job and start the new run (the old pod terminates while the new one starts). */
  public static readonly REPLACE = new ConcurrencyPolicy('Replace', 2);

  /** Whether `x` is a ConcurrencyPolicy, from any installed copy of this library. */
  public static isConcurrencyPolicy(x: any): x is ConcurrencyPolicy {
    return isBranded(x, 'ConcurrencyPolicy');
  }

  private constructor(
    /** The CronJob's `concurrencyPolicy`. */
    public readonly value: string,
    /**
     * The most pods the CronJob runs at once, for the namespace quota.
     * @internal
     */
    public readonly _maxPods: number,
  ) {
    brand(this, 'ConcurrencyPolicy');
  }
}
