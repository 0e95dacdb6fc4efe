import {
  apply, applyAll, backends, desiredReplicas, EMPTY_CLUSTER, endpoints, failingBackends, Manifest, matchSelector, podOf,
  reachableBehind, reaches, readyEndpoints, settle,
} from '../../src/diff/cluster-model';

const NS = 'shop';

interface DeploymentOptions {
  replicas?: number;
  image?: string;
  labels?: Record<string, string>;
  maxUnavailable?: number | string;
  recreate?: boolean;
}

function deployment(name: string, opts: DeploymentOptions = {}): Manifest {
  const labels = opts.labels ?? { app: name };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: NS },
    spec: {
      replicas: opts.replicas,
      selector: { matchLabels: labels },
      strategy: opts.recreate ? { type: 'Recreate' } : { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: opts.maxUnavailable ?? 0 } },
      template: {
        metadata: { labels },
        spec: { containers: [{ name: 'app', image: opts.image ?? `${name}:1`, ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }] }] },
      },
    },
  };
}

function service(name: string, selector: Record<string, string> | undefined, targetPort: number | string = 'http'): Manifest {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: NS }, spec: { selector, ports: [{ port: 80, targetPort, protocol: 'TCP' }] } };
}

function hpa(target: string, minReplicas: number): Manifest {
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: target, namespace: NS },
    spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: target }, minReplicas, maxReplicas: minReplicas + 5 },
  };
}

function route(rules: Array<{ header?: boolean; refs: Array<[string, number | undefined]> }>): Manifest {
  return {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'HTTPRoute',
    metadata: { name: 'web', namespace: NS },
    spec: {
      rules: rules.map((r) => ({
        matches: [{ path: { type: 'PathPrefix', value: '/' }, ...(r.header ? { headers: [{ type: 'Exact', name: 'x-canary', value: 'always' }] } : {}) }],
        backendRefs: r.refs.map(([name, weight]) => ({ group: '', kind: 'Service', name, port: 80, weight })),
      })),
    },
  };
}

function ingress(name: string, backend: string, annotations?: Record<string, string>): Manifest {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name, namespace: NS, annotations },
    spec: { rules: [{ host: 'shop.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: backend, port: { name: 'http' } } } }] } }] },
  };
}

function policy(name: string, podSelector: object, spec: object): Manifest {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name, namespace: NS }, spec: { podSelector, ...spec } };
}

function ready(state: ReturnType<typeof apply>, name: string): number {
  return state.pods.find((p) => p.deployment === name)!.ready;
}

describe('Deployments right after an apply', () => {
  test('a new Deployment has no ready pod; settled, it has its replicas', () => {
    // GIVEN / WHEN
    const state = apply(EMPTY_CLUSTER, [deployment('web', { replicas: 3 })]);
    // THEN
    expect(ready(state, 'web')).toBe(0);
    expect(ready(settle(state), 'web')).toBe(3);
  });

  test.each([[4, 2, 2], [2, 4, 2], [3, 3, 3], [3, 0, 0]])('a replica change from %p to %p keeps %p ready pods', (from, to, expected) => {
    // GIVEN
    const before = settle(apply(EMPTY_CLUSTER, [deployment('web', { replicas: from })]));
    // WHEN
    const after = apply(before, [deployment('web', { replicas: to })]);
    // THEN
    expect(ready(after, 'web')).toBe(expected);
  });

  test('with maxUnavailable 0, a template change keeps min(old, new) ready pods of the OLD template', () => {
    // GIVEN
    const before = settle(apply(EMPTY_CLUSTER, [deployment('web', { replicas: 4, image: 'web:1' })]));
    // WHEN
    const after = apply(before, [deployment('web', { replicas: 2, image: 'web:2' })]);
    // THEN
    const group = after.pods[0];
    expect(group.ready).toBe(2);
    expect(group.images).toEqual(['web:1']);
    expect(settle(after).pods[0].images).toEqual(['web:2']);
  });

  test.each([[1, 3], ['50%', 2], ['25%', 3]])('with maxUnavailable %p, a template change of 4 pods keeps %p ready', (maxUnavailable, expected) => {
    // GIVEN
    const before = settle(apply(EMPTY_CLUSTER, [deployment('web', { replicas: 4 })]));
    // WHEN
    const after = apply(before, [deployment('web', { replicas: 4, image: 'web:2', maxUnavailable })]);
    // THEN
    expect(ready(after, 'web')).toBe(expected);
  });

  test('Recreate takes every pod down on a template change', () => {
    // GIVEN
    const before = settle(apply(EMPTY_CLUSTER, [deployment('web', { replicas: 4, recreate: true })]));
    // WHEN
    const after = apply(before, [deployment('web', { replicas: 4, recreate: true, image: 'web:2' })]);
    // THEN
    expect(ready(after, 'web')).toBe(0);
  });

  test('a Deployment absent from the commit is pruned, with its pods', () => {
    // GIVEN
    const before = settle(apply(EMPTY_CLUSTER, [deployment('web', { replicas: 2 }), deployment('api', { replicas: 2 })]));
    // WHEN
    const after = apply(before, [deployment('web', { replicas: 2 })]);
    // THEN
    expect(after.pods.map((p) => p.deployment)).toEqual(['web']);
    expect(after.objects.map((o) => o.metadata.name)).toEqual(['web']);
  });

  test('without replicas, the autoscaler minimum is the desired count, and without either the API default 1', () => {
    // GIVEN
    const scaled = deployment('web');
    const plain = deployment('api');
    // WHEN / THEN
    expect(desiredReplicas(scaled, [scaled, hpa('web', 4)])).toBe(4);
    expect(desiredReplicas(plain, [plain, hpa('web', 4)])).toBe(1);
    const before = settle(apply(EMPTY_CLUSTER, [scaled, hpa('web', 4)]));
    expect(ready(before, 'web')).toBe(4);
    expect(ready(apply(before, [scaled, hpa('web', 2)]), 'web')).toBe(2);
  });

  test('applyAll settles between commits and returns the state right after the last one', () => {
    // GIVEN / WHEN
    const state = applyAll([[deployment('web', { replicas: 2 })], [deployment('web', { replicas: 2 }), deployment('api', { replicas: 2 })]]);
    // THEN
    expect(ready(state, 'web')).toBe(2);
    expect(ready(state, 'api')).toBe(0);
  });
});

