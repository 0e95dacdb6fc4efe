import { arrayAt, isPlainObject, objectAt, textOf } from './manifest';

/**
 * How many times a selector was compared with a set of labels (by `matchesLabelSelector` and
 * `matchesMapSelector`). Tests read it (and may reset it) to check that the guardrails stay linear
 * in the number of objects; nothing else depends on it.
 */
export const selectorEvaluations = { count: 0 };

/**
 * Whether a `LabelSelector` (matchLabels and matchExpressions) selects a set of labels.
 * An empty selector selects everything; a missing (null) selector selects nothing.
 */
export function matchesLabelSelector(selector: unknown, labels: Readonly<Record<string, string>>): boolean {
  selectorEvaluations.count++;
  if (!isPlainObject(selector)) {
    return false;
  }
  for (const [key, value] of Object.entries(objectAt(selector.matchLabels))) {
    if (labels[key] !== textOf(value)) {
      return false;
    }
  }
  for (const expression of arrayAt(selector.matchExpressions)) {
    if (!matchesExpression(objectAt(expression), labels)) {
      return false;
    }
  }
  return true;
}

/**
 * Whether a Service-style selector (a plain map of labels) selects a set of labels.
 * A missing or empty map selects nothing, as for a Service without selector.
 */
export function matchesMapSelector(selector: unknown, labels: Readonly<Record<string, string>>): boolean {
  selectorEvaluations.count++;
  const entries = Object.entries(objectAt(selector));
  return entries.length > 0 && entries.every(([key, value]) => labels[key] === textOf(value));
}

/** True when a LabelSelector has neither matchLabels nor matchExpressions: it selects every pod. */
export function isEmptyLabelSelector(selector: unknown): boolean {
  return isPlainObject(selector)
    && Object.keys(objectAt(selector.matchLabels)).length === 0
    && arrayAt(selector.matchExpressions).length === 0;
}

function matchesExpression(expression: Record<string, any>, labels: Readonly<Record<string, string>>): boolean {
  const key = textOf(expression.key);
  const values = arrayAt(expression.values).map(textOf);
  const present = Object.prototype.hasOwnProperty.call(labels, key);
  switch (expression.operator) {
    case 'In':
      return present && values.includes(labels[key]);
    case 'NotIn':
      return !present || !values.includes(labels[key]);
    case 'Exists':
      return present;
    case 'DoesNotExist':
      return !present;
    default:
      return false;
  }
}
