import { Testing } from 'cdk8s';
import { Construct } from 'constructs';
import { checkCanaryHeader, refuseUnknown } from '../../src/canary/traffic-routing';

function releaseScope(): Construct {
  return new Construct(Testing.chart(), 'storefront');
}

describe('checkCanaryHeader', () => {
  test('no header is none; a valid header is kept as given', () => {
    // GIVEN
    const header = { name: 'x-canary', value: 'always' };
    // WHEN / THEN
    expect(checkCanaryHeader(releaseScope(), undefined)).toBeUndefined();
    expect(checkCanaryHeader(releaseScope(), header)).toBe(header);
  });

  test.each<[string, unknown, string]>([
    ['a name with a space', { name: 'x canary', value: 'always' },
      "[test/storefront] strategy.canaryHeader.name: must be an HTTP header name, got 'x canary'; use a header such as 'x-canary'"],
    ['a value on two lines', { name: 'x-canary', value: 'a\nb' },
      "[test/storefront] strategy.canaryHeader.value: must be a non-empty header value on one line, got 'a\\nb'; use a value such as 'always'"],
    ['a string', 'x-canary',
      "[test/storefront] strategy.canaryHeader.name: must be an HTTP header name, got 'x-canary'; use a header such as 'x-canary'"],
  ])('refuses %s, at the release', (_name, header, message) => {
    expect(() => checkCanaryHeader(releaseScope(), header)).toThrow(new Error(message));
  });
});

describe('refuseUnknown', () => {
  test('accepts known options and refuses a misspelt one, naming the known ones', () => {
    // GIVEN
    const scope = releaseScope();
    // WHEN / THEN
    expect(() => refuseUnknown(scope, 'strategy', { canaryHeader: undefined }, ['canaryHeader'])).not.toThrow();
    expect(() => refuseUnknown(scope, 'strategy', { canaryheader: {} }, ['canaryHeader'])).toThrow(new Error(
      "[test/storefront] strategy.canaryheader: is not an option of this strategy, got 'canaryheader'; use one of canaryHeader"));
  });
});
