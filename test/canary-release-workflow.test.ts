// The documented canary workflow, walked commit by commit through the cluster model: every
// strategy, fixed and autoscaled. Each commit is applied at once with prune, as GitOps does, and
// checked right after the apply (before any new pod is ready) and once settled.
import { Chart, Size, Testing } from 'cdk8s';
import { Cpu } from 'cdk8s-plus-30';
import fc from 'fast-check';
import { CanaryRelease, CanaryReleaseProps, InternalApi, NamespaceQuota, SecureNamespace, TrafficStrategy } from '../src';
import { runs, TIMEOUT_MS } from './property/arbitraries';
import { namespacedChart } from './util/manifests';
import {
  apply, backends, ClusterState, EMPTY_CLUSTER, endpoints, failingBackends, Manifest, podOf, reachableBehind, reaches, settle,
} from '../src/diff/cluster-model';
import { diffManifests } from '../src/diff/diff';
import { manifestSet } from '../src/diff/manifest-set';

const NS = 'shop';
const NAME = 'web';
const V1 = 'ghcr.io/acme/web:1.0.0';
const V2 = 'ghcr.io/acme/web:2.0.0';
const STEPS = [0, 5, 25, 50, 100];
const HEADER = { name: 'x-canary', value: 'always' };

/** A strategy, and the namespace of the pods that route its outside traffic (the Gateway's, or ingress-nginx's). */
interface StrategyCase {
  readonly strategy: () => TrafficStrategy;
  readonly router: string;
}

const STRATEGIES: Array<[string, StrategyCase]> = [
  ['replica ratio', { strategy: () => TrafficStrategy.replicaRatio(), router: 'ingress-nginx' }],
  ['Gateway API', { strategy: () => TrafficStrategy.gatewayApi({ gatewayName: 'public', gatewayNamespace: 'gateways' }), router: 'gateways' }],
  ['Gateway API with a header', { strategy: () => TrafficStrategy.gatewayApi({ gatewayName: 'public', gatewayNamespace: 'gateways', canaryHeader: HEADER }), router: 'gateways' }],
  ['ingress-nginx', { strategy: () => TrafficStrategy.ingressNginx(), router: 'ingress-nginx' }],
  ['ingress-nginx with a header', { strategy: () => TrafficStrategy.ingressNginx({ canaryHeader: HEADER }), router: 'ingress-nginx' }],
];

const SIZES: Array<[string, Partial<CanaryReleaseProps>]> = [
  ['2 replicas', { replicas: 2 }],
  ['4 replicas', { replicas: 4 }],
  ['autoscaled 2-3', { autoscaling: { minReplicas: 2, maxReplicas: 3 } }],
  ['autoscaled 4-12', { autoscaling: { minReplicas: 4, maxReplicas: 12 } }],
];

/** One commit of the release: the stable image and, during a rollout, the canary's weight (its image is V2). */
interface Commit {
  readonly stable: string;
  readonly weight?: number;
}

const BEFORE: Commit = { stable: V1 };
const PROMOTED: Commit = { stable: V2 };
const at = (weight: number): Commit => ({ stable: V1, weight });
const label = (c: Commit) => (c.weight !== undefined ? `weight ${c.weight}` : c.stable === V1 ? 'no canary (1.0.0)' : 'promoted (2.0.0)');

/** The rollout up to a weight, one declared step per commit. */
const upTo = (weight: number): Commit[] => STEPS.filter((s) => s <= weight).map(at);

const cache = new Map<string, Manifest[]>();

/**
 * The synthesized manifests of a commit: the release, a client that calls it, in a SecureNamespace
 * (default-deny policies, DNS egress, quota), and nothing else.
 * `size` is a name from SIZES, or the size props themselves; with `steps` 'any', any weight is accepted.
 */
