import { brand, isBranded } from '../private/brand';

/**
 * How pods get their user and group IDs. Both presets are Pod Security `restricted`.
 */
export class SecurityPreset {
  /** Fixed non-root UID and GID of 10000 or more (10001 unless a workload sets another). */
  public static readonly RESTRICTED = new SecurityPreset('restricted', true);
  /**
   * No fixed UID, GID or fsGroup: the platform assigns them (OpenShift `restricted-v2` picks a
   * UID from the namespace's range; GKE Autopilot and others assign their own). Pods stay
   * non-root with every other restriction. kube-score's high-UID check is acknowledged on the
   * Deployment with this reason.
   */
  public static readonly PLATFORM_ASSIGNED = new SecurityPreset('platform-assigned', false);

  /** Whether `x` is a SecurityPreset, from any installed copy of this library. */
  public static isSecurityPreset(x: any): x is SecurityPreset {
    return isBranded(x, 'SecurityPreset');
  }

  private constructor(
    /** The preset's name. */
    public readonly name: string,
    /** Whether the pods get fixed user and group IDs. */
    public readonly fixedIds: boolean,
  ) {
    brand(this, 'SecurityPreset');
  }
}
