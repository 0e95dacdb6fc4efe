/**
 * Marks an instance of one of the library's value classes so that any installed copy of the
 * library recognises it (as cdk8s does with `Chart.isChart`): two copies (a platform team's
 * profile package and the app, each with its own `node_modules/cdk8s-golden`) have two classes
 * of each name, and `instanceof` sees only its own. The key is a global symbol
 * (`Symbol.for('cdk8s-golden.<Class>')`), the property is not enumerable, so it never shows in
 * JSON, snapshots or error messages.
 */
export function brand(instance: object, className: string): void {
  Object.defineProperty(instance, Symbol.for(`cdk8s-golden.${className}`), { value: true });
}

/** Whether a value is an instance of the value class of this name, from any copy of the library. */
export function isBranded(value: unknown, className: string): boolean {
  return value !== null && typeof value === 'object' && (value as Record<symbol, unknown>)[Symbol.for(`cdk8s-golden.${className}`)] === true;
}
