import { RuleId } from '../../conventions/rule-ids';
import { isPlainObject } from '../manifest';
import { isLongRunning, servingContainers } from '../pod-template';
import { Rule, scopedRule } from '../rule';

/** Containers of long-running workloads have a liveness probe. */
export const livenessProbe: Rule = scopedRule({
  id: RuleId.LIVENESS_PROBE,
  severity: 'warning',
  why: 'Without a liveness probe a deadlocked container keeps running and is never restarted.',
  fix: 'Add a livenessProbe to every container, on a different check than the readiness probe.',
  appliesTo: { podTemplate: true },
  check: (_object, _context, template) => {
    if (!isLongRunning(template)) {
      return [];
    }
    return servingContainers(template)
      .filter((ref) => !isPlainObject(ref.container.livenessProbe))
      .map((ref) => `${ref.label}: has no livenessProbe`);
  },
});
