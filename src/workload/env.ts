import * as k8s from 'cdk8s-plus-30/lib/imports/k8s';
import { IConstruct } from 'constructs';
import { holdsCredentials, looksSecret } from '../conventions/secret-names';
import { brand, isBranded } from '../private/brand';
import { checkEnvName, checkReferenceName, checkStringMap } from '../private/checks';
import { fail } from '../private/errors';

/** One key of a Secret, for an environment variable. */
export interface SecretKeyReference {
  /** The Secret's name, in the workload's namespace. */
  readonly secretName: string;
  /** The key within the Secret. */
  readonly key: string;
}

/** A whole ConfigMap or Secret whose keys become environment variables. */
export class EnvSource {
  /** Whether `x` is an EnvSource, from any installed copy of this library. */
  public static isEnvSource(x: any): x is EnvSource {
    return isBranded(x, 'EnvSource');
  }

  /** Every key of a ConfigMap, optionally prefixed. */
  public static fromConfigMap(configMapName: string, prefix?: string): EnvSource {
    return new EnvSource('configMap', configMapName, prefix);
  }

  /** Every key of a Secret, optionally prefixed. */
  public static fromSecret(secretName: string, prefix?: string): EnvSource {
    return new EnvSource('secret', secretName, prefix);
  }

  private constructor(
    private readonly kind: 'configMap' | 'secret',
    private readonly sourceName: string,
    private readonly prefix?: string,
  ) {
    brand(this, 'EnvSource');
  }

  /** @internal */
  public _toEnvFrom(scope: IConstruct, field: string): k8s.EnvFromSource {
    const name = checkReferenceName(scope, `${field}.name`, this.sourceName);
    const prefix = this.prefix === undefined || this.prefix === '' ? undefined : this.prefix;
    if (prefix !== undefined) {
      if (typeof prefix !== 'string') {
        fail(scope, `${field}.prefix`, 'must be a string', prefix, "use a prefix such as 'APP_', or leave it out");
      }
      checkEnvName(scope, `${field}.prefix`, prefix);
    }
    return this.kind === 'configMap'
      ? { configMapRef: { name }, prefix }
      : { secretRef: { name }, prefix };
  }
}


/** The env of a container: literals (never secret-looking) and Secret key references, no duplicates. */
export function resolveEnv(scope: IConstruct, literals: unknown, secrets: unknown, prefix = ''): k8s.EnvVar[] | undefined {
  const env: k8s.EnvVar[] = [];
  const seen = new Set<string>();
  const add = (field: string, name: string, entry: k8s.EnvVar) => {
    checkEnvName(scope, field, name);
    if (seen.has(name)) {
      fail(scope, field, 'the same environment variable is set twice (in env and secretEnv)', name, 'keep one of the two');
    }
    seen.add(name);
    env.push(entry);
  };
  if (literals !== undefined) {
    for (const [name, value] of Object.entries(checkStringMap(scope, `${prefix}env`, literals))) {
      if (looksSecret(name)) {
        fail(scope, `${prefix}env.${name}`, 'a literal value under a secret-looking name would be stored in plain text', name,
          `put the value in a Secret and reference it with secretEnv: { ${name}: { secretName: '…', key: '…' } }`);
      }
      if (holdsCredentials(value)) {
        fail(scope, `${prefix}env.${name}`, 'the literal value is a URL with a password in it (user:password@), which would be stored in plain text', name,
          `put the URL in a Secret and reference it with secretEnv: { ${name}: { secretName: '…', key: '…' } }`);
      }
      add(`${prefix}env.${name}`, name, { name, value });
    }
  }
  if (secrets !== undefined) {
    if (secrets === null || typeof secrets !== 'object' || Array.isArray(secrets)) {
      fail(scope, `${prefix}secretEnv`, 'must be a map of variable names to Secret keys', secrets, "pass { NAME: { secretName: 'db', key: 'password' } }");
    }
    for (const [name, ref] of Object.entries(secrets as Record<string, SecretKeyReference>)) {
      const field = `${prefix}secretEnv.${name}`;
      if (ref === null || typeof ref !== 'object') {
        fail(scope, field, 'must be a Secret key reference', ref, "pass { secretName: 'db', key: 'password' }");
      }
      const secretName = checkReferenceName(scope, `${field}.secretName`, ref.secretName);
      if (typeof ref.key !== 'string' || !/^[-._a-zA-Z0-9]+$/.test(ref.key)) {
        fail(scope, `${field}.key`, 'must be a Secret key', ref.key, "use letters, digits, '-', '_' and '.'");
      }
      add(field, name, { name, valueFrom: { secretKeyRef: { name: secretName, key: ref.key } } });
    }
  }
  return env.length > 0 ? env : undefined;
}
