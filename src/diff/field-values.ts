import { isPlainObject, textOf } from '../guardrails/manifest';

/** Values longer than this are cut in findings (a whole volumeClaimTemplates list can be kilobytes). */
const MAX_VALUE_LENGTH = 300;

/** A normalized value as text: strings quoted unless `bare`, anything else as JSON, cut at MAX_VALUE_LENGTH. */
function text(value: unknown, bare: boolean): string {
  const full = typeof value === 'string' ? (bare ? value : `'${value}'`) : textOf(value);
  const chars = Array.from(full);
  return chars.length > MAX_VALUE_LENGTH ? `${chars.slice(0, MAX_VALUE_LENGTH - 1).join('')}…` : full;
}

/**
 * A value as the API server compares it (apimachinery's semantic equality): null fields, empty
 * lists and empty maps are the same as absent ones; map keys in any order. Returns undefined for
 * an absent value.
 */
export function normalized(value: unknown, depth = 0): unknown {
  if (value === null || value === undefined || depth > 200) {
    return undefined;
  }
  if (Array.isArray(value)) {
    const items = value.map((v) => normalized(v, depth + 1) ?? null);
    return items.length === 0 ? undefined : items;
  }
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = normalized(value[key], depth + 1);
      if (v !== undefined) {
        out[key] = v;
      }
    }
    return Object.keys(out).length === 0 ? undefined : out;
  }
  return value;
}

/** Whether two values are the same to the API server (see `normalized`). */
export function sameValue(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

/** The canonical text of a value: '' when absent, else JSON of its normalized form. */
export function canonical(value: unknown): string {
  const n = normalized(value);
  return n === undefined ? '' : textOf(n);
}

/** A value for a finding's old or new value: '' when absent, strings as they are, else JSON, cut. */
export function valueText(value: unknown): string {
  const n = normalized(value);
  return n === undefined ? '' : text(n, true);
}

/** A value for a message: `(unset)` when absent, strings in single quotes, anything else as JSON. */
export function shown(value: unknown): string {
  const n = normalized(value);
  return n === undefined ? '(unset)' : text(n, false);
}
