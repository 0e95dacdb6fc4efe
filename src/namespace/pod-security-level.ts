import { brand, isBranded } from '../private/brand';

/** A level of the Pod Security Standards, enforced by the API server's Pod Security admission. */
export class PodSecurityLevel {
  /** The hardened level: what every golden workload passes. */
  public static readonly RESTRICTED = new PodSecurityLevel('restricted', 2);
  /** Prevents known privilege escalations; allows root and most capabilities. */
  public static readonly BASELINE = new PodSecurityLevel('baseline', 1);
  /** No restrictions at all. */
  public static readonly PRIVILEGED = new PodSecurityLevel('privileged', 0);

  /** Whether `x` is a PodSecurityLevel, from any installed copy of this library. */
  public static isPodSecurityLevel(x: any): x is PodSecurityLevel {
    return isBranded(x, 'PodSecurityLevel');
  }

  private constructor(
    /** The level as the namespace label writes it. */
    public readonly value: string,
    /** Higher is stricter. */
    public readonly strictness: number,
  ) {
    brand(this, 'PodSecurityLevel');
  }
}
