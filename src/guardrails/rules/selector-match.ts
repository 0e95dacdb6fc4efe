import { RuleId } from '../../conventions/rule-ids';
import { kindOf, objectAt } from '../manifest';
import { Rule, scopedRule } from '../rule';
import { matchesLabelSelector } from '../selector';

/** A workload's selector matches its own pod template's labels. */
export const selectorMatch: Rule = scopedRule({
  id: RuleId.SELECTOR_MATCH,
  severity: 'error',
  why: 'A selector that does not match the template\'s labels is rejected by the API server, or (when too broad) adopts pods of other workloads.',
  fix: 'Make spec.selector.matchLabels a subset of spec.template.metadata.labels, using only labels that never change.',
  appliesTo: { podTemplate: true, kinds: ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job'] },
  check: (object, _context, template) => {
    const spec = objectAt(object.spec);
    // A Job chooses its own selector unless spec.manualSelector is true.
    const applies = kindOf(object) !== 'Job' || spec.manualSelector === true;
    if (!applies) {
      return [];
    }
    if (spec.selector === undefined || spec.selector === null) {
      return ['spec.selector is unset'];
    }
    return matchesLabelSelector(spec.selector, template.labels)
      ? []
      : [`spec.selector ${JSON.stringify(spec.selector)} does not match the pod template labels`];
  },
});
