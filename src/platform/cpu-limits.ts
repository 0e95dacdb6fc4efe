import { IConstruct } from 'constructs';
import { brand, isBranded } from '../private/brand';
import { fail } from '../private/errors';

/**
 * Whether containers get a CPU limit. Limits make CPU use predictable and pass kube-score and
 * Polaris; many platforms turn them off to avoid CFS throttling of latency-sensitive services.
 */
export class CpuLimits {
  /** Every container has a CPU limit (from its resource preset). */
  public static readonly ENABLED = new CpuLimits(true, undefined);

  /** Whether `x` is a CpuLimits, from any installed copy of this library. */
  public static isCpuLimits(x: any): x is CpuLimits {
    return isBranded(x, 'CpuLimits');
  }

  /**
   * No CPU limits. The reason is kept on each Deployment as the acknowledgement of the
   * `cpu-limit` guardrail rule, so reviewers and the linters' users see why.
   * @param reason why the platform runs without CPU limits
   */
  public static disabled(reason: string): CpuLimits {
    return new CpuLimits(false, reason);
  }

  private constructor(
    /** Whether containers get a CPU limit (compared by value: another installed copy has its own ENABLED). */
    private readonly limited: boolean,
    /** The written reason when limits are disabled. */
    public readonly disabledReason: string | undefined,
  ) {
    brand(this, 'CpuLimits');
  }

  /** Whether containers get a CPU limit. */
  public get enabled(): boolean {
    return this.limited;
  }

  /**
   * Checks the setting where it is used: disabled limits need a written reason.
   * @internal
   */
  public _check(scope: IConstruct, field: string): CpuLimits {
    if (!this.limited && (typeof this.disabledReason !== 'string' || this.disabledReason.trim().length < 10)) {
      fail(scope, field, 'CPU limits are disabled without a written reason of at least 10 characters', this.disabledReason,
        "say why, as in CpuLimits.disabled('latency-sensitive services are throttled by CFS quotas')");
    }
    return this;
  }
}

/** The platform's CPU limits setting at a construct, checked there. */
export function checkCpuLimits(scope: IConstruct, value: unknown): CpuLimits {
  if (value === undefined) {
    return CpuLimits.ENABLED;
  }
  if (!CpuLimits.isCpuLimits(value)) {
    fail(scope, 'PlatformDefaults.cpuLimits', 'must be CpuLimits', value, "use CpuLimits.ENABLED or CpuLimits.disabled('why')");
  }
  return value._check(scope, 'PlatformDefaults.cpuLimits');
}
