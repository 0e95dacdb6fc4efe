import { BoundedCache } from '../../src/private/bounded-cache';

describe('BoundedCache', () => {
  test('computes a key once while it is kept', () => {
    // GIVEN
    const cache = new BoundedCache<number>(10, 100);
    const compute = jest.fn((k: string) => k.length);
    // WHEN
    const values = [cache.get('abc', compute), cache.get('abc', compute), cache.get('de', compute)];
    // THEN
    expect(values).toEqual([3, 3, 2]);
    expect(compute).toHaveBeenCalledTimes(2);
    expect(cache.size).toBe(2);
  });

  test('keeps null and false values (a miss is undefined only)', () => {
    // GIVEN
    const cache = new BoundedCache<boolean | null>(10, 100);
    const compute = jest.fn((k: string) => (k === 'n' ? null : false));
    // WHEN
    cache.get('n', compute);
    cache.get('n', compute);
    cache.get('f', compute);
    cache.get('f', compute);
    // THEN
    expect(compute).toHaveBeenCalledTimes(2);
  });

  test('never holds more than its maximum: when full it starts over', () => {
    // GIVEN
    const cache = new BoundedCache<string>(100, 100);
    // WHEN
    const sizes: number[] = [];
    for (let i = 0; i < 1_000; i++) {
      cache.get(`key-${i}`, (k) => k);
      sizes.push(cache.size);
    }
    // THEN
    expect(Math.max(...sizes)).toBe(100);
    expect(cache.size).toBe(1_000 % 100 === 0 ? 100 : 1_000 % 100);
    expect(cache.get('key-999', () => 'recomputed')).toBe('key-999');
  });

  test('does not keep keys longer than its maximum key length', () => {
    // GIVEN
    const cache = new BoundedCache<number>(10, 5);
    const compute = jest.fn((k: string) => k.length);
    // WHEN
    cache.get('123456', compute);
    cache.get('123456', compute);
    // THEN
    expect(compute).toHaveBeenCalledTimes(2);
    expect(cache.size).toBe(0);
  });
});
