import { groupOf, kindOf, quote } from '../manifest';
import { Rule } from '../rule';

/** Kinds whose pod template runs to completion under the Job controller. */
const JOB_KINDS: ReadonlySet<string> = new Set(['Job', 'CronJob']);

/** A Job's or CronJob's pod template restarts OnFailure or Never. */
export const jobRestartPolicy: Rule = {
  id: 'job-restart-policy',
  severity: 'error',
  why: 'The API server refuses a Job whose pod template restarts Always, and an unset restartPolicy is defaulted to Always: the Job, or every run of the CronJob, is never created.',
  fix: 'Set restartPolicy: Never (a failed pod is replaced, up to backoffLimit) or OnFailure (the container restarts in place) in the pod template.',
  check: (object, context) => {
    if (!JOB_KINDS.has(kindOf(object)) || groupOf(object) !== 'batch') {
      return [];
    }
    const template = context.podTemplateOf(object);
    if (!template) {
      return [];
    }
    const policy = template.spec.restartPolicy;
    if (policy === 'OnFailure' || policy === 'Never') {
      return [];
    }
    return policy === undefined || policy === null
      ? ['restartPolicy is unset, which Kubernetes defaults to \'Always\'; a Job needs \'OnFailure\' or \'Never\'']
      : [`restartPolicy is ${quote(policy)}; a Job needs 'OnFailure' or 'Never'`];
  },
};