function manifests(strategy: string, size: string | Partial<CanaryReleaseProps>, commit: Commit, steps: number[] | 'any'): Manifest[] {
  const key = `${strategy}|${JSON.stringify(size)}|${commit.stable}|${commit.weight}|${steps}`;
  if (!cache.has(key)) {
    const chart = namespacedChart(NS);
    new SecureNamespace(chart, 'namespace', { name: NS, quota: NamespaceQuota.LARGE });
    const release = new CanaryRelease(chart, NAME, {
      stable: { image: commit.stable },
      canary: commit.weight === undefined ? undefined : { image: V2, weight: commit.weight },
      steps: steps === 'any' ? undefined : steps,
      host: 'shop.example.com',
      strategy: STRATEGIES.find(([name]) => name === strategy)![1].strategy(),
      ...(typeof size === 'string' ? SIZES.find(([name]) => name === size)![1] : size),
    });
    const client = new InternalApi(chart, 'client', { image: 'ghcr.io/acme/client:1.0.0' });
    client.allowTo(release);
    client.allowFrom(release);
    cache.set(key, Testing.synth(chart));
  }
  return cache.get(key)!;
}

/**
 * What goes wrong in a state: weighted traffic that lands on no ready pod, a router that cannot
 * reach the pods it sends to, in-cluster callers of the release Service with no ready pod to land on.
 */
function landingProblems(state: ClusterState, router: string): string[] {
  const problems = failingBackends(state).map((b) => `${b.via} sends ${b.share}% to Service ${b.service}, which has no ready pod`);
  for (const b of backends(state).filter((x) => x.share > 0 && x.readyPods > 0)) {
    if (!(endpoints(state, b.namespace, b.service) ?? []).some((p) => reaches(state, { namespace: router, labels: {} }, p, 'http'))) {
      problems.push(`${b.via} sends ${b.share}% to Service ${b.service}, whose pods the router in namespace ${router} cannot reach`);
    }
  }
  if (reachableBehind(state, podOf(state, NS, 'client'), NS, NAME, 80).length === 0) {
    problems.push(`in-cluster callers of Service ${NAME} reach no ready pod`);
  }
  return problems;
}

/** What the release Service gives the canary once settled: at most its weight plus one pod, nothing at weight 0. */
function shareProblems(state: ClusterState, weight: number | undefined): string[] {
  const behind = endpoints(state, NS, NAME) ?? [];
  const total = behind.reduce((n, p) => n + p.ready, 0);
  const canary = behind.filter((p) => p.deployment === `${NAME}-canary`).reduce((n, p) => n + p.ready, 0);
  if (canary > 0 && (weight ?? 0) === 0) {
    return [`Service ${NAME} sends in-cluster traffic to ${canary} canary pod(s) of ${total} at weight ${weight ?? 'none'}`];
  }
  if (weight !== undefined && canary > (total * weight) / 100 + 1) {
    return [`Service ${NAME} gives the canary ${canary} of ${total} pods at weight ${weight}`];
  }
  return [];
}

/**
 * Applies the commits one by one (from the first one settled) and collects, for each apply, what
 * goes wrong right after it and once it has settled.
 */
function walk(strategy: string, size: string | Partial<CanaryReleaseProps>, commits: Commit[], steps: number[] | 'any' = STEPS): string[] {
  const router = STRATEGIES.find(([name]) => name === strategy)![1].router;
  let state = settle(apply(EMPTY_CLUSTER, manifests(strategy, size, commits[0], steps)));
  const problems: string[] = [];
  for (let i = 1; i < commits.length; i++) {
    const step = `${label(commits[i - 1])} -> ${label(commits[i])}`;
    state = apply(state, manifests(strategy, size, commits[i], steps));
    problems.push(...landingProblems(state, router).map((p) => `${step}, right after the apply: ${p}`));
    state = settle(state);
    problems.push(...[...landingProblems(state, router), ...shareProblems(state, commits[i].weight)].map((p) => `${step}, settled: ${p}`));
  }
  return problems;
}

