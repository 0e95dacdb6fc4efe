import { kindOf, objectAt } from '../manifest';
import { Rule } from '../rule';
import { matchesLabelSelector } from '../selector';

const SELECTOR_KINDS: ReadonlySet<string> = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet']);

/** A workload's selector matches its own pod template's labels. */
export const selectorMatch: Rule = {
  id: 'selector-match',
  severity: 'error',
  why: 'A selector that does not match the template\'s labels is rejected by the API server, or (when too broad) adopts pods of other workloads.',
  fix: 'Make spec.selector.matchLabels a subset of spec.template.metadata.labels, using only labels that never change.',
  check: (object, context) => {
    const spec = objectAt(object.spec);
    const applies = SELECTOR_KINDS.has(kindOf(object)) || (kindOf(object) === 'Job' && spec.manualSelector === true);
    const template = context.podTemplateOf(object);
    if (!applies || !template) {
      return [];
    }
    if (spec.selector === undefined || spec.selector === null) {
      return ['spec.selector is unset'];
    }
    return matchesLabelSelector(spec.selector, template.labels)
      ? []
      : [`spec.selector ${JSON.stringify(spec.selector)} does not match the pod template labels`];
  },
};