describe('Services', () => {
  test('route only to ready pods their selector matches, in their namespace, on a port the pods expose', () => {
    // GIVEN
    const state = settle(apply(EMPTY_CLUSTER, [
      deployment('a', { replicas: 2, labels: { app: 'web', track: 'stable' } }),
      deployment('b', { replicas: 1, labels: { app: 'web', track: 'canary' } }),
      service('web', { app: 'web' }),
      service('stable', { app: 'web', track: 'stable' }),
      service('wrong-port', { app: 'web' }, 'grpc'),
      service('by-number', { app: 'web' }, 8080),
      service('manual', undefined),
    ]));
    // WHEN / THEN
    expect(endpoints(state, NS, 'web')!.map((p) => [p.deployment, p.ready])).toEqual([['a', 2], ['b', 1]]);
    expect(readyEndpoints(state, NS, 'stable')).toBe(2);
    expect(readyEndpoints(state, NS, 'wrong-port')).toBe(0);
    expect(readyEndpoints(state, NS, 'by-number')).toBe(3);
    expect(readyEndpoints(state, NS, 'manual')).toBe(0);
    expect(endpoints(state, NS, 'missing')).toBeUndefined();
    expect(readyEndpoints(state, 'other', 'web')).toBe(0);
  });

  test('route to nothing right after the apply that creates their pods', () => {
    // GIVEN / WHEN
    const state = apply(EMPTY_CLUSTER, [deployment('a', { replicas: 2, labels: { app: 'web' } }), service('web', { app: 'web' })]);
    // THEN
    expect(readyEndpoints(state, NS, 'web')).toBe(0);
  });
});

