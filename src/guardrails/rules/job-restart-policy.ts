import { RuleId } from '../../conventions/rule-ids';
import { quote } from '../manifest';
import { Rule, scopedRule } from '../rule';

/** A Job's or CronJob's pod template restarts OnFailure or Never. */
export const jobRestartPolicy: Rule = scopedRule({
  id: RuleId.JOB_RESTART_POLICY,
  severity: 'error',
  why: 'The API server refuses a Job whose pod template restarts Always, and an unset restartPolicy is defaulted to Always: the Job, or every run of the CronJob, is never created.',
  fix: 'Set restartPolicy: Never (a failed pod is replaced, up to backoffLimit) or OnFailure (the container restarts in place) in the pod template.',
  appliesTo: { podTemplate: true, kinds: ['Job', 'CronJob'], group: 'batch' },
  check: (_object, _context, template) => {
    const policy = template.spec.restartPolicy;
    if (policy === 'OnFailure' || policy === 'Never') {
      return [];
    }
    return policy === undefined || policy === null
      ? ['restartPolicy is unset, which Kubernetes defaults to \'Always\'; a Job needs \'OnFailure\' or \'Never\'']
      : [`restartPolicy is ${quote(policy)}; a Job needs 'OnFailure' or 'Never'`];
  },
});
