import { IConstruct } from 'constructs';
import { isLabelValue } from '../private/checks';
import { fail } from '../private/errors';

/** The parts of a container image reference. */
export interface ImageReference {
  /** Registry and path, e.g. `ghcr.io/acme/storefront`. */
  readonly repository: string;
  /** The tag, when the reference has one. */
  readonly tag?: string;
  /** The digest (`sha256:…`), when the reference has one. */
  readonly digest?: string;
}

// Grammar of github.com/distribution/reference, simplified to what a pull accepts.
const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const DOMAIN = '(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?/)';
const REFERENCE = new RegExp(
  `^(${DOMAIN}?${COMPONENT}(?:/${COMPONENT})*)(?::([A-Za-z0-9_][A-Za-z0-9_.-]{0,127}))?(?:@([A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}))?$`,
);

/** Splits an image reference; undefined when it is not one. */
export function parseImage(image: string): ImageReference | undefined {
  const match = REFERENCE.exec(image);
  if (!match) {
    return undefined;
  }
  return { repository: match[1], tag: match[2], digest: match[3] };
}

const PIN_FIX = (image: string) => {
  const repo = image.split('@')[0].replace(/:[^/:]*$/, '');
  return `use an immutable tag such as '${repo || 'nginx'}:1.27.3' or a digest '${repo || 'nginx'}@sha256:…'`;
};

/**
 * The image opinion: a valid reference pinned to a tag other than `latest`, or to a digest.
 * Throws at `scope` otherwise.
 */
export function checkPinnedImage(scope: IConstruct, field: string, image: unknown): ImageReference {
  if (typeof image !== 'string' || image.trim().length === 0) {
    fail(scope, field, 'an image is required', image, "set it to a pinned image such as 'ghcr.io/acme/app:1.0.0'");
  }
  const ref = parseImage(image);
  if (!ref) {
    fail(scope, field, 'is not a valid image reference', image, "use the form '[registry/]repository:tag' or '[registry/]repository@sha256:<digest>', in lower case, without spaces");
  }
  if (ref.digest === undefined && (ref.tag === undefined || ref.tag === 'latest')) {
    fail(scope, field, 'the image must be pinned to a tag or digest', image, PIN_FIX(image));
  }
  return ref;
}

/**
 * The `app.kubernetes.io/version` label of an image: its tag, or for a digest-only reference
 * `<algorithm>-<first 12 hex digits>`. Throws when the tag cannot be a label value.
 */
export function versionLabelOf(scope: IConstruct, field: string, ref: ImageReference): string {
  if (ref.tag !== undefined) {
    if (!isLabelValue(ref.tag)) {
      fail(scope, field, 'the image tag cannot be used as the app.kubernetes.io/version label', ref.tag, "set the `version` prop to a label value (at most 63 letters, digits, '-', '_' or '.')");
    }
    return ref.tag;
  }
  const [algorithm, hex] = (ref.digest ?? '').split(':');
  if (hex === undefined) {
    fail(scope, field, 'has neither a tag nor a digest to take the version label from', ref.repository, 'set the `version` prop');
  }
  return `${algorithm.replace(/[^A-Za-z0-9]+/g, '-')}-${hex.slice(0, 12)}`;
}