describe('weighted traffic', () => {
  const pods = [deployment('stable', { replicas: 2 }), service('stable', { app: 'stable' }), deployment('canary', { replicas: 1 }), service('canary', { app: 'canary' })];

  test('an HTTPRoute splits each rule by weight (default 1); a header rule is opt-in, not weighted', () => {
    // GIVEN
    const state = settle(apply(EMPTY_CLUSTER, [...pods, route([{ header: true, refs: [['canary', undefined]] }, { refs: [['stable', 75], ['canary', 25]] }])]));
    // WHEN
    const found = backends(state);
    // THEN
    expect(found.map((b) => [b.via, b.service, b.share, b.byHeader, b.readyPods])).toEqual([
      ['HTTPRoute shop/web rule 0', 'canary', 0, true, 1],
      ['HTTPRoute shop/web rule 1', 'stable', 75, false, 2],
      ['HTTPRoute shop/web rule 1', 'canary', 25, false, 1],
    ]);
    expect(failingBackends(state)).toEqual([]);
  });

  test('a backend with a share and no ready pod fails; one at weight 0 or by header does not', () => {
    // GIVEN: the canary's pods are new, so none is ready yet
    const before = settle(apply(EMPTY_CLUSTER, pods.slice(0, 2)));
    // WHEN
    const weighted = apply(before, [...pods, route([{ refs: [['stable', 95], ['canary', 5]] }])]);
    const zero = apply(before, [...pods, route([{ header: true, refs: [['canary', 1]] }, { refs: [['stable', 100], ['canary', 0]] }])]);
    // THEN
    expect(failingBackends(weighted).map((b) => [b.service, b.share])).toEqual([['canary', 5]]);
    expect(failingBackends(zero)).toEqual([]);
  });

  test('a missing Service fails its share', () => {
    // GIVEN / WHEN
    const state = settle(apply(EMPTY_CLUSTER, [route([{ refs: [['gone', 1]] }])]));
    // THEN
    expect(failingBackends(state).map((b) => [b.service, b.share, b.readyPods])).toEqual([['gone', 100, 0]]);
  });

  test('an ingress-nginx canary Ingress takes canary-weight from the main Ingress of its host and path; its header is opt-in', () => {
    // GIVEN
    const state = settle(apply(EMPTY_CLUSTER, [...pods,
      ingress('web', 'stable'),
      ingress('web-canary', 'canary', {
        'nginx.ingress.kubernetes.io/canary': 'true',
        'nginx.ingress.kubernetes.io/canary-weight': '20',
        'nginx.ingress.kubernetes.io/canary-by-header': 'x-canary',
      })]));
    // WHEN
    const found = backends(state);
    // THEN
    expect(found.map((b) => [b.via, b.service, b.share, b.byHeader])).toEqual([
      ['Ingress shop/web shop.example.com/', 'stable', 80, false],
      ['Ingress shop/web-canary shop.example.com/', 'canary', 20, false],
      ['Ingress shop/web-canary shop.example.com/', 'canary', 0, true],
    ]);
  });

  test('canary-weight-total scales the canary share; a plain Ingress sends everything to its backend', () => {
    // GIVEN
    const state = settle(apply(EMPTY_CLUSTER, [...pods, ingress('web', 'stable'), ingress('web-canary', 'canary', {
      'nginx.ingress.kubernetes.io/canary': 'true',
      'nginx.ingress.kubernetes.io/canary-weight': '250',
      'nginx.ingress.kubernetes.io/canary-weight-total': '1000',
    })]));
    const plain = settle(apply(EMPTY_CLUSTER, [...pods, ingress('web', 'stable')]));
    // WHEN / THEN
    expect(backends(state).map((b) => [b.service, b.share])).toEqual([['stable', 75], ['canary', 25]]);
    expect(backends(plain).map((b) => [b.service, b.share])).toEqual([['stable', 100]]);
  });
});

