import { Manifest, objectAt } from '../../guardrails/manifest';
import { DiffProblem, DiffRule } from '../diff-rule';
import { sameValue } from '../field-values';
import { pairsOf, refusedChange } from './problem';

/**
 * A pod template without what a suspended Job may change: labels, annotations, node selector,
 * node affinity, tolerations and scheduling gates.
 */
function withoutSchedulingDirectives(template: Manifest): Manifest {
  const metadata = { ...objectAt(template.metadata) };
  delete metadata.labels;
  delete metadata.annotations;
  const spec = { ...objectAt(template.spec) };
  delete spec.nodeSelector;
  delete spec.tolerations;
  delete spec.schedulingGates;
  if (spec.affinity !== undefined) {
    spec.affinity = { ...objectAt(spec.affinity) };
    delete spec.affinity.nodeAffinity;
  }
  return { ...template, metadata, spec };
}

/** A Job's pod template (or another field fixed at creation) changed: refused. */
export const immutableJob: DiffRule = {
  id: 'immutable-job',
  why: 'The API server refuses to change a Job\'s pod template (a new image, command or env: \'field is immutable\'), its completionMode, '
    + 'podFailurePolicy and backoffLimitPerIndex, and its completions unless it is Indexed: a Job re-applied with a new image fails the whole apply.',
  fix: 'Give the Job a new name for each version (e.g. with the version or a content hash in it), so that it is created anew and the old one pruned; '
    + 'or run it as a CronJob, whose jobTemplate may change.',
  source: '`ValidateJobSpecUpdate` and `validatePodTemplateUpdate` in pkg/apis/batch/validation/validation.go',
  check: (context) => {
    const problems: DiffProblem[] = [];
    for (const [o, n] of pairsOf(context, 'batch', ['Job'])) {
      const before = objectAt(o.spec);
      const after = objectAt(n.spec);
      // A Job that is suspended (and has not started: simplified, this is assumed) may change its scheduling directives.
      const suspended = before.suspend === true;
      const template = (spec: Manifest) => (suspended ? withoutSchedulingDirectives(objectAt(spec.template)) : spec.template);
      if (!sameValue(template(before), template(after))) {
        problems.push(refusedChange(n, 'spec.template', before.template, after.template,
          `the API server refuses to change the pod template of a Job${suspended ? ' (a suspended one may only change its labels, annotations and scheduling directives)' : ''}`));
      }
      const fields: Array<[string, unknown, unknown]> = [
        ['completionMode', before.completionMode ?? 'NonIndexed', after.completionMode ?? 'NonIndexed'],
        ['podFailurePolicy', before.podFailurePolicy, after.podFailurePolicy],
        ['backoffLimitPerIndex', before.backoffLimitPerIndex, after.backoffLimitPerIndex],
      ];
      if ((after.completionMode ?? 'NonIndexed') !== 'Indexed') {
        fields.push(['completions', before.completions, after.completions]);
      }
      for (const [field, a, b] of fields) {
        if (!sameValue(a, b)) {
          problems.push(refusedChange(n, `spec.${field}`, a, b, 'the API server refuses to change this field of a Job'));
        }
      }
    }
    return problems;
  },
};
