import { RuleId } from '../../conventions/rule-ids';
import { objectAt, quote } from '../manifest';
import { labelKeyProblem, labelValueProblem } from '../names';
import { Rule } from '../rule';

/** Every label key and value (of the object and of its pod template) is one Kubernetes accepts. */
export const labelValues: Rule = {
  id: RuleId.LABEL_VALUES,
  severity: 'error',
  why: 'The API server rejects the whole object when one label key or value is invalid, which fails the apply in the middle of a release.',
  fix: 'Use label values of at most 63 alphanumerics, \'-\', \'_\' or \'.\', starting and ending with an alphanumeric, quoted as strings in YAML.',
  check: (object, context) => {
    const places: Array<[string, unknown]> = [['metadata.labels', objectAt(object.metadata).labels]];
    const template = context.podTemplateOf(object);
    if (template && template.metadata !== object.metadata) {
      places.push(['pod template labels', template.metadata.labels]);
    }
    const messages: string[] = [];
    for (const [place, labels] of places) {
      for (const [key, value] of Object.entries(objectAt(labels))) {
        const keyProblem = labelKeyProblem(key);
        if (keyProblem) {
          messages.push(`${place}: key ${quote(key)} ${keyProblem}`);
        }
        const valueProblem = labelValueProblem(value);
        if (valueProblem) {
          messages.push(`${place}: value ${quote(value)} of ${key} ${valueProblem}`);
        }
      }
    }
    return messages;
  },
};
