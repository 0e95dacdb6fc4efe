import { Testing } from 'cdk8s';
import { Construct } from 'constructs';
import { checkPinnedImage, parseImage, versionLabelOf } from '../../src/conventions/image';
import { isLabelValue } from '../../src/private/checks';

const SHA = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const INVALID_FIX = "use the form '[registry/]repository:tag' or '[registry/]repository@sha256:<digest>', in lower case, without spaces";
const VERSION_FIX = "set the `version` prop to a label value (at most 63 letters, digits, '-', '_' or '.')";

function webScope(): Construct {
  const chart = Testing.chart();
  return new Construct(chart, 'web');
}

describe('parseImage', () => {
  test.each([
    ['nginx:1.27.3', { repository: 'nginx', tag: '1.27.3' }],
    ['ghcr.io/acme/storefront:2.0.1', { repository: 'ghcr.io/acme/storefront', tag: '2.0.1' }],
    ['docker.io/library/nginx:1.27', { repository: 'docker.io/library/nginx', tag: '1.27' }],
    ['localhost:5000/web:1.0', { repository: 'localhost:5000/web', tag: '1.0' }],
    ['registry.example.com:8443/team/app:v2', { repository: 'registry.example.com:8443/team/app', tag: 'v2' }],
    ['Registry.Example.com/app:1', { repository: 'Registry.Example.com/app', tag: '1' }],
    ['my_app:1', { repository: 'my_app', tag: '1' }],
    ['my__app:1', { repository: 'my__app', tag: '1' }],
    ['my---app.v2:1', { repository: 'my---app.v2', tag: '1' }],
    ['nginx:_build.1-RC', { repository: 'nginx', tag: '_build.1-RC' }],
    ['nginx', { repository: 'nginx' }],
    ['localhost:5000/web', { repository: 'localhost:5000/web' }],
    [`nginx@sha256:${SHA}`, { repository: 'nginx', digest: `sha256:${SHA}` }],
    [`nginx:1.27@sha256:${SHA}`, { repository: 'nginx', tag: '1.27', digest: `sha256:${SHA}` }],
    [`localhost:5000/web@sha256:${SHA}`, { repository: 'localhost:5000/web', digest: `sha256:${SHA}` }],
  ])('splits %p', (image, expected) => {
    // GIVEN / WHEN
    const ref = parseImage(image);
    // THEN
    expect(ref).toEqual({ tag: undefined, digest: undefined, ...expected });
  });

  test('accepts a tag of 128 characters and refuses 129', () => {
    // GIVEN
    const at128 = `nginx:${'a'.repeat(128)}`;
    const at129 = `nginx:${'a'.repeat(129)}`;
    // WHEN / THEN
    expect(parseImage(at128)?.tag).toBe('a'.repeat(128));
    expect(parseImage(at129)).toBeUndefined();
  });

  test.each([
    ['an empty string', ''],
    ['an upper-case repository', 'Nginx:1.27.3'],
    ['an upper-case path under a registry', 'ghcr.io/Acme/web:1.0.0'],
    ['an empty tag', 'nginx:'],
    ['a tag starting with a hyphen', 'nginx:-1'],
    ['a tag starting with a dot', 'nginx:.1'],
    ['two colons', 'nginx::1'],
    ['a scheme', 'https://ghcr.io/acme/web:1.0'],
    ['a leading space', ' nginx:1.27.3'],
    ['a trailing space', 'nginx:1.27.3 '],
    ['a space in the tag', 'nginx:1 27'],
    ['a leading slash', '/nginx:1'],
    ['an empty path component', 'ghcr.io//web:1'],
    ['a trailing slash', 'nginx/:1'],
    ['three underscores', 'my___app:1'],
    ['two dots', 'my..app:1'],
    ['a separator at the end', 'app-:1'],
    ['unicode', 'ngïnx:1.0'],
    ['a short digest', 'nginx@sha256:abc123'],
    ['a digest that is not hex', `nginx@sha256:${'g'.repeat(64)}`],
    ['a digest without algorithm', `nginx@${SHA}`],
    ['an empty digest', 'nginx@'],
  ])('refuses %s', (_, image) => {
    // GIVEN / WHEN / THEN
    expect(parseImage(image)).toBeUndefined();
  });
});

