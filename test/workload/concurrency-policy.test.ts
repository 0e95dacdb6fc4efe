import { ConcurrencyPolicy } from '../../src/workload/concurrency-policy';

describe('ConcurrencyPolicy', () => {
  test('Forbid runs one pod at a time, Replace two while the stopped run terminates; recognised by brand', () => {
    expect([ConcurrencyPolicy.FORBID.value, ConcurrencyPolicy.FORBID._maxPods]).toEqual(['Forbid', 1]);
    expect([ConcurrencyPolicy.REPLACE.value, ConcurrencyPolicy.REPLACE._maxPods]).toEqual(['Replace', 2]);
    expect(ConcurrencyPolicy.isConcurrencyPolicy(ConcurrencyPolicy.REPLACE)).toBe(true);
    expect(ConcurrencyPolicy.isConcurrencyPolicy('Forbid')).toBe(false);
  });
});