describe.each(STRATEGIES.map(([s]) => s))('the canary workflow with %s', (strategy) => {
  describe.each(SIZES.map(([s]) => s))('and %s', (size) => {
    test('start: adding the canary at weight 0 sends it nothing, in or out of the cluster', () => {
      // GIVEN / WHEN / THEN
      expect(walk(strategy, size, [BEFORE, at(0)])).toEqual([]);
    });

    test('raise: each step up to 100 lands on ready pods (raising from 0 finds a ready canary pod)', () => {
      // GIVEN / WHEN / THEN
      expect(walk(strategy, size, [BEFORE, ...upTo(100)])).toEqual([]);
    });

    test.each(STEPS)('promote from weight %p in one commit: stable and route keep ready pods', (weight) => {
      // GIVEN / WHEN / THEN
      expect(walk(strategy, size, [BEFORE, ...upTo(weight), PROMOTED])).toEqual([]);
    });

    test.each(STEPS.filter((s) => s > 0))('abort from weight %p to 0: nothing reaches the canary any more', (weight) => {
      // GIVEN / WHEN / THEN
      expect(walk(strategy, size, [BEFORE, ...upTo(weight), at(0)])).toEqual([]);
    });

    test.each(STEPS)('remove the canary at weight %p: stable takes everything without a gap', (weight) => {
      // GIVEN / WHEN / THEN
      expect(walk(strategy, size, [BEFORE, ...upTo(weight), BEFORE])).toEqual([]);
    });
  });
});

describe('any walk from a start at 0', () => {
  const sizes: fc.Arbitrary<Partial<CanaryReleaseProps>> = fc.oneof(
    fc.integer({ min: 2, max: 8 }).map((replicas) => ({ replicas })),
    fc.tuple(fc.integer({ min: 2, max: 6 }), fc.integer({ min: 1, max: 10 }))
      .map(([minReplicas, extra]) => ({ autoscaling: { minReplicas, maxReplicas: minReplicas + extra } })),
  );
  const ends = fc.constantFrom(PROMOTED, BEFORE, at(0));

  test('through any weights, in any order, ended by a promote, a removal or an abort, is safe at every commit (property)', () => {
    const weights = fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 4 });
    fc.assert(fc.property(fc.constantFrom(...STRATEGIES.map(([s]) => s)), sizes, weights, ends, (strategy, size, walked, end) => {
      // GIVEN / WHEN / THEN
      expect(walk(strategy, size, [BEFORE, at(0), ...walked.map(at), end], 'any')).toEqual([]);
    }), { numRuns: runs(0.15) });
  }, TIMEOUT_MS);
});

describe('what the workflow avoids, and what it costs', () => {
  test.each(['Gateway API', 'ingress-nginx'])('%s: a canary added directly at weight 5 gets its share before its first pod is ready; at 0 it does not', (strategy) => {
    // GIVEN / WHEN
    const direct = walk(strategy, '4 replicas', [BEFORE, at(5)]);
    // THEN
    const via = strategy === 'Gateway API' ? 'HTTPRoute shop/web rule 0' : 'Ingress shop/web-canary shop.example.com/';
    expect(direct).toEqual([`no canary (1.0.0) -> weight 5, right after the apply: ${via} sends 5% to Service web-canary, which has no ready pod`]);
    expect(walk(strategy, '4 replicas', [BEFORE, at(0), at(5)])).toEqual([]);
  });

  test('the replica ratio can start at any weight: its Service routes only to ready pods', () => {
    // GIVEN / WHEN / THEN
    expect(walk('replica ratio', '4 replicas', [BEFORE, at(25)])).toEqual([]);
  });

  test('with a router, both full tracks at weight 100 count against the SecureNamespace quota at synth of that commit', () => {
    // GIVEN: room for 9 pods; 4 replicas and a 25% surge per track
    const synth = (weight: number) => {
      const app = Testing.app();
      new SecureNamespace(new Chart(app, 'platform'), NS, { name: NS, quota: NamespaceQuota.custom({ cpuRequests: Cpu.units(8), memory: Size.gibibytes(16), pods: 9 }) });
      new CanaryRelease(namespacedChart(NS, app), NAME, {
        stable: { image: V1 }, canary: { image: V2, weight }, replicas: 4, strategy: TrafficStrategy.gatewayApi({ gatewayName: 'public', gatewayNamespace: 'gateways' }),
      });
      return () => app.synthYaml();
    };
    // WHEN / THEN: at 50, 5 stable and 3 canary pods fit; at 100, 5 and 5 do not
    expect(synth(50)).not.toThrow();
    expect(synth(100)).toThrow([
      'Validation failed with the following errors:',
      "  [platform/shop] quota.pods: the golden workloads of namespace 'shop' need up to 10 at their largest scale and rollout surge (shop/web 5, shop/web 5), got '9'; "
        + "raise the quota (a larger NamespaceQuota preset or NamespaceQuota.custom) or lower the workloads' resources or replicas",
    ].join('\n'));
  });
});

