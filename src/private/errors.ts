import { IConstruct } from 'constructs';

const MAX_VALUE_LENGTH = 80;

/**
 * Renders a value the way error messages show it: strings in single quotes, long values cut,
 * everything else as JSON. Never throws, whatever a JavaScript caller passed.
 */
export function formatValue(value: unknown): string {
  let text: string;
  if (typeof value === 'string') {
    text = `'${value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')}'`;
  } else if (value === undefined) {
    text = 'undefined';
  } else if (typeof value === 'number' || typeof value === 'boolean' || value === null) {
    text = String(value);
  } else if (typeof value === 'bigint') {
    text = `${value}n`;
  } else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = Object.prototype.toString.call(value);
    }
  }
  // One line, whatever the value holds: other control characters and the Unicode line and
  // paragraph separators (a terminal or a log may break a line at them; JSON leaves them be) are
  // written as escapes.
  text = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  // Cut by code points, so an emoji is never split in half.
  const chars = Array.from(text);
  return chars.length > MAX_VALUE_LENGTH ? `${chars.slice(0, MAX_VALUE_LENGTH - 1).join('')}…` : text;
}

/**
 * The one shape of every error this library raises about user input:
 * `<field>: <problem>, got <value>; <fix>`, to be prefixed with the construct path.
 */
export function problem(field: string, what: string, got: unknown, fix: string): string {
  return `${field}: ${what}, got ${formatValue(got)}; ${fix}`;
}

/**
 * Throws the library's error for a bad input at the construct that is wrong:
 * `[<construct path>] <field>: <problem>, got <value>; <fix>`.
 */
export function fail(scope: IConstruct, field: string, what: string, got: unknown, fix: string): never {
  // A JavaScript caller may pass something that is no construct as the scope.
  // The App itself has the empty path.
  const path = typeof scope?.node?.path !== 'string' ? '<no construct>' : scope.node.path === '' ? '<app>' : scope.node.path;
  throw new Error(`[${path}] ${problem(field, what, got, fix)}`);
}
