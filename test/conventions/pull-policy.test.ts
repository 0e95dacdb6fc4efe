import { IMAGE_PULL_POLICY } from '../../src/conventions/pull-policy';

describe('IMAGE_PULL_POLICY', () => {
  test('pulls on every start, as kube-score and Polaris expect', () => {
    // GIVEN / WHEN / THEN
    expect(IMAGE_PULL_POLICY).toBe('Always');
  });
});
