/**
 * Whether containers get a CPU limit. Limits make CPU use predictable and pass kube-score and
 * Polaris; many platforms turn them off to avoid CFS throttling of latency-sensitive services.
 */
export class CpuLimits {
  /** Every container has a CPU limit (from its resource preset). */
  public static readonly ENABLED = new CpuLimits(undefined);

  /**
   * No CPU limits. The reason is kept on each Deployment as the acknowledgement of the
   * `cpu-limit` guardrail rule, so reviewers and the linters' users see why.
   * @param reason why the platform runs without CPU limits
   */
  public static disabled(reason: string): CpuLimits {
    return new CpuLimits(reason);
  }

  private constructor(
    /** The written reason when limits are disabled. */
    public readonly disabledReason: string | undefined,
  ) {}

  /** Whether containers get a CPU limit. */
  public get enabled(): boolean {
    return this.disabledReason === undefined;
  }
}
