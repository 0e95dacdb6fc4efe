import { Manifest, objectAt, textOf } from '../../guardrails/manifest';
import { DiffProblem, DiffRule } from '../diff-rule';
import { sameValue } from '../field-values';
import { pairsOf, refusedChange } from './problem';

/** A Secret's data as stored: `data` (base64) with `stringData` merged in, each value as its bytes in hex. */
function secretData(secret: Manifest): Record<string, string> {
  const data: Record<string, string> = {};
  for (const [key, value] of Object.entries(objectAt(secret.data))) {
    data[key] = Buffer.from(textOf(value), 'base64').toString('hex');
  }
  for (const [key, value] of Object.entries(objectAt(secret.stringData))) {
    data[key] = Buffer.from(textOf(value), 'utf8').toString('hex');
  }
  return data;
}

/** The data of an `immutable: true` ConfigMap or Secret changed, or `immutable` was unset: refused. */
export const immutableData: DiffRule = {
  id: 'immutable-data',
  why: 'Once a ConfigMap or Secret is marked immutable: true, the API server refuses any change of its data and binaryData, '
    + 'and refuses to unset immutable (\'field is immutable when `immutable` is set\').',
  fix: 'Create the changed data under a new name (a content hash in the name, as this library does for the objects it creates) '
    + 'and point the pods to it; the old object is then pruned.',
  source: '`ValidateConfigMapUpdate` and `ValidateSecretUpdate` in pkg/apis/core/validation/validation.go',
  check: (context) => {
    const problems: DiffProblem[] = [];
    for (const [o, n] of pairsOf(context, '', ['ConfigMap', 'Secret'])) {
      if (o.immutable !== true) {
        continue;
      }
      if (n.immutable !== true) {
        problems.push(refusedChange(n, 'immutable', o.immutable, n.immutable, `immutable cannot be unset once a ${n.kind} sets it`));
      }
      const fields: Array<[string, unknown, unknown]> = n.kind === 'Secret'
        ? [['data', secretData(o), secretData(n)]]
        : [['data', o.data, n.data], ['binaryData', o.binaryData, n.binaryData]];
      for (const [field, before, after] of fields) {
        if (!sameValue(before, after)) {
          const changed = [...new Set([...Object.keys(objectAt(before)), ...Object.keys(objectAt(after))])]
            .filter((key) => !sameValue(objectAt(before)[key], objectAt(after)[key])).sort();
          // The values themselves are not shown: a Secret's would end up in CI logs.
          problems.push({
            ...refusedChange(n, field, undefined, undefined, ''),
            oldValue: '',
            newValue: '',
            message: `${field}: the API server refuses to change the data of an immutable ${n.kind}, got a change of the keys ${changed.map((k) => `'${k}'`).join(', ')}`,
          });
        }
      }
    }
    return problems;
  },
};

/** A Secret's type changed: refused. */
export const immutableSecretType: DiffRule = {
  id: 'immutable-secret-type',
  why: 'The API server refuses to change a Secret\'s type (\'field is immutable\').',
  fix: 'Keep the type, or create the Secret under a new name.',
  source: '`ValidateSecretUpdate` in pkg/apis/core/validation/validation.go',
  check: (context) => pairsOf(context, '', ['Secret'])
    .filter(([o, n]) => (o.type ?? 'Opaque') !== (n.type ?? 'Opaque'))
    .map(([o, n]) => refusedChange(n, 'type', o.type ?? 'Opaque', n.type ?? 'Opaque', 'the API server refuses to change the type of a Secret')),
};
