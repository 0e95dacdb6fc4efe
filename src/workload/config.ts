import { createHash } from 'crypto';
import { IConstruct } from 'constructs';
import { checkStringMap } from '../private/checks';
import { fail } from '../private/errors';

/** The content of a ConfigMap the construct creates, and its content-addressed name. */
export interface ConfigContent {
  readonly name: string;
  readonly data: Record<string, string>;
  readonly hash: string;
}

const KEY = /^[-._a-zA-Z0-9]+$/;

/**
 * Config files become an immutable ConfigMap named `<name>-config-<hash>`: a content change is a
 * new name, so the pod template changes and the pods roll, and a rollback finds its old config.
 */
export function resolveConfig(scope: IConstruct, name: string, config: unknown, field = 'config'): ConfigContent {
  const data = checkStringMap(scope, field, config);
  const keys = Object.keys(data).sort();
  if (keys.length === 0) {
    fail(scope, field, 'must hold at least one file', data, 'add a file such as { "app.yaml": "…" } or leave config out');
  }
  for (const key of keys) {
    if (!KEY.test(key) || key.length > 253 || key === '.' || key.startsWith('..')) {
      fail(scope, field, 'has a key that is not a valid file name', key, "use letters, digits, '-', '_' and '.', such as 'app.yaml'");
    }
  }
  const size = keys.reduce((n, k) => n + Buffer.byteLength(k) + Buffer.byteLength(data[k]), 0);
  if (size > 1_048_576) {
    fail(scope, field, 'is larger than the 1 MiB (1,048,576 bytes) a ConfigMap can hold', `${size} bytes`, 'keep large files in the image or a volume');
  }
  // fromEntries defines own properties, so a file named __proto__ is kept like any other.
  const sorted: Record<string, string> = Object.fromEntries(keys.map((key) => [key, data[key]]));
  const hash = createHash('sha256').update(JSON.stringify(sorted)).digest('hex').slice(0, 10);
  return { name: `${name}-config-${hash}`, data: sorted, hash };
}
