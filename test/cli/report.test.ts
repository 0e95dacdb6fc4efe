import { FileFinding, formatHuman, formatInputErrors, formatJson } from '../../src/cli/report';

const IMAGE: FileFinding = {
  rule: 'image-tag',
  severity: 'error',
  kind: 'Deployment',
  name: 'web',
  namespace: 'shop',
  file: 'k8s/web.yaml',
  message: "container app: image 'nginx' is not pinned to a tag or digest",
  why: 'Reproducible rollouts.',
  fix: 'Pin the image.',
};
const PULL: FileFinding = {
  ...IMAGE,
  rule: 'pull-policy',
  severity: 'warning',
  message: "container app: imagePullPolicy is unset, expected 'Always'",
  fix: 'Set imagePullPolicy: Always.',
};
const ROLE: FileFinding = {
  ...IMAGE,
  rule: 'rbac-wildcard',
  kind: 'ClusterRole',
  name: '',
  namespace: '',
  file: '<stdin>',
  message: "verbs has '*'",
  fix: 'Name the verbs.',
};

describe('formatHuman', () => {
  test('groups findings by object, with kind, name, namespace and file, then sums up', () => {
    // WHEN
    const text = formatHuman([IMAGE, PULL, ROLE], { files: 2, objects: 7 });
    // THEN
    expect(text).toEqual([
      'Deployment web (namespace shop) in k8s/web.yaml',
      "  error   image-tag: container app: image 'nginx' is not pinned to a tag or digest",
      '          fix: Pin the image.',
      "  warning pull-policy: container app: imagePullPolicy is unset, expected 'Always'",
      '          fix: Set imagePullPolicy: Always.',
      '',
      'ClusterRole (no name) (cluster-scoped) in <stdin>',
      "  error   rbac-wildcard: verbs has '*'",
      '          fix: Name the verbs.',
      '',
      '2 errors, 1 warning in 2 objects (7 objects checked in 2 files)',
      '',
    ].join('\n'));
  });

  test('says so when nothing was found', () => {
    // WHEN / THEN
    expect(formatHuman([], { files: 1, objects: 1 })).toEqual('0 errors, 0 warnings in 0 objects (1 object checked in 1 file)\n');
  });
});

describe('formatJson', () => {
  test('prints one JSON array of findings with the documented keys, in order', () => {
    // WHEN
    const parsed = JSON.parse(formatJson([IMAGE, PULL]));
    // THEN
    expect(parsed).toEqual([IMAGE, PULL]);
    expect(Object.keys(parsed[0])).toEqual(['rule', 'severity', 'kind', 'name', 'namespace', 'file', 'message', 'why', 'fix']);
  });

  test('prints an empty array when nothing was found', () => {
    // WHEN / THEN
    expect(formatJson([])).toEqual('[]\n');
  });
});

describe('formatInputErrors', () => {
  test('one JSON entry per problem, with the file the problem names', () => {
    // WHEN
    const entries = JSON.parse(formatInputErrors([
      'k8s/a.yaml is not valid YAML: bad',
      'cannot read k8s/b.yaml: no such file or folder',
      '<stdin> holds a document that is not a Kubernetes object (it has no kind): 1',
      'more than 100 MiB of input (reading c.yaml); check it in smaller parts',
    ], 'k8s'));
    // THEN
    expect(entries.map((e: any) => e.file)).toEqual(['k8s/a.yaml', 'k8s/b.yaml', '<stdin>', 'k8s']);
    expect(entries[0]).toEqual({
      rule: 'input',
      severity: 'error',
      kind: '',
      name: '',
      namespace: '',
      file: 'k8s/a.yaml',
      message: 'k8s/a.yaml is not valid YAML: bad',
      why: 'Input that cannot be read as Kubernetes reads it cannot be checked; passing it would hide what it holds.',
      fix: 'Fix the input as the message says, or see the limits in docs/guardrails.md.',
    });
  });
});
