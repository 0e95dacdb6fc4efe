/** Options of a read grant. */
export interface GrantOptions {
  /**
   * Only these objects, by name.
   * @default - every object of the kind in the namespace (refused for Secrets unless acknowledged)
   */
  readonly names?: string[];
  /**
   * Also allow watching (and, without names, listing), as informers and controllers need.
   * @default false
   */
  readonly watch?: boolean;
  /**
   * The written reason for a grant that the guardrails refuse otherwise: every Secret of the
   * namespace, `pods/exec` or `pods/attach`. It is kept on the Role as an acknowledgement.
   * @default - no acknowledgement: such grants are refused
   */
  readonly acknowledgement?: string;
}
