import { effectiveSecurityField, isWindowsPod } from '../pod-template';
import { Rule } from '../rule';

/** The lowest UID and GID that cannot collide with a user of the node. */
export const MIN_RUN_AS_ID = 10000;

/** Every container runs with a high, explicit UID and GID. */
export const runAsUser: Rule = {
  id: 'run-as-user',
  severity: 'warning',
  why: 'A UID or GID below 10000 (or the image\'s default) may match a privileged user of the node if the container escapes.',
  fix: 'Set runAsUser and runAsGroup to 10000 or more (this library uses 10001) on the pod securityContext.',
  check: (object, context) => {
    const template = context.podTemplateOf(object);
    if (!template || isWindowsPod(template)) {
      return [];
    }
    const messages: string[] = [];
    for (const ref of template.containers) {
      for (const field of ['runAsUser', 'runAsGroup']) {
        const value = effectiveSecurityField(template, ref, field);
        if (typeof value !== 'number') {
          messages.push(`${ref.label}: ${field} is unset on the container and on the pod, expected ${MIN_RUN_AS_ID} or more`);
        } else if (value < MIN_RUN_AS_ID) {
          messages.push(`${ref.label}: effective ${field} is ${value}, expected ${MIN_RUN_AS_ID} or more`);
        }
      }
    }
    return messages;
  },
};
