import { Manifest, objectAt } from './manifest';

/**
 * The annotation prefix that acknowledges a rule on one object:
 * `ack.cdk8s-golden.io/<rule-id>: <written reason>`.
 */
export const ACKNOWLEDGEMENT_PREFIX = 'ack.cdk8s-golden.io/';

/** The acknowledgements of an object: rule id → reason (possibly blank). */
export function acknowledgementsOf(object: Manifest): Map<string, string> {
  const acks = new Map<string, string>();
  for (const [key, value] of Object.entries(objectAt(objectAt(object.metadata).annotations))) {
    if (key.startsWith(ACKNOWLEDGEMENT_PREFIX)) {
      acks.set(key.slice(ACKNOWLEDGEMENT_PREFIX.length), typeof value === 'string' ? value : '');
    }
  }
  return acks;
}

/** A written reason: not blank. */
export function isWrittenReason(reason: string): boolean {
  return reason.trim().length > 0;
}