describe('cdk8s-golden diff on the workflow: each commit over the one before', () => {
  /** The findings of diff for NEW over OLD, as `rule kind name field`. */
  const diffOf = (old: Manifest[], next: Manifest[]) => diffManifests(manifestSet(old).set, manifestSet(next).set).map((f) => `${f.rule} ${f.kind} ${f.name} ${f.field}`);
  /** The findings of diff for each commit over the one before it. */
  const diffWalk = (strategy: string, size: string, commits: Commit[]) => commits.slice(1)
    .flatMap((commit, i) => diffOf(manifests(strategy, size, commits[i], STEPS), manifests(strategy, size, commit, STEPS))
      .map((f) => `${label(commits[i])} -> ${label(commit)}: ${f}`));

  describe.each(STRATEGIES.map(([s]) => s))('%s', (strategy) => {
    test.each(['4 replicas', 'autoscaled 2-3'])('every documented step passes, %s: start, raise, promote; abort; remove', (size) => {
      // GIVEN / WHEN / THEN
      expect(diffWalk(strategy, size, [BEFORE, ...upTo(100), PROMOTED])).toEqual([]);
      expect(diffWalk(strategy, size, [BEFORE, ...upTo(50), at(0)])).toEqual([]);
      expect(diffWalk(strategy, size, [BEFORE, ...upTo(25), BEFORE])).toEqual([]);
    });
  });

  test.each<[string, string]>([
    ['Gateway API', 'traffic-route HTTPRoute web spec.rules[0].backendRefs'],
    ['ingress-nginx', 'traffic-route Ingress web-canary spec.rules[0].http.paths[0].backend'],
  ])('%s: a canary added directly at weight 50 (a skipped start at 0) is refused', (strategy, finding) => {
    // GIVEN / WHEN / THEN
    expect(diffWalk(strategy, '4 replicas', [BEFORE, at(50)])).toEqual([`no canary (1.0.0) -> weight 50: ${finding}`]);
  });

  test('a hand-edited promote that scales the stable track up from 0 is refused', () => {
    // GIVEN weight 100 with the stable track scaled to 0 by hand
    const old = JSON.parse(JSON.stringify(manifests('Gateway API', '4 replicas', at(100), STEPS))) as Manifest[];
    old.find((m) => m.kind === 'Deployment' && m.metadata.name === `${NAME}-stable`)!.spec.replicas = 0;
    // WHEN promoted
    const findings = diffOf(old, manifests('Gateway API', '4 replicas', PROMOTED, STEPS));
    // THEN the route and the in-cluster Service land on no ready pod (web-stable had none before either)
    expect(findings).toEqual([
      'traffic-route HTTPRoute web spec.rules[0].backendRefs',
      'traffic-service Service web spec.selector',
    ]);
  });
});
