import { compareQuantities, parseQuantity } from '../../src/diff/quantity';

describe('quantities', () => {
  const cmp = (a: string, b: string) => compareQuantities(parseQuantity(a)!, parseQuantity(b)!);

  test('binary, decimal and exponent suffixes compare exactly', () => {
    // WHEN / THEN
    expect(cmp('10Gi', '10240Mi')).toBe(0);
    expect(cmp('1G', '1Gi')).toBe(-1);
    expect(cmp('1.5Ti', '1536Gi')).toBe(0);
    expect(cmp('1e3', '1k')).toBe(0);
    expect(cmp('500m', '0.5')).toBe(0);
    expect(cmp('8Ei', '9223372036854775807')).toBe(1);
    expect(cmp('1Ei', '1152921504606846975')).toBe(1);
  });

  test('what is not a quantity is undefined', () => {
    // WHEN / THEN
    expect(parseQuantity('10 Gi')).toBeUndefined();
    expect(parseQuantity('Gi')).toBeUndefined();
    expect(parseQuantity({})).toBeUndefined();
    expect(parseQuantity(`${'9'.repeat(70)}`)).toBeUndefined();
    expect(parseQuantity(10)).toEqual({ numerator: 10n, denominator: 1n });
  });
});
