import { IConstruct } from 'constructs';
import { fail } from '../private/errors';

/** The list of allowed registries: non-empty prefixes without spaces. */
export function checkRegistryList(scope: IConstruct, allowed: unknown, field = 'allowedRegistries'): string[] {
  if (!Array.isArray(allowed) || allowed.length === 0 || allowed.some((r) => typeof r !== 'string' || r.trim().length === 0 || /\s/.test(r))) {
    fail(scope, field, 'must be a non-empty list of registry prefixes without spaces', allowed, "use prefixes such as ['ghcr.io/acme', 'registry.acme.com']");
  }
  return allowed as string[];
}

/**
 * Checks an image against the platform's allowed registries: the image must start with one of
 * them, at a path boundary (`ghcr.io/acme` allows `ghcr.io/acme/web:1` but not `ghcr.io/acmecorp/web:1`).
 */
export function checkAllowedRegistry(scope: IConstruct, field: string, image: string, allowed: string[] | undefined): void {
  if (allowed === undefined) {
    return;
  }
  checkRegistryList(scope, allowed);
  const ok = allowed.some((registry) => {
    const prefix = registry.replace(/\/+$/, '');
    return image === prefix || image.startsWith(`${prefix}/`);
  });
  if (!ok) {
    fail(scope, field, `the image is not from an allowed registry (${allowed.join(', ')})`, image, 'push the image to an allowed registry, or ask the platform team to allow this one');
  }
}
