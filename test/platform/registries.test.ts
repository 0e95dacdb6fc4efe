import { Testing } from 'cdk8s';
import { Construct } from 'constructs';
import { checkAllowedRegistry } from '../../src/platform/registries';

const LIST_FIX = "use prefixes such as ['ghcr.io/acme', 'registry.acme.com']";
const IMAGE_FIX = 'push the image to an allowed registry, or ask the platform team to allow this one';

function webScope(): Construct {
  const chart = Testing.chart();
  return new Construct(chart, 'web');
}

function check(image: string, allowed: string[] | undefined): void {
  checkAllowedRegistry(webScope(), 'image', image, allowed);
}

describe('checkAllowedRegistry', () => {
  test('any registry is allowed without a list', () => {
    // GIVEN / WHEN / THEN
    expect(() => check('docker.io/library/nginx:1.25', undefined)).not.toThrow();
    expect(checkAllowedRegistry(webScope(), 'image', 'anything at all', undefined)).toBeUndefined();
  });

  test.each([
    ['ghcr.io/acme/web:1.0.0', ['ghcr.io/acme']],
    ['ghcr.io/acme/team/web@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef', ['ghcr.io/acme']],
    ['ghcr.io/acme/web:1.0.0', ['ghcr.io/acme/']],
    ['ghcr.io/acme/web:1.0.0', ['ghcr.io/acme//']],
    ['registry.acme.com/web:2', ['ghcr.io/acme', 'registry.acme.com']],
    ['registry.acme.com:5000/web:2', ['registry.acme.com:5000']],
    ['ghcr.io/acme', ['ghcr.io/acme']],
  ])('allows %p from %p', (image, allowed) => {
    // GIVEN / WHEN / THEN
    expect(() => check(image, allowed)).not.toThrow();
  });

  test.each([
    ['ghcr.io/acmecorp/web:1', ['ghcr.io/acme']],
    ['ghcr.io/acme-evil/web:1', ['ghcr.io/acme']],
    ['ghcr.io.evil.com/acme/web:1', ['ghcr.io']],
    ['evil.com/ghcr.io/acme/web:1', ['ghcr.io/acme']],
    ['registry.acme.com:5000/web:2', ['registry.acme.com']],
    ['nginx:1.25', ['docker.io/library']],
    ['GHCR.io/acme/web:1', ['ghcr.io/acme']],
    ['ghcr.io/acme:1.0.0', ['ghcr.io/acme']],
  ])('refuses %p from %p', (image, allowed) => {
    // GIVEN / WHEN / THEN
    expect(() => check(image, allowed)).toThrow(new Error(
      `[test/web] image: the image is not from an allowed registry (${allowed.join(', ')}), got '${image}'; ${IMAGE_FIX}`,
    ));
  });

  test('lists every allowed registry as given, trailing slashes included', () => {
    // GIVEN / WHEN / THEN
    expect(() => check('docker.io/nginx:1.25', ['ghcr.io/acme/', 'registry.acme.com'])).toThrow(new Error(
      `[test/web] image: the image is not from an allowed registry (ghcr.io/acme/, registry.acme.com), got 'docker.io/nginx:1.25'; ${IMAGE_FIX}`,
    ));
  });

  test('an empty list is refused: it would allow nothing', () => {
    // GIVEN / WHEN / THEN
    expect(() => check('ghcr.io/acme/web:1', [])).toThrow(new Error(
      "[test/web] allowedRegistries: must be a non-empty list of registry prefixes without spaces, got []; use prefixes such as ['ghcr.io/acme', 'registry.acme.com']",
    ));
  });

  test('an entry with spaces is refused: it would never match', () => {
    expect(() => check('ghcr.io/acme/web:1', [' ghcr.io/acme'])).toThrow(new Error(
      "[test/web] allowedRegistries: must be a non-empty list of registry prefixes without spaces, got [\" ghcr.io/acme\"]; use prefixes such as ['ghcr.io/acme', 'registry.acme.com']",
    ));
  });

  test('uses the field it is given for the image', () => {
    // GIVEN / WHEN / THEN
    expect(() => checkAllowedRegistry(webScope(), 'sidecars[0].image', 'docker.io/envoy:1', ['ghcr.io/acme'])).toThrow(new Error(
      `[test/web] sidecars[0].image: the image is not from an allowed registry (ghcr.io/acme), got 'docker.io/envoy:1'; ${IMAGE_FIX}`,
    ));
  });

  test.each([
    ['ghcr.io/acme', "'ghcr.io/acme'"],
    [null, 'null'],
    [42, '42'],
    [{ ghcr: true }, '{"ghcr":true}'],
    [['ghcr.io/acme', ''], '["ghcr.io/acme",""]'],
    [['  '], '["  "]'],
    [['ghcr.io/acme', 42], '["ghcr.io/acme",42]'],
    [[null], '[null]'],
  ])('refuses the list %p', (allowed, shown) => {
    // GIVEN / WHEN / THEN
    expect(() => check('ghcr.io/acme/web:1', allowed as any)).toThrow(new Error(
      `[test/web] allowedRegistries: must be a non-empty list of registry prefixes without spaces, got ${shown}; ${LIST_FIX}`,
    ));
  });
});