describe('who reaches whom', () => {
  const web = { namespace: NS, labels: { app: 'web' } };
  const api = { namespace: NS, labels: { app: 'api' }, ports: [{ name: 'http', containerPort: 8080 }] };
  const monitor = { namespace: 'monitoring', labels: { app: 'prometheus' } };
  const namespaces: Manifest[] = [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'monitoring', labels: { team: 'sre' } } }];
  const denyAll = policy('deny', {}, { policyTypes: ['Ingress', 'Egress'] });

  test('without policies, every pod reaches every pod', () => {
    // GIVEN / WHEN / THEN
    expect(reaches(EMPTY_CLUSTER, web, api, 8080)).toBe(true);
  });

  test('a default deny stops both directions; an ingress rule alone is not enough without the egress rule', () => {
    // GIVEN
    const ingressOnly = settle(apply(EMPTY_CLUSTER, [denyAll, policy('api', { matchLabels: { app: 'api' } }, {
      policyTypes: ['Ingress'], ingress: [{ from: [{ podSelector: { matchLabels: { app: 'web' } } }], ports: [{ port: 'http', protocol: 'TCP' }] }],
    })]));
    const both = settle(apply(EMPTY_CLUSTER, [...ingressOnly.objects, policy('web', { matchLabels: { app: 'web' } }, {
      policyTypes: ['Egress'], egress: [{ to: [{ podSelector: { matchLabels: { app: 'api' } } }], ports: [{ port: 8080 }] }],
    })]));
    // WHEN / THEN
    expect(reaches(settle(apply(EMPTY_CLUSTER, [denyAll])), web, api, 8080)).toBe(false);
    expect(reaches(ingressOnly, web, api, 8080)).toBe(false);
    expect(reaches(both, web, api, 8080)).toBe(true);
    expect(reaches(both, web, api, 'http')).toBe(true);
    expect(reaches(both, web, api, 9090)).toBe(false);
    expect(reaches(both, web, api, 8080, 'UDP')).toBe(false);
    expect(reaches(both, api, web, 8080)).toBe(false);
  });

  test('a peer without namespaceSelector is in the policy\'s namespace; a namespaceSelector matches namespace labels', () => {
    // GIVEN
    const samePods = settle(apply(EMPTY_CLUSTER, [policy('api', { matchLabels: { app: 'api' } }, {
      ingress: [{ from: [{ podSelector: {} }] }],
    })]));
    const byLabel = settle(apply(EMPTY_CLUSTER, [...namespaces, policy('api', { matchLabels: { app: 'api' } }, {
      ingress: [{ from: [{ namespaceSelector: { matchLabels: { team: 'sre' } } }] }],
    })]));
    const byName = settle(apply(EMPTY_CLUSTER, [policy('api', { matchLabels: { app: 'api' } }, {
      ingress: [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } }] }],
    })]));
    // WHEN / THEN
    expect(reaches(samePods, web, api, 8080)).toBe(true);
    expect(reaches(samePods, monitor, api, 8080)).toBe(false);
    expect(reaches(byLabel, monitor, api, 8080)).toBe(true);
    expect(reaches(byLabel, web, api, 8080)).toBe(false);
    expect(reaches(byName, monitor, api, 8080)).toBe(true);
  });

  test('port ranges and ipBlock peers', () => {
    // GIVEN
    const state = settle(apply(EMPTY_CLUSTER, [policy('api', {}, {
      ingress: [{ from: [{ ipBlock: { cidr: '0.0.0.0/0' } }] }, { from: [{ podSelector: { matchLabels: { app: 'web' } } }], ports: [{ port: 8000, endPort: 8100 }] }],
    })]));
    // WHEN / THEN
    expect(reaches(state, web, api, 8080)).toBe(true);
    expect(reaches(state, web, api, 8200)).toBe(false);
    expect(reaches(state, monitor, api, 8080)).toBe(false);
  });

  test('a pod reaches the Deployments behind a Service that its policies let through', () => {
    // GIVEN
    const state = settle(apply(EMPTY_CLUSTER, [
      deployment('api', { replicas: 2, labels: { app: 'api' } }),
      deployment('web', { replicas: 2, labels: { app: 'web' } }),
      service('api', { app: 'api' }),
      denyAll,
      policy('api', { matchLabels: { app: 'api' } }, { ingress: [{ from: [{ podSelector: { matchLabels: { app: 'web' } } }], ports: [{ port: 'http' }] }] }),
      policy('web', { matchLabels: { app: 'web' } }, { policyTypes: ['Egress'], egress: [{ to: [{ podSelector: { matchLabels: { app: 'api' } } }] }] }),
    ]));
    // WHEN / THEN
    expect(reachableBehind(state, podOf(state, NS, 'web'), NS, 'api', 80)).toEqual(['api']);
    expect(reachableBehind(state, podOf(state, NS, 'api'), NS, 'api', 80)).toEqual([]);
    expect(reachableBehind(state, podOf(state, NS, 'web'), NS, 'api', 81)).toEqual([]);
    expect(() => podOf(state, NS, 'missing')).toThrow('no Deployment shop/missing in the cluster');
  });

  test('matchExpressions', () => {
    // GIVEN
    const labels = { app: 'web', track: 'canary' };
    // WHEN / THEN
    expect(matchSelector({ matchExpressions: [{ key: 'track', operator: 'In', values: ['canary'] }] }, labels)).toBe(true);
    expect(matchSelector({ matchExpressions: [{ key: 'track', operator: 'NotIn', values: ['canary'] }] }, labels)).toBe(false);
    expect(matchSelector({ matchExpressions: [{ key: 'tier', operator: 'Exists' }] }, labels)).toBe(false);
    expect(matchSelector({ matchExpressions: [{ key: 'tier', operator: 'DoesNotExist' }] }, labels)).toBe(true);
    expect(matchSelector({}, labels)).toBe(true);
    expect(() => matchSelector({ matchExpressions: [{ key: 'a', operator: 'Near' }] }, labels)).toThrow('unknown selector operator Near');
  });
});
