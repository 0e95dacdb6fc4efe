import { Manifest, objectAt } from './manifest';
import { ACKNOWLEDGEMENT_PREFIX } from '../conventions/acknowledgements';

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
