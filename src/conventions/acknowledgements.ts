/**
 * The annotation prefix that acknowledges a guardrail rule on one object:
 * `ack.cdk8s-golden.io/<rule-id>: <written reason>`.
 */
export const ACKNOWLEDGEMENT_PREFIX = 'ack.cdk8s-golden.io/';

/**
 * The annotation key that acknowledges a rule on an object, e.g. `ack.cdk8s-golden.io/replicas`
 * for `RuleId.REPLICAS`.
 */
export function acknowledgementKey(ruleId: string): string {
  return `${ACKNOWLEDGEMENT_PREFIX}${ruleId}`;
}