describe('checkPinnedImage', () => {
  test.each([
    ['a version tag', 'ghcr.io/acme/web:1.0.0'],
    ['a registry with a port', 'registry.example.com:8443/team/app:v2'],
    ['localhost with a port', 'localhost:5000/web:1.0'],
    ['a digest only', `nginx@sha256:${SHA}`],
    ['a tag and a digest', `nginx:1.27@sha256:${SHA}`],
    ['latest with a digest, which the digest pins', `nginx:latest@sha256:${SHA}`],
    ['LATEST in capitals, a different tag to the registry', 'nginx:LATEST'],
  ])('accepts %s', (_, image) => {
    // GIVEN
    const scope = webScope();
    // WHEN
    const ref = checkPinnedImage(scope, 'image', image);
    // THEN
    expect(ref).toEqual(parseImage(image));
  });

  test.each([
    ['nginx:latest', 'nginx'],
    ['nginx', 'nginx'],
    ['ghcr.io/acme/web', 'ghcr.io/acme/web'],
    ['ghcr.io/acme/web:latest', 'ghcr.io/acme/web'],
    ['localhost:5000/web', 'localhost:5000/web'],
    ['localhost:5000/web:latest', 'localhost:5000/web'],
  ])('refuses the floating %p, suggesting a pin on its repository', (image, repo) => {
    // GIVEN
    const scope = webScope();
    // WHEN / THEN
    expect(() => checkPinnedImage(scope, 'image', image)).toThrow(new Error(
      `[test/web] image: the image must be pinned to a tag or digest, got '${image}'; use an immutable tag such as '${repo}:1.27.3' or a digest '${repo}@sha256:…'`,
    ));
  });

  test('uses the field it is given', () => {
    // GIVEN
    const scope = webScope();
    // WHEN / THEN
    expect(() => checkPinnedImage(scope, 'canary.image', 'nginx:latest')).toThrow(new Error(
      "[test/web] canary.image: the image must be pinned to a tag or digest, got 'nginx:latest'; use an immutable tag such as 'nginx:1.27.3' or a digest 'nginx@sha256:…'",
    ));
  });

  test.each([
    ['Nginx:1.27.3'],
    ['ghcr.io/Acme/web:1.0.0'],
    ['nginx:1.27.3 '],
    ['https://ghcr.io/acme/web:1.0'],
    ['ngïnx:1.0'],
    ['nginx@sha256:abc123'],
  ])('refuses the invalid reference %p', (image) => {
    // GIVEN
    const scope = webScope();
    // WHEN / THEN
    expect(() => checkPinnedImage(scope, 'image', image))
      .toThrow(new Error(`[test/web] image: is not a valid image reference, got '${image}'; ${INVALID_FIX}`));
  });

  test('cuts a very long invalid reference in the message', () => {
    // GIVEN
    const scope = webScope();
    const image = `${'X'.repeat(300)}:1`;
    // WHEN / THEN
    expect(() => checkPinnedImage(scope, 'image', image))
      .toThrow(new Error(`[test/web] image: is not a valid image reference, got '${'X'.repeat(78)}…; ${INVALID_FIX}`));
  });

  test.each([
    ['', "''"],
    ['   ', "'   '"],
    [undefined, 'undefined'],
    [null, 'null'],
    [42, '42'],
    [{ repository: 'nginx', tag: '1' }, '{"repository":"nginx","tag":"1"}'],
  ])('requires an image, refusing %p', (image, shown) => {
    // GIVEN
    const scope = webScope();
    // WHEN / THEN
    expect(() => checkPinnedImage(scope, 'image', image))
      .toThrow(new Error(`[test/web] image: an image is required, got ${shown}; set it to a pinned image such as 'ghcr.io/acme/app:1.0.0'`));
  });
});

describe('versionLabelOf', () => {
  test('is the tag', () => {
    // GIVEN
    const scope = webScope();
    // WHEN
    const version = versionLabelOf(scope, 'image', { repository: 'nginx', tag: '1.27.3' });
    // THEN
    expect(version).toBe('1.27.3');
  });

  test('is the tag when there is a digest too', () => {
    // GIVEN
    const scope = webScope();
    const ref = checkPinnedImage(scope, 'image', `nginx:1.27@sha256:${SHA}`);
    // WHEN
    const version = versionLabelOf(scope, 'image', ref);
    // THEN
    expect(version).toBe('1.27');
  });

  test('is the algorithm and the first 12 hex digits for a digest-only image', () => {
    // GIVEN
    const scope = webScope();
    const ref = checkPinnedImage(scope, 'image', `nginx@sha256:${SHA}`);
    // WHEN
    const version = versionLabelOf(scope, 'image', ref);
    // THEN
    expect(version).toBe('sha256-e3b0c44298fc');
    expect(isLabelValue(version)).toBe(true);
  });

  test('accepts a tag of 63 characters', () => {
    // GIVEN
    const scope = webScope();
    const tag = 'v'.repeat(63);
    // WHEN / THEN
    expect(versionLabelOf(scope, 'image', { repository: 'nginx', tag })).toBe(tag);
  });

  test.each([
    ['64 characters', 'v'.repeat(64)],
    ['a leading underscore', '_build'],
    ['a trailing dot', 'v1.'],
    ['a trailing hyphen', 'v1-'],
  ])('refuses a tag with %s', (_, tag) => {
    // GIVEN
    const scope = webScope();
    const ref = checkPinnedImage(scope, 'image', `nginx:${tag}`);
    // WHEN / THEN
    expect(() => versionLabelOf(scope, 'image', ref))
      .toThrow(new Error(`[test/web] image: the image tag cannot be used as the app.kubernetes.io/version label, got '${tag}'; ${VERSION_FIX}`));
  });

  // Known issue (see report): the digest-derived label is not checked; an algorithm with '+' gives an invalid label.
  test('gives a valid label value for any digest the parser accepts', () => {
    // GIVEN
    const scope = webScope();
    const ref = checkPinnedImage(scope, 'image', `nginx@sha256+b64u:${SHA}`);
    // WHEN
    const version = versionLabelOf(scope, 'image', ref);
    // THEN
    expect(isLabelValue(version)).toBe(true);
    expect(version).toBe(`sha256-b64u-${SHA.slice(0, 12)}`);
  });

  test('refuses a reference with neither tag nor digest, naming the version prop', () => {
    const scope = webScope();
    expect(() => versionLabelOf(scope, 'image', { repository: 'nginx' })).toThrow(new Error(
      "[test/web] image: has neither a tag nor a digest to take the version label from, got 'nginx'; set the `version` prop"));
  });
});
