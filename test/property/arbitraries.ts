/**
 * Shared arbitraries and checks of the property-based tests (issue 9): generated props of every
 * construct, the invariants their output must hold, and the shape every refusal must have.
 *
 * Run counts: `GOLDEN_PROPERTY_RUNS` (the base count; see BUDGET for each kind of property):
 * 25 by default, sized for the feedback of the unit layer (`npx projen test`); the integration
 * layer (`npx projen integ`, in CI) runs every property again with 200. And `GOLDEN_PROPERTY_SEED` (default a fixed seed, so CI is reproducible; `random` for a
 * fresh seed each run). Locally:
 *   GOLDEN_PROPERTY_RUNS=2000 GOLDEN_PROPERTY_SEED=random npx jest test/property --coverage=false
 * A failing property prints its seed and path and the shrunk counterexample; keep it as a named
 * test in test/property/regressions.test.ts.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Chart, Duration, Size, Testing } from 'cdk8s';
import { Cpu } from 'cdk8s-plus-30/lib/container';
import { Construct } from 'constructs';
import fc from 'fast-check';
import {
  ApiProtocol, ApiResource, AutoscalingOptions, ClusterDns, INetworkPeer, NetworkPeer, NetworkPort, CpuLimits, EnvSource, HealthCheck,
  HealthCheckOptions,
  IngressTls, MetricsOptions, NamespaceQuota, PlatformDefaults, PlatformDefaultsProps, PlatformGateway, PlatformMonitoring,
  ResourcePreset, RolloutOptions, SecurityOptions, SecurityPreset, ServiceType, ShutdownOptions, WorkloadOptions,
  ContainerOptions, EmptyDirMedium, Volume, VolumeMount,
} from '../../src';
import { holdsCredentials, looksSecret } from '../../src/conventions/secret-names';
import { checkManifests } from '../../src/guardrails/engine';
import { metadataAddressIn } from '../../src/network/policy-peer';
import { TEST_API_SERVER } from '../util/manifests';
import { schemaErrors } from '../util/schema';

// ---------------------------------------------------------------------------------------------
// Run counts
// ---------------------------------------------------------------------------------------------

/** The base run count (see BUDGET): 25 in the unit layer, 200 in the integration layer (GOLDEN_PROPERTY_RUNS). */
export const RUNS = Math.max(1, Number(process.env.GOLDEN_PROPERTY_RUNS ?? 25));
/** The seed: fixed by default (reproducible CI), or GOLDEN_PROPERTY_SEED=<n> / `random`. */
const seedSetting = process.env.GOLDEN_PROPERTY_SEED;
export const SEED = seedSetting === 'random' ? undefined : Number(seedSetting ?? 20250609);

fc.configureGlobal({ numRuns: RUNS, seed: SEED });

/** A jest timeout that grows with the run count (a synth takes a few ms). */
export const TIMEOUT_MS = 60_000 + RUNS * 600;

/** Runs `fraction` of RUNS (at least 10): for properties whose runs are cheaper or dearer. */
export function runs(fraction: number): number {
  return Math.max(10, Math.round(RUNS * fraction));
}

/**
 * The run counts of each kind of property, as fractions of RUNS (200 in the integration layer, so
 * every property runs a few hundred times in CI): refusals are cheap (a construction that throws), a valid synth
 * plus every check costs 10 to 60 ms, and the determinism property synthesizes YAML twice.
 */
export const BUDGET = {
  invalid: () => runs(2),
  mixed: () => runs(1),
  valid: () => runs(1),
  selectors: () => runs(1),
  determinism: () => runs(1),
};

// ---------------------------------------------------------------------------------------------
// The shape of a refusal
// ---------------------------------------------------------------------------------------------

/** `[<construct path>] <field>: <problem>, got <value>; <fix>`, possibly under cdk8s' validation header. */
export const ERROR_SHAPE = /^(Validation failed with the following errors:\n {2})?\[[^\]]*\] [^:]+: .+, got .+; .+/;

/** What went wrong with a refusal, or undefined when it has the library's shape. */
export function refusalProblem(error: unknown): string | undefined {
  if (!(error instanceof Error)) {
    return `threw a non-Error: ${String(error)}`;
  }
  if (error.constructor !== Error || error.name !== 'Error') {
    return `threw a ${error.name} (${error.constructor?.name}): ${error.message}\n${error.stack}`;
  }
  if (!ERROR_SHAPE.test(error.message)) {
    return `message without the [path] field: problem, got value; fix shape: ${JSON.stringify(error.message)}\n${error.stack}`;
  }
  return undefined;
}

let outdirCount = 0;
const OUTDIR_ROOT = fs.mkdtempSync(path.join(os.tmpdir(), 'golden-property-'));
afterAll(() => fs.rmSync(OUTDIR_ROOT, { recursive: true, force: true }));

/** YAML files under a folder, recursively. */
function yamlFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) {
    return [];
  }
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? yamlFiles(p) : /\.ya?ml$/.test(e.name) ? [p] : [];
  });
}

/**
 * Builds constructs into `new App({ outdir })` and synthesizes it: the build or the synth must
 * throw an Error of the library's shape, and no YAML file may be written. Returns the message.
 */
export function expectRefused(build: (app: App) => void): string {
  const outdir = path.join(OUTDIR_ROOT, `run-${outdirCount++}`);
  let error: unknown;
  let threw = false;
  try {
    const app = new App({ outdir });
    build(app);
    app.synth();
  } catch (e) {
    threw = true;
    error = e;
  }
  const written = yamlFiles(outdir);
  fs.rmSync(outdir, { recursive: true, force: true });
  if (!threw) {
    throw new Error(`expected a refusal, but the synth succeeded and wrote ${written.map((f) => path.basename(f)).join(', ')}`);
  }
  const shapeProblem = refusalProblem(error);
  if (shapeProblem !== undefined) {
    throw new Error(shapeProblem);
  }
  if (written.length > 0) {
    throw new Error(`the synth failed but wrote ${written.join(', ')}`);
  }
  return (error as Error).message;
}

/** Synthesizes every chart of an app to plain objects (running the app's validations). */
export function synthApp(app: App): any[] {
  return app.charts.flatMap((chart) => Testing.synth(chart));
}

/**
 * What makes an output not hardened or not applyable: every guardrail finding, every Kubernetes
 * 1.30 / Gateway API schema error, and what the schema does not check but the API server refuses
 * (label selector values, namespace names in selectors, quantities, annotation size).
 */
export function outputProblems(docs: any[]): string[] {
  return [
    ...checkManifests(docs).map((f) => `guardrail ${f.rule} ${f.kind}/${f.name}: ${f.message}`),
    ...docs.flatMap(cachedSchemaErrors).map((e) => `schema ${e}`),
    ...docs.flatMap(apiServerProblems),
  ];
}

/** Schema validation is the slowest check; many generated objects repeat across runs. */
const schemaCache = new Map<string, string[]>();
function cachedSchemaErrors(doc: any): string[] {
  const key = JSON.stringify(doc);
  let errors = schemaCache.get(key);
  if (errors === undefined) {
    errors = schemaErrors(doc);
    if (schemaCache.size > 5000) schemaCache.clear();
    schemaCache.set(key, errors);
  }
  return errors;
}

const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const DNS_LABEL_1123 = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const QUANTITY = /^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?$/;

function labelValueOk(v: unknown): boolean {
  return typeof v === 'string' && v.length <= 63 && LABEL_VALUE.test(v);
}

/** Checks the API server makes that the OpenAPI schema does not carry. */
function apiServerProblems(doc: any): string[] {
  const where = `${doc?.kind}/${doc?.metadata?.name}`;
  const problems: string[] = [];
  const annotations = doc?.metadata?.annotations ?? {};
  const size = Object.entries(annotations).reduce((n, [k, v]) => n + Buffer.byteLength(k) + Buffer.byteLength(String(v)), 0);
  if (size > 262144) {
    problems.push(`api ${where}: metadata.annotations total ${size} bytes, more than 262144`);
  }
  const walk = (value: any, at: string): void => {
    if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, `${at}[${i}]`));
      return;
    }
    if (value === null || typeof value !== 'object') {
      return;
    }
    for (const [key, v] of Object.entries(value)) {
      const here = `${at}.${key}`;
      const isSelector = key === 'matchLabels' || (key === 'selector' && doc.kind === 'Service' && at === '.spec');
      if (isSelector && v !== null && typeof v === 'object') {
        for (const [lk, lv] of Object.entries(v as object)) {
          if (!labelValueOk(lv)) {
            problems.push(`api ${where}: ${here}.${lk} is not a label value: ${JSON.stringify(lv)}`);
          }
          if (lk === 'kubernetes.io/metadata.name' && !(typeof lv === 'string' && lv.length <= 63 && DNS_LABEL_1123.test(lv))) {
            problems.push(`api ${where}: ${here} selects a namespace by a name no namespace can have: ${JSON.stringify(lv)}`);
          }
        }
      }
      if (['requests', 'limits', 'hard', 'default', 'defaultRequest'].includes(key) && v !== null && typeof v === 'object' && !Array.isArray(v)) {
        for (const [qk, qv] of Object.entries(v as object)) {
          if (typeof qv === 'string' && !QUANTITY.test(qv)) {
            problems.push(`api ${where}: ${here}.${qk} is not a quantity: ${qv}`);
          }
        }
      }
      if (key === 'sizeLimit' && typeof v === 'string' && !QUANTITY.test(v)) {
        problems.push(`api ${where}: ${here} is not a quantity: ${v}`);
      }
      if (key === 'namespace' && typeof v === 'string' && (v.length > 63 || !DNS_LABEL_1123.test(v))) {
        problems.push(`api ${where}: ${here} is not a namespace name: ${JSON.stringify(v)}`);
      }
      walk(v, here);
    }
  };
  walk(doc, '');
  return problems;
}

/** Fails with every problem of an output, one per line. */
export function expectHardened(docs: any[]): void {
  const problems = outputProblems(docs);
  if (problems.length > 0) {
    throw new Error(`the output is not hardened or not applyable:\n${problems.join('\n')}`);
  }
}

/**
 * The robustness contract: building and synthesizing either fails with the library's error shape
 * (writing no YAML), or gives an output that is hardened and applyable.
 */
export function expectHardenedOrRefused(build: (app: App) => void): 'refused' | 'hardened' {
  const app = new App();
  let docs: any[];
  try {
    build(app);
    docs = synthApp(app);
  } catch (e) {
    const shapeProblem = refusalProblem(e);
    if (shapeProblem !== undefined) {
      throw new Error(shapeProblem);
    }
    return 'refused';
  }
  expectHardened(docs);
  return 'hardened';
}

/**
 * The two properties of every construct's generated valid input, registered as two tests: the
 * app's output is hardened and applyable (expectHardened), and the same input synthesizes
 * byte-identical YAML in two fresh apps.
 */
export function testValidOutput<T>(input: fc.Arbitrary<T>, build: (app: App, value: T) => void,
  titles: { readonly hardened: string; readonly deterministic: string }): void {
  // The platform's monitoring, generated too (with or without the Prometheus Operator), for `metrics`.
  const withMonitoring = fc.tuple(input, platformMonitoring);
  test(titles.hardened, () => {
    fc.assert(fc.property(withMonitoring, ([value, monitoring]) => {
      const app = new App();
      PlatformDefaults.set(app, { monitoring });
      build(app, value);
      expectHardened(synthApp(app));
    }), { numRuns: BUDGET.valid() });
  }, TIMEOUT_MS);

  test(titles.deterministic, () => {
    fc.assert(fc.property(withMonitoring, ([value, monitoring]) => {
      const yaml = () => {
        const app = new App();
        PlatformDefaults.set(app, { monitoring });
        build(app, value);
        return app.synthYaml();
      };
      expect(yaml()).toEqual(yaml());
    }), { numRuns: BUDGET.determinism() });
  }, TIMEOUT_MS);
}

/** The Deployment selectors of an output, by Deployment name. */
export function deploymentSelectors(docs: any[]): Record<string, unknown> {
  return Object.fromEntries(docs.filter((d) => d.kind === 'Deployment').map((d) => [d.metadata.name, d.spec.selector]));
}

/** The platform monitoring `namespaced` declares on an App that declares none. */
export const DEFAULT_MONITORING: PlatformMonitoring = { namespace: 'monitoring', prometheusOperator: true };

/**
 * A chart with a namespace in an app; the app's platform declares its monitoring (DEFAULT_MONITORING
 * unless it declares one), so that generated `metrics` props are valid wherever a chart is made.
 */
export function namespaced(app: App, namespace = 'shop', id = namespace): Chart {
  if (PlatformDefaults.of(app).monitoring === undefined) {
    PlatformDefaults.set(app, { monitoring: DEFAULT_MONITORING });
  }
  return new Chart(app, id, { namespace });
}

// ---------------------------------------------------------------------------------------------
// Valid values
// ---------------------------------------------------------------------------------------------

/** An RFC 1035 label of 1 to `max` characters, mostly short. */
export function dnsLabel(max = 63): fc.Arbitrary<string> {
  const short = fc.stringMatching(/^[a-z]([-a-z0-9]{0,8}[a-z0-9])?$/);
  const long = fc.tuple(fc.constantFrom('a', 'z', 'q'), fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789-'), minLength: max - 2, maxLength: max - 2 }), fc.constantFrom('0', 'z'))
    .map(([a, b, c]) => `${a}${b}${c}`);
  return fc.oneof({ weight: 5, arbitrary: short.filter((s) => s.length <= max) }, { weight: 1, arbitrary: long });
}

/** A DNS subdomain label (RFC 1123: may start with a digit). */
const subdomainLabel = fc.stringMatching(/^[a-z0-9]([-a-z0-9]{0,6}[a-z0-9])?$/);

/** A public host name: two to four labels, the last one not numeric, sometimes a `*.` wildcard. */
export const host: fc.Arbitrary<string> = fc.tuple(
  fc.boolean(), fc.array(subdomainLabel, { minLength: 1, maxLength: 3 }), fc.stringMatching(/^[a-z][a-z0-9]{1,5}$/),
).map(([wildcard, labels, tld]) => `${wildcard ? '*.' : ''}${[...labels, tld].join('.')}`);

/** A label value, non-empty. */
export const labelValue: fc.Arbitrary<string> = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9]([-A-Za-z0-9_.]{0,10}[A-Za-z0-9])?$/),
  fc.constant(`v${'1'.repeat(62)}`),
);

/** A label key that is not a standard label: `[prefix/]name`. */
export const labelKey: fc.Arbitrary<string> = fc.tuple(
  fc.option(fc.constantFrom('acme.com', 'team.acme.io', 'example.org', 'a'), { nil: undefined }),
  fc.stringMatching(/^[a-z0-9]([-a-z0-9_.]{0,10}[a-z0-9])?$/),
).map(([prefix, name]) => (prefix === undefined ? name : `${prefix}/${name}`))
  .filter((k) => !k.startsWith('app.kubernetes.io/') && k !== 'track');

export const labels = fc.dictionary(labelKey, labelValue, { maxKeys: 3 });

/** An annotation key: a qualified name, never the acknowledgement prefix nor a Pod Security annotation. */
export const annotationKey: fc.Arbitrary<string> = fc.tuple(
  fc.option(fc.constantFrom('acme.com', 'prometheus.io', 'example.org', 'a.b.c'), { nil: undefined }),
  fc.stringMatching(/^[A-Za-z0-9]([-A-Za-z0-9_.]{0,10}[A-Za-z0-9])?$/),
).map(([prefix, name]) => (prefix === undefined ? name : `${prefix}/${name}`));

/** Any text, unicode and control characters included, mostly short. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '\n', 'yes', 'no', 'null', '~', '0x10', '1e3', '"', "'", '---', '- a', 'a: b', '#x', '&a', '*a', '!!str') },
);

export const annotations = fc.dictionary(annotationKey, anyText, { maxKeys: 3 });

/** An image repository, with or without a registry. */
const repository = fc.tuple(
  fc.constantFrom('', 'ghcr.io/acme/', 'registry.acme.com/', 'localhost:5000/', 'docker.io/library/', 'Registry.Example.COM:443/team/'),
  fc.stringMatching(/^[a-z0-9]+([._-][a-z0-9]+){0,2}$/),
).map(([registry, name]) => `${registry}${name}`);

/** A tag that is a label value and not `latest`. */
const tag = fc.stringMatching(/^[A-Za-z0-9]([A-Za-z0-9_.-]{0,20}[A-Za-z0-9])?$/).filter((t) => t !== 'latest');
const digest = fc.stringMatching(/^[0-9a-f]{64}$/).map((hex) => `sha256:${hex}`);

/** A pinned image: a tag, a digest, or both. */
export const image: fc.Arbitrary<string> = fc.tuple(repository, fc.option(tag, { nil: undefined }), fc.option(digest, { nil: undefined }))
  .filter(([, t, d]) => t !== undefined || d !== undefined)
  .map(([repo, t, d]) => `${repo}${t === undefined ? '' : `:${t}`}${d === undefined ? '' : `@${d}`}`);

/** Two different pinned images of one repository (a release's stable and canary). */
export const imagePair: fc.Arbitrary<[string, string]> = fc.tuple(repository, tag, tag)
  .filter(([, a, b]) => a !== b)
  .map(([repo, a, b]) => [`${repo}:${a}`, `${repo}:${b}`]);

export const port = fc.integer({ min: 1, max: 65535 });
/** An IANA service name: at most 15 characters, a letter, no double dash. */
export const portName = fc.stringMatching(/^[a-z][a-z0-9]{0,6}(-[a-z0-9]{1,6})?$/);

/** Probe timing: a timeout never longer than the period of the probe (given or default). */
const probeTiming: fc.Arbitrary<HealthCheckOptions> = fc.record({
  period: fc.option(fc.integer({ min: 2, max: 60 }), { nil: undefined }),
  timeoutFraction: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
  failureThreshold: fc.option(fc.integer({ min: 1, max: 1000 }), { nil: undefined }),
  initialDelay: fc.option(fc.integer({ min: 0, max: 3600 }), { nil: undefined }),
}).map(({ period, timeoutFraction, failureThreshold, initialDelay }) => {
  // Without a period the shortest default (2s, startup) bounds the timeout.
  const bound = period ?? 2;
  const timeout = timeoutFraction === undefined ? undefined : Math.max(1, Math.floor(timeoutFraction * bound));
  const o: { -readonly [K in keyof HealthCheckOptions]: HealthCheckOptions[K] } = {};
  if (period !== undefined) o.period = Duration.seconds(period);
  if (timeout !== undefined) o.timeout = Duration.seconds(timeout);
  if (failureThreshold !== undefined) o.failureThreshold = failureThreshold;
  if (initialDelay !== undefined) o.initialDelay = Duration.seconds(initialDelay);
  return o;
});

const httpPath = fc.stringMatching(/^\/[\x21-\x7e]{0,20}$/);

/** A health check; `grpc` only when the workload speaks gRPC. */
export function healthCheck(grpc: boolean): fc.Arbitrary<{ check: HealthCheck; key: string }> {
  const options = [
    fc.tuple(httpPath, probeTiming).map(([p, o]) => ({ check: HealthCheck.httpGet(p, o), key: `http ${p}` })),
    probeTiming.map((o) => ({ check: HealthCheck.tcpSocket(o), key: 'tcp' })),
    fc.tuple(fc.array(anyText.filter((s) => s.length > 0), { minLength: 1, maxLength: 3 }), probeTiming)
      .map(([c, o]) => ({ check: HealthCheck.exec(c, o), key: `exec ${JSON.stringify(c)}` })),
  ];
  if (grpc) {
    options.push(fc.tuple(fc.constantFrom('', 'grpc.health.v1.Health', 'orders'), probeTiming).map(([s, o]) => ({ check: HealthCheck.grpc(s, o), key: `grpc ${s}` })));
  }
  return fc.oneof(...options);
}

/** Startup, readiness and liveness overrides, readiness and liveness never the same check. */
export function probes(protocol: ApiProtocol): fc.Arbitrary<Pick<WorkloadOptions, 'startupProbe' | 'readinessProbe' | 'livenessProbe'>> {
  const grpc = protocol === ApiProtocol.GRPC;
  const defaults = grpc ? { readiness: 'grpc ', liveness: 'tcp' }
    : protocol === ApiProtocol.TCP ? { readiness: 'tcp', liveness: 'tcp' } : { readiness: 'http /readyz', liveness: 'http /healthz' };
  return fc.record({
    startup: fc.option(healthCheck(grpc), { nil: undefined }),
    readiness: fc.option(healthCheck(grpc), { nil: undefined }),
    liveness: fc.option(healthCheck(grpc), { nil: undefined }),
  }).filter(({ readiness, liveness }) => (readiness === undefined && liveness === undefined)
    // the same check is refused, except TCP's own defaults, which the Deployment acknowledges
    || (readiness?.key ?? defaults.readiness) !== (liveness?.key ?? defaults.liveness))
    .map(({ startup, readiness, liveness }) => ({ startupProbe: startup?.check, readinessProbe: readiness?.check, livenessProbe: liveness?.check }));
}

/** A custom resource preset (limits at or above the requests) or a named one. */
export const resources: fc.Arbitrary<ResourcePreset> = fc.oneof(
  fc.constantFrom(ResourcePreset.XSMALL, ResourcePreset.SMALL, ResourcePreset.MEDIUM, ResourcePreset.LARGE),
  fc.record({
    cpu: fc.integer({ min: 1, max: 4000 }),
    cpuUnits: fc.boolean(),
    cpuExtra: fc.option(fc.integer({ min: 0, max: 4000 }), { nil: undefined }),
    memory: fc.integer({ min: 1, max: 8192 }),
    storage: fc.option(fc.integer({ min: 1, max: 4096 }), { nil: undefined }),
    storageExtra: fc.option(fc.integer({ min: 0, max: 4096 }), { nil: undefined }),
  }).map(({ cpu, cpuUnits, cpuExtra, memory, storage, storageExtra }) => ResourcePreset.custom({
    cpuRequest: cpuUnits ? Cpu.units(Math.max(1, Math.round(cpu / 1000))) : Cpu.millis(cpu),
    cpuLimit: cpuExtra === undefined ? undefined : Cpu.millis((cpuUnits ? Math.max(1, Math.round(cpu / 1000)) * 1000 : cpu) + cpuExtra),
    memory: memory % 1024 === 0 ? Size.gibibytes(memory / 1024) : Size.mebibytes(memory),
    ephemeralStorageRequest: storage === undefined ? undefined : Size.mebibytes(storage),
    ephemeralStorageLimit: storageExtra === undefined ? undefined : Size.mebibytes((storage ?? 128) + storageExtra),
  })),
);

/** A fixed count of at least 2, or an autoscaler whose max is above its min. */
export const scale: fc.Arbitrary<Pick<WorkloadOptions, 'replicas' | 'autoscaling'>> = fc.oneof(
  fc.constant({}),
  fc.integer({ min: 2, max: 50 }).map((replicas) => ({ replicas })),
  fc.record({
    min: fc.option(fc.integer({ min: 2, max: 20 }), { nil: undefined }),
    extra: fc.integer({ min: 1, max: 40 }),
    cpu: fc.option(fc.integer({ min: 1, max: 100 }), { nil: undefined }),
    memory: fc.option(fc.integer({ min: 1, max: 100 }), { nil: undefined }),
  }).map(({ min, extra, cpu, memory }) => {
    const autoscaling: { -readonly [K in keyof AutoscalingOptions]: AutoscalingOptions[K] } = { maxReplicas: (min ?? 2) + extra };
    if (min !== undefined) autoscaling.minReplicas = min;
    if (cpu !== undefined) autoscaling.cpuUtilizationPercent = cpu;
    if (memory !== undefined) autoscaling.memoryUtilizationPercent = memory;
    return { autoscaling };
  }),
);

export const rollout: fc.Arbitrary<RolloutOptions> = fc.record({
  maxSurgePercent: fc.integer({ min: 0, max: 100 }),
  maxUnavailablePercent: fc.integer({ min: 0, max: 100 }),
  minReady: fc.integer({ min: 0, max: 3600 }),
  deadlineExtra: fc.integer({ min: 1, max: 80000 }),
  revisionHistoryLimit: fc.integer({ min: 0, max: 100 }),
}, { requiredKeys: [] }).map((r) => {
  const o: { -readonly [K in keyof RolloutOptions]: RolloutOptions[K] } = {};
  if (r.maxSurgePercent !== undefined) o.maxSurgePercent = r.maxSurgePercent;
  if (r.maxUnavailablePercent !== undefined) o.maxUnavailablePercent = r.maxUnavailablePercent;
  if (r.minReady !== undefined) o.minReady = Duration.seconds(r.minReady);
  // The deadline must be longer than minReady; the default (600s) is not when minReady is 600s or more.
  if (r.deadlineExtra !== undefined || (r.minReady ?? 5) >= 600) {
    o.progressDeadline = Duration.seconds(Math.min(86400, (r.minReady ?? 5) + (r.deadlineExtra ?? 60)));
  }
  if (r.revisionHistoryLimit !== undefined) o.revisionHistoryLimit = r.revisionHistoryLimit;
  return o;
})
  // A default surge (25) with maxUnavailablePercent 0 is fine; only both 0 is refused.
  .filter((o) => !((o.maxSurgePercent ?? 25) === 0 && (o.maxUnavailablePercent ?? 0) === 0));

export const shutdown: fc.Arbitrary<ShutdownOptions> = fc.record({
  preStop: fc.option(fc.integer({ min: 1, max: 300 }), { nil: undefined }),
  graceExtra: fc.option(fc.integer({ min: 1, max: 3300 }), { nil: undefined }),
}).map(({ preStop, graceExtra }) => {
  const o: { -readonly [K in keyof ShutdownOptions]: ShutdownOptions[K] } = {};
  if (preStop !== undefined) o.preStopDelay = Duration.seconds(preStop);
  if (graceExtra !== undefined || (preStop ?? 5) >= 30) o.terminationGracePeriod = Duration.seconds((preStop ?? 5) + (graceExtra ?? 10));
  return o;
});

export const security: fc.Arbitrary<SecurityOptions> = fc.record({
  runAsUser: fc.integer({ min: 10000, max: 2147483647 }),
  runAsGroup: fc.integer({ min: 10000, max: 2147483647 }),
}, { requiredKeys: [] });

/** An environment variable name that does not look secret. */
export const envName = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_.-]{0,15}$/).filter((n) => !looksSecret(n));
/** The name of a ConfigMap or Secret (a DNS subdomain). */
export const referenceName = fc.array(subdomainLabel, { minLength: 1, maxLength: 2 }).map((l) => l.join('.'));

export const env = fc.dictionary(envName, anyText.filter((v) => !holdsCredentials(v)), { maxKeys: 4 });
export const secretEnv = fc.dictionary(
  fc.stringMatching(/^[A-Z][A-Z0-9_]{0,10}$/).map((n) => `SECRET_${n}`),
  fc.record({ secretName: referenceName, key: fc.stringMatching(/^[-._a-zA-Z0-9]{1,20}$/) }),
  { maxKeys: 3 },
);
export const envFrom = fc.array(fc.tuple(fc.boolean(), referenceName, fc.option(fc.stringMatching(/^[A-Z_][A-Z0-9_]{0,6}$/), { nil: undefined }))
  .map(([cm, name, prefix]) => (cm ? EnvSource.fromConfigMap(name, prefix) : EnvSource.fromSecret(name, prefix))), { maxLength: 3 });

/** Config files: valid file names, any content (unicode and YAML-looking text included). */
export const config = fc.dictionary(
  fc.stringMatching(/^[-_a-zA-Z0-9][-._a-zA-Z0-9]{0,20}$/).filter((k) => k !== '.' && !k.startsWith('..')),
  fc.oneof({ weight: 9, arbitrary: anyText }, { weight: 1, arbitrary: fc.string({ minLength: 200, maxLength: 2000 }) }),
  { minKeys: 1, maxKeys: 3 },
);
export const mountPath = fc.constantFrom('/config', '/etc/app', '/srv/config/', '/opt/app/conf.d', '/tmp/config');

/** TLS of an Ingress. */
export const tls: fc.Arbitrary<IngressTls> = fc.oneof(
  fc.tuple(dnsLabel(20), fc.option(referenceName, { nil: undefined })).map(([issuer, secret]) => IngressTls.certManagerClusterIssuer(issuer, secret)),
  fc.tuple(dnsLabel(20), fc.option(referenceName, { nil: undefined })).map(([issuer, secret]) => IngressTls.certManagerIssuer(issuer, secret)),
  referenceName.map((secret) => IngressTls.existingSecret(secret)),
);

/** A namespace name (an RFC 1123 label). */
export const namespaceName = fc.stringMatching(/^[a-z0-9]([-a-z0-9]{0,10}[a-z0-9])?$/);

/** A taint toleration, as the API accepts it. */
const toleration = fc.oneof(
  fc.record({ key: labelKey, operator: fc.constant('Equal'), value: labelValue, effect: fc.constantFrom('NoSchedule', 'PreferNoSchedule', 'NoExecute') }),
  fc.record({ key: labelKey, operator: fc.constant('Exists') }, { requiredKeys: ['operator'] }),
  fc.record({ key: labelKey, effect: fc.constant('NoExecute'), tolerationSeconds: fc.integer({ min: 0, max: 3600 }) }),
);

/** Scheduling props (workloads) and defaults (PlatformDefaults). */
const scheduling = {
  nodeSelector: labels,
  tolerations: fc.array(toleration, { maxLength: 3 }),
  affinity: fc.constantFrom<any>(
    { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/arch', operator: 'In', values: ['amd64'] }] }] } } },
    { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 10, podAffinityTerm: { topologyKey: 'topology.kubernetes.io/zone', labelSelector: { matchLabels: { tier: 'db' } } } }] } },
    {},
  ),
  priorityClassName: referenceName.filter((n) => !n.startsWith('system-')),
};

/** An absolute URL path of a metrics endpoint, without dot segments. */
const metricsPath = fc.array(fc.stringMatching(/^[A-Za-z0-9_~-][A-Za-z0-9._~-]{0,8}$/), { maxLength: 3 }).map((segments) => `/${segments.join('/')}`);

/** A metrics endpoint: its port (checked against the app's ports in workloadOptions) and maybe a path. */
export const metrics: fc.Arbitrary<MetricsOptions> = fc.record({ port, path: metricsPath }, { requiredKeys: ['port'] });

/** A CIDR block a load balancer admits: an IPv4 network (every address included), or an IPv6 one. */
const sourceRange = fc.oneof(
  { weight: 4, arbitrary: ipv4Network() },
  { weight: 1, arbitrary: fc.constantFrom('0.0.0.0/0', '::/0', '2001:db8::/32', 'fd00::/8', '2001:db8:1::/48') },
);

/** The Service type: ClusterIP, or a load balancer with its ranges, a written reason and the controller's annotations. */
export const serviceType: fc.Arbitrary<ServiceType> = fc.oneof(
  fc.constant(ServiceType.CLUSTER_IP),
  fc.record({
    sourceRanges: fc.uniqueArray(sourceRange, { minLength: 1, maxLength: 3 }),
    reason: fc.string({ minLength: 10, maxLength: 60 }).filter((r) => r.trim().length >= 10),
    annotations: annotations,
  }, { requiredKeys: ['sourceRanges', 'reason'] }).map((o) => ServiceType.loadBalancer(o)),
);

/** The platform's monitoring: the Prometheus namespace, maybe its pods' labels, the Operator or not, maybe labels for the monitors. */
export const platformMonitoring: fc.Arbitrary<PlatformMonitoring> = fc.record({
  namespace: fc.stringMatching(/^[a-z0-9]([-a-z0-9]{0,10}[a-z0-9])?$/),
  podLabels: fc.dictionary(labelKey, labelValue, { minKeys: 1, maxKeys: 2, noNullPrototype: true }),
  prometheusOperator: fc.boolean(),
  monitorLabels: fc.dictionary(labelKey, labelValue, { maxKeys: 2, noNullPrototype: true }),
}, { requiredKeys: ['namespace'] }).map((m) => dropUndefined(m) as PlatformMonitoring);

const SCRAPE_ANNOTATIONS = ['prometheus.io/scrape', 'prometheus.io/port', 'prometheus.io/path', 'prometheus.io/scheme'];

/** Every workload option but the image, name and scale, each one present or not. */
export function workloadOptions(protocol: ApiProtocol = ApiProtocol.HTTP): fc.Arbitrary<WorkloadOptions> {
  return fc.record({
    port: port,
    portName: portName,
    servicePort: port,
    serviceType: serviceType,
    metrics: metrics,
    resources: resources,
    env: env,
    secretEnv: secretEnv,
    envFrom: envFrom,
    config: config,
    configMountPath: mountPath,
    command: fc.array(anyText, { maxLength: 3 }),
    args: fc.array(anyText, { maxLength: 3 }),
    labels: labels,
    annotations: annotations,
    // Null-prototype maps included (see the regression 'podAnnotations as a null-prototype object').
    podAnnotations: fc.tuple(annotations, fc.boolean()).map(([a, bare]) => (bare ? Object.assign(Object.create(null), a) : { ...a })),
    version: labelValue,
    component: labelValue,
    partOf: labelValue,
    security: security,
    rollout: rollout,
    shutdown: shutdown,
    tmpVolumeSize: fc.oneof(
      fc.integer({ min: 1, max: 4096 }).map((n) => Size.mebibytes(n)),
      fc.integer({ min: 1, max: 4 }).map((n) => Size.gibibytes(n)),
    ),
    ...scheduling,
    composition: podComposition,
  }, { requiredKeys: [] }).chain((options) => probes(protocol).map((p) => {
    const { composition, ...rest } = options;
    return { ...rest, ...composition, ...dropUndefined(p) } as WorkloadOptions;
  }))
    // env and secretEnv may not share a name.
    .filter((o) => Object.keys(o.env ?? {}).every((n) => !(n in (o.secretEnv ?? {}))))
    // The sidecars' ports differ from the app's; emptyDirs fit the pod.
    .filter((o) => emptyDirsFit(o)
      && (o.sidecars ?? []).every((c) => c.port !== (o.port ?? 8080) && c.name !== (o.portName ?? protocol.defaultPortName)))
    // The metrics port is a port of its own (the Service port 80 too: shapes that drop servicePort use it), never named by another port.
    .filter((o) => o.metrics === undefined || (![o.port ?? 8080, o.servicePort ?? 80, 80].includes(o.metrics.port) && o.portName !== 'metrics'
      && (o.sidecars ?? []).every((c) => c.port !== o.metrics!.port && c.name !== 'metrics')))
    // `metrics` writes the scrape annotations itself.
    .map((o) => (o.metrics === undefined || o.podAnnotations === undefined ? o : {
      ...o,
      podAnnotations: Object.fromEntries(Object.entries(o.podAnnotations).filter(([k]) => !SCRAPE_ANNOTATIONS.includes(k))),
    }));
}

/**
 * Sidecars, init containers and volumes that fit any workload shape, long-running or a job:
 * sidecars serve a port (so their default probes apply, and a job takes them without probes)
 * with at most a startup (TCP) and a liveness check of their own; init containers have no port
 * or probes; volumes are Secrets, ConfigMaps, many-writer or read-only claims and small
 * emptyDirs, shared between containers, each container mounting a subset under `/mnt`.
 */
export const podComposition: fc.Arbitrary<Pick<WorkloadOptions, 'sidecars' | 'initContainers' | 'volumes'>> = fc.record({
  names: fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9]{0,9}$/).filter((n) => n !== 'app'), { maxLength: 4 }),
  sidecarCount: fc.integer({ min: 0, max: 4 }),
  // One volume per object name (a ConfigMap with other items under the same name is another volume, refused).
  pool: fc.uniqueArray(fc.oneof(
    dnsLabel(20).map((n) => Volume.fromSecret(n)),
    fc.tuple(dnsLabel(20), fc.dictionary(fc.stringMatching(/^[a-z][a-z0-9.]{0,8}$/), fc.stringMatching(/^[a-z][a-z0-9]{0,6}(\/[a-z0-9]{1,6})?$/), { minKeys: 1, maxKeys: 2 }))
      .map(([n, items]) => Volume.fromConfigMap(n, { items })),
    fc.tuple(dnsLabel(20), fc.constantFrom('ReadWriteMany', 'ReadOnlyMany')).map(([n, accessMode]) => Volume.fromPersistentVolumeClaim(n, { accessMode })),
    fc.tuple(fc.integer({ min: 1, max: 16 }), fc.constantFrom(undefined, EmptyDirMedium.DISK, EmptyDirMedium.MEMORY))
      .map(([mib, medium]) => Volume.emptyDir({ sizeLimit: Size.mebibytes(mib), medium })),
  ), { maxLength: 4, selector: (v: any) => (v.sourceName === undefined ? v : `${v.kind}-${v.sourceName}`) }),
  picks: fc.array(fc.array(fc.tuple(fc.nat(), fc.option(fc.boolean(), { nil: undefined })), { maxLength: 3 }), { minLength: 5, maxLength: 5 }),
  sidecar: fc.array(fc.record({
    port: fc.integer({ min: 1, max: 65535 }),
    resources: fc.option(fc.constantFrom(ResourcePreset.XSMALL, ResourcePreset.SMALL), { nil: undefined }),
    env: fc.option(env, { nil: undefined }),
    args: fc.option(fc.array(anyText, { maxLength: 2 }), { nil: undefined }),
    startup: fc.boolean(),
    liveness: fc.boolean(),
  }), { minLength: 4, maxLength: 4 }),
}).map(({ names, sidecarCount, pool, picks, sidecar }) => {
  // Each container mounts distinct volumes of the pool, read-only where the volume must be.
  const mounts = (pick: Array<[number, boolean | undefined]>): VolumeMount[] | undefined => {
    const chosen = pool.length === 0 ? [] : [...new Set(pick.map(([i]) => i % pool.length))];
    const list = chosen.map((i, n) => {
      const readOnly = pick[n][1];
      const v = pool[i] as any;
      const fixedReadOnly = ['secret', 'configmap'].includes(v.kind) || v.options?.accessMode === 'ReadOnlyMany';
      return dropUndefined({ volume: pool[i], mountPath: `/mnt/v${i}`, readOnly: fixedReadOnly && readOnly === false ? undefined : readOnly });
    });
    return list.length > 0 ? list : undefined;
  };
  const imageOf = (n: string) => `ghcr.io/acme/${n}:1.0.${n.length}`;
  const sidecars: ContainerOptions[] = names.slice(0, sidecarCount).map((name, i) => dropUndefined({
    name,
    image: imageOf(name),
    // Ports from 40000 up never clash with each other; the app's port is filtered below.
    port: 40000 + (sidecar[i].port % 1000) * 4 + i,
    resources: sidecar[i].resources,
    env: sidecar[i].env,
    args: sidecar[i].args,
    startupProbe: sidecar[i].startup ? HealthCheck.tcpSocket() : undefined,
    livenessProbe: sidecar[i].liveness ? HealthCheck.httpGet('/alive') : undefined,
    volumes: mounts(picks[i + 1]),
  }));
  const initContainers: ContainerOptions[] = names.slice(sidecarCount).map((name, i) => dropUndefined({
    name, image: imageOf(name), command: ['/bin/setup'], volumes: mounts(picks[(sidecarCount + i + 1) % 5]),
  }));
  return dropUndefined({
    sidecars: sidecars.length > 0 ? sidecars : undefined,
    initContainers: initContainers.length > 0 ? initContainers : undefined,
    volumes: mounts(picks[0]),
  });
});

/** Whether the emptyDirs of the options fit the pod's ephemeral storage and memory, as the construct requires. */
function emptyDirsFit(o: WorkloadOptions): boolean {
  const all = [o.volumes ?? [], ...[...o.sidecars ?? [], ...o.initContainers ?? []].map((c) => c.volumes ?? [])].flat();
  const emptyDirs = [...new Set(all.map((m) => m.volume as any))].filter((v) => v.kind === 'emptyDir');
  if (emptyDirs.length === 0) {
    return true;
  }
  const values = (r: ResourcePreset | undefined) => (r ?? o.resources ?? ResourcePreset.SMALL)._values(undefined as any, 'resources');
  const app = values(o.resources);
  const sidecars = (o.sidecars ?? []).map((c) => values(c.resources));
  const storageLimit = sidecars.reduce((sum, v) => sum + v.storageLimit, app.storageLimit);
  const memory = sidecars.reduce((sum, v) => sum + v.memory, app.memory);
  const tmp = o.tmpVolumeSize?.toMebibytes() ?? 64;
  const size = (v: any) => v.options.sizeLimit.toMebibytes();
  const disk = emptyDirs.filter((v) => v.options.medium !== EmptyDirMedium.MEMORY).reduce((sum, v) => sum + size(v), tmp);
  const inMemory = emptyDirs.filter((v) => v.options.medium === EmptyDirMedium.MEMORY).reduce((sum, v) => sum + size(v), 0);
  return disk <= storageLimit && inMemory <= memory;
}

/** Removes keys whose value is undefined, as a caller leaving a prop out would. */
export function dropUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** Platform defaults for an App or a Chart; `registry` is allowed when given. */
export function platformDefaults(allowedRegistry?: string): fc.Arbitrary<PlatformDefaultsProps> {
  return fc.record({
    ingressClassName: referenceName,
    ingressControllerNamespace: namespaceName,
    tls: tls,
    labels: labels,
    resources: resources,
    allowedRegistries: fc.constant(allowedRegistry === undefined ? undefined : [allowedRegistry, 'registry.example.net']),
    cpuLimits: fc.oneof(fc.constant(CpuLimits.ENABLED), anyText.filter((s) => s.trim().length >= 10).map((r) => CpuLimits.disabled(r))),
    ...scheduling,
    securityPreset: fc.constantFrom(SecurityPreset.RESTRICTED, SecurityPreset.PLATFORM_ASSIGNED),
    dns: fc.oneof(
      fc.constantFrom(ClusterDns.KUBE_DNS, ClusterDns.OPENSHIFT, ClusterDns.ipBlock('169.254.20.10/32')),
      fc.tuple(namespaceName, labels.filter((l) => Object.keys(l).length > 0), fc.integer({ min: 1, max: 65535 }))
        .map(([ns, l, p]) => ClusterDns.pods(ns, l, [NetworkPort.udp(p), NetworkPort.tcp(p)])),
    ),
    apiServer: fc.record({
      cidrs: fc.constantFrom(['10.0.0.10/32'], ['172.16.0.0/28', '172.16.1.0/28'], ['2001:db8::10/128']),
      port: fc.constantFrom(443, 6443),
    }),
    gateway: platformGateway,
    monitoring: platformMonitoring,
  }, { requiredKeys: [] }).map((p) => dropUndefined(p) as PlatformDefaultsProps);
}

/** A path prefix routed to a service: `/`, or absolute segments without a trailing slash. */
export const pathPrefix: fc.Arbitrary<string> = fc.oneof(
  fc.constant('/'),
  fc.array(fc.stringMatching(/^[A-Za-z0-9_~-][A-Za-z0-9._~-]{0,8}$/).filter((seg) => seg !== '.' && seg !== '..'), { minLength: 1, maxLength: 3 })
    .map((segments) => `/${segments.join('/')}`),
);

/** The platform's Gateway: name and namespace, optionally a listener and a data-plane namespace. */
export const platformGateway: fc.Arbitrary<PlatformGateway> = fc.record({
  name: referenceName,
  namespace: namespaceName,
  sectionName: referenceName,
  controllerNamespace: namespaceName,
}, { requiredKeys: ['name', 'namespace'] }).map((g) => dropUndefined(g) as PlatformGateway);

/** The registry prefix of an image, for allowedRegistries. */
export function registryOf(img: string): string | undefined {
  const slash = img.lastIndexOf('/');
  return slash < 0 ? undefined : img.slice(0, slash);
}

/** A namespace quota big enough for anything the workload arbitraries generate. */
export const HUGE_QUOTA = NamespaceQuota.custom({
  cpuRequests: Cpu.units(100000),
  cpuLimits: Cpu.units(1000000),
  memory: Size.gibibytes(100000),
  ephemeralStorageRequests: Size.gibibytes(100000),
  ephemeralStorageLimits: Size.gibibytes(200000),
  pods: 100000,
  services: 1000,
});

// ---------------------------------------------------------------------------------------------
// Invalid values
// ---------------------------------------------------------------------------------------------

/** Values of the wrong JavaScript type for most props (a JavaScript or jsii caller can pass any). */
export const notAString: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(NaN, Infinity, -Infinity, 0, -1, 1.5, true, false, Symbol('s'), 10n, () => 'x', new Date(0), Object.create(null), [], {}),
  fc.integer(),
  fc.array(fc.string(), { minLength: 1, maxLength: 2 }),
  fc.object({ maxDepth: 1, maxKeys: 2 }),
);
export const notANumber: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(NaN, Infinity, -Infinity, '8080', '', true, false, Symbol('n'), 10n, () => 1, [], {}, [80], new Number(80)),
  fc.string({ maxLength: 5 }),
);
/** Wrong types for an optional options object: anything but an object (null means "not given"). */
export const notAnObject: fc.Arbitrary<unknown> = fc.constantFrom('fast', '', 0, 42, NaN, true, false, Symbol('o'), 10n, ['x'], [1]);

/** Text no name, host or label may be: empty, blank, unicode, control characters, very long. */
export const badText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('', ' ', '\t', '\n', 'UPPER', 'with space', 'ünïcödé', '🚀', 'a\u0000b', 'a/b', 'a:b', '-lead', 'trail-', '.', '..', 'a..b', 'a_b', '\u200b'),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }).map((s) => `x${s}é`),
  fc.integer({ min: 64, max: 5000 }).map((n) => 'a'.repeat(n)),
  fc.integer({ min: 300, max: 2000 }).map((n) => `${'abcdefgh.'.repeat(Math.ceil(n / 9))}com`),
);

/** An integer outside [min, max], a fraction, or a non-finite number. */
export function outOfRange(min: number, max: number): fc.Arbitrary<number> {
  return fc.oneof(
    fc.integer({ min: min - 1000, max: min - 1 }),
    fc.integer({ min: max + 1, max: max + 100000 }),
    fc.constantFrom(min - 0.5, min + 0.5, NaN, Infinity, -Infinity, Number.MAX_SAFE_INTEGER + 2, -0.0001, 1e21),
    fc.double({ min: min, max: max, noNaN: true }).filter((d) => !Number.isInteger(d)),
  ).filter((n) => !(Number.isInteger(n) && n >= min && n <= max));
}

// ---------------------------------------------------------------------------------------------
// Network peers and grants
// ---------------------------------------------------------------------------------------------

/** An IPv4 network in CIDR notation (no host bits), any prefix length from 0 to 32. */
function ipv4Network(): fc.Arbitrary<string> {
  return fc.tuple(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 32 })).map(([address, prefix]) => {
    const block = 2 ** (32 - prefix);
    const network = Math.floor(address / block) * block;
    return `${[24, 16, 8, 0].map((s) => Math.floor(network / 2 ** s) % 256).join('.')}/${prefix}`;
  });
}

/**
 * An IPv4 network in CIDR notation (no host bits), and `except` ranges strictly inside it; never
 * every address (`/0` needs a written reason) nor a range that lets the cloud metadata address through.
 */
export const ipv4Block: fc.Arbitrary<{ cidr: string; except?: string[] }> = fc.record({
  address: fc.integer({ min: 0, max: 0xffffffff }),
  prefix: fc.integer({ min: 0, max: 31 }),
  excepts: fc.array(fc.record({ bits: fc.integer({ min: 0, max: 0xffffffff }), extra: fc.integer({ min: 1, max: 32 }) }), { maxLength: 2 }),
}).map(({ address, prefix, excepts }) => {
  // Arithmetic, not bitwise operators (32-bit signed in JavaScript, and refused by the linter).
  const block = (p: number) => 2 ** (32 - p);
  const net = (addr: number, p: number) => Math.floor(addr / block(p)) * block(p);
  const text = (addr: number) => [24, 16, 8, 0].map((s) => Math.floor(addr / 2 ** s) % 256).join('.');
  const network = net(address, prefix);
  const except = [...new Set(excepts.map(({ bits, extra }) => {
    const p = Math.min(32, prefix + extra);
    const inside = network + (bits % block(prefix));
    return `${text(net(inside, p))}/${p}`;
  }))];
  return { cidr: `${text(network)}/${prefix}`, except: except.length > 0 ? except : undefined };
}).filter((b) => !b.cidr.endsWith('/0') && metadataAddressIn(b.cidr, b.except) === undefined);

/** What a test does to a golden workload after creating it: allow peers, grant reads. */
export type Wiring = { kind: 'allowFrom'; peer: () => INetworkPeer }
| { kind: 'allowTo'; peer: () => INetworkPeer }
| { kind: 'grant'; resource: ApiResource; names?: string[]; watch?: boolean };

const podLabels = fc.dictionary(labelKey, labelValue, { minKeys: 1, maxKeys: 2, noNullPrototype: true });
const networkPortList = fc.array(fc.tuple(fc.boolean(), port), { minLength: 1, maxLength: 3 });

/**
 * Wiring with peers that are not golden workloads: namespaces and pods elsewhere (a namespace the
 * app emits no workload into is not judged), IP blocks, and read grants on named objects.
 */
export const externalWiring: fc.Arbitrary<Wiring[]> = fc.array(fc.oneof(
  namespaceName.map((ns) => ({ kind: 'allowFrom' as const, ns })),
  // Plain objects: a null-prototype label map crashes the synth (see the regression 'NetworkPeer.pods with null-prototype labels').
  fc.tuple(podLabels, namespaceName).map(([l, ns]) => ({ kind: 'allowFromPods' as const, l, ns })),
  fc.tuple(ipv4Block, networkPortList).map(([b, ports]) => ({ kind: 'allowToIp' as const, b, ports })),
  fc.tuple(namespaceName, networkPortList).map(([ns, ports]) => ({ kind: 'allowToNs' as const, ns, ports })),
  fc.tuple(podLabels, networkPortList).map(([l, ports]) => ({ kind: 'allowToPods' as const, l, ports })),
  fc.tuple(fc.constantFrom('CONFIG_MAPS', 'SECRETS', 'PODS', 'SERVICES', 'ENDPOINT_SLICES', 'LEASES', 'EVENTS', 'DEPLOYMENTS', 'PODS_LOG'),
    fc.option(fc.array(referenceName, { minLength: 1, maxLength: 2 }), { nil: undefined }), fc.boolean())
    .map(([r, names, watch]) => ({ kind: 'grant' as const, r, names, watch })),
), { maxLength: 4 }).map((ops) => ops
  // Every Secret of the namespace needs an acknowledgement: grant Secrets by name only here.
  .filter((op) => !(op.kind === 'grant' && op.r === 'SECRETS' && op.names === undefined))
  .map((op): Wiring => {
    const ports = (list: Array<[boolean, number]>) => list.map(([udp, p]) => (udp ? NetworkPort.udp(p) : NetworkPort.tcp(p)));
    switch (op.kind) {
      case 'allowFrom': return { kind: 'allowFrom', peer: () => NetworkPeer.namespace(op.ns) };
      // 'elsewhere-' namespaces hold no workload of the app, so label peers there are not judged.
      case 'allowFromPods': return { kind: 'allowFrom', peer: () => NetworkPeer.pods(op.l, { namespace: `elsewhere-${op.ns}` }) };
      case 'allowToIp': return { kind: 'allowTo', peer: () => NetworkPeer.ipBlock(op.b.cidr, ports(op.ports), op.b.except) };
      case 'allowToNs': return { kind: 'allowTo', peer: () => NetworkPeer.namespace(op.ns, ports(op.ports)) };
      case 'allowToPods': return { kind: 'allowTo', peer: () => NetworkPeer.pods(op.l, { namespace: 'elsewhere', ports: ports(op.ports) }) };
      default: return { kind: 'grant', resource: ApiResource[op.r], names: op.names, watch: op.watch };
    }
  }));

/** Applies wiring to a golden construct. */
export function wire(target: Construct & { allowFrom(...p: any[]): void; allowTo(...p: any[]): void; grantRead(r: any, o?: any): void },
  wiring: Wiring[]): void {
  if (wiring.some((w) => w.kind === 'grant')) {
    // Grants need the API server's address, which the platform declares.
    PlatformDefaults.set(Chart.of(target), { apiServer: TEST_API_SERVER });
  }
  for (const w of wiring) {
    if (w.kind === 'allowFrom') {
      target.allowFrom(w.peer());
    } else if (w.kind === 'allowTo') {
      target.allowTo(w.peer());
    } else {
      target.grantRead(w.resource, dropUndefined({ names: w.names, watch: w.watch }));
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Invalid props, one field at a time
// ---------------------------------------------------------------------------------------------

/** One prop set to a value outside its domain; `hint` is what the error must mention. */
export interface Mutation {
  readonly field: string;
  readonly value: unknown;
  readonly hint: string;
}

export function mutation(field: string, values: fc.Arbitrary<unknown>, hint: string = field): fc.Arbitrary<Mutation> {
  return values.map((value) => ({ field, value, hint }));
}

const isSubdomain = (s: string) => s.length > 0 && s.length <= 253 && s.split('.').every((l) => /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(l));
/** Text that is not a DNS subdomain (ConfigMap, Secret, IngressClass names). */
export const badReference = badText.filter((s) => !isSubdomain(s));
const badLabelValue = fc.oneof(badText, fc.constantFrom('-x', 'x-', '_x', 'x.', 'a b', 'ä')).filter((s) => !(s.length <= 63 && LABEL_VALUE.test(s) && s !== ''));
const d = (s: number) => Duration.seconds(s);

/** Invalid values for each field of WorkloadOptions and the image. */
export const workloadMutation: fc.Arbitrary<Mutation> = fc.oneof(
  mutation('image', fc.oneof(
    fc.constantFrom(undefined, null, 'nginx', 'nginx:latest', 'ghcr.io/acme/app', 'app:', 'app@sha256:abc', 'APP:1.0', 'app:1.0 ', ' app:1.0',
      'app:-1', `app:${'a'.repeat(129)}`, 'app:1.0_', `app:${'1'.repeat(64)}`, 'http://ghcr.io/app:1', 'app:1.0:2', 'app:😀'),
    notAString, badText)),
  mutation('name', fc.oneof(notAString.filter((v) => v !== undefined), badText, fc.constantFrom('1abc', 'a'.repeat(64), 'Storefront', 'web_1'))),
  mutation('port', fc.oneof(outOfRange(1, 65535), notANumber)),
  mutation('servicePort', fc.oneof(outOfRange(1, 65535), notANumber)),
  mutation('metrics', fc.oneof(
    notAnObject,
    fc.constant({}),
    fc.oneof(outOfRange(1, 65535), notANumber).map((p) => ({ port: p })),
    fc.constantFrom('', 'metrics', '/a b', '/metrics?x=1', '/metrics#top', '/a/../b', '/./m', '/ü', 5, null).map((p) => ({ port: 9090, path: p })),
  )),
  mutation('serviceType', fc.oneof(
    notAnObject,
    fc.constantFrom('LoadBalancer', 'NodePort', { type: 'LoadBalancer' }),
    fc.constantFrom<any>(
      { sourceRanges: [], reason: 'partners connect directly' },
      { sourceRanges: ['203.0.113.7'], reason: 'partners connect directly' },
      { sourceRanges: ['203.0.113.7/24'], reason: 'partners connect directly' },
      { sourceRanges: ['203.0.113.0/24', '203.0.113.0/24'], reason: 'partners connect directly' },
      { sourceRanges: 'all', reason: 'partners connect directly' },
      { sourceRanges: ['203.0.113.0/24'], reason: '' },
      { sourceRanges: ['203.0.113.0/24'], reason: 'too short' },
      { sourceRanges: ['203.0.113.0/24'], reason: '          ' },
      { sourceRanges: ['203.0.113.0/24'], reason: 'partners connect directly', annotations: { 'bad key!': 'x' } },
      { sourceRanges: ['203.0.113.0/24'], reason: 'partners connect directly', annotations: { 'ack.cdk8s-golden.io/service-type': 'x' } },
    ).map((o) => ServiceType.loadBalancer(o)),
  )),
  mutation('portName', fc.oneof(notAString, badText, fc.constantFrom('http--x', '123', 'abcdefghijklmnop', '-http', 'HTTP', ''))),
  mutation('replicas', fc.oneof(outOfRange(2, 10000), notANumber)),
  mutation('autoscaling', fc.oneof(
    notAnObject,
    outOfRange(1, 1000).map((maxReplicas) => ({ maxReplicas })),
    fc.constantFrom({}, { minReplicas: 1, maxReplicas: 5 }, { minReplicas: 5, maxReplicas: 5 }, { minReplicas: 6, maxReplicas: 5 }, { maxReplicas: '10' }),
    outOfRange(1, 100).map((cpuUtilizationPercent) => ({ maxReplicas: 10, cpuUtilizationPercent })),
    outOfRange(1, 100).map((memoryUtilizationPercent) => ({ maxReplicas: 10, memoryUtilizationPercent })),
  )),
  mutation('resources', fc.oneof(
    notAnObject,
    fc.constant({}),
    fc.constantFrom(
      () => ResourcePreset.custom({ cpuRequest: Cpu.millis(0), memory: Size.mebibytes(128) }),
      () => ResourcePreset.custom({ cpuRequest: Cpu.millis(-5), memory: Size.mebibytes(128) }),
      () => ResourcePreset.custom({ cpuRequest: Cpu.millis(0.5), memory: Size.mebibytes(128) }),
      () => ResourcePreset.custom({ cpuRequest: Cpu.units(0), memory: Size.mebibytes(128) }),
      () => ResourcePreset.custom({ cpuRequest: Cpu.units(0.0001), memory: Size.mebibytes(128) }),
      () => ResourcePreset.custom({ cpuRequest: Cpu.millis(NaN), memory: Size.mebibytes(128) }),
      () => ResourcePreset.custom({ cpuRequest: Cpu.millis(100), memory: Size.mebibytes(0) }),
      () => ResourcePreset.custom({ cpuRequest: Cpu.millis(100), memory: Size.kibibytes(1) }),
      () => ResourcePreset.custom({ cpuRequest: Cpu.millis(500), cpuLimit: Cpu.millis(100), memory: Size.mebibytes(128) }),
      () => ResourcePreset.custom({
        cpuRequest: Cpu.millis(100),
        memory: Size.mebibytes(128),
        ephemeralStorageRequest: Size.mebibytes(512),
        ephemeralStorageLimit: Size.mebibytes(100),
      }),
      () => ResourcePreset.custom({ cpuRequest: '100m' as any, memory: Size.mebibytes(128) }),
      () => ResourcePreset.custom({ cpuRequest: Cpu.millis(100), memory: 128 as any }),
      () => ResourcePreset.custom(undefined as any),
      () => ResourcePreset.custom(null as any),
    ).map((f) => f()),
  )),
  ...(['startupProbe', 'readinessProbe', 'livenessProbe'] as const).map((field) => mutation(field, fc.oneof(
    notAnObject,
    fc.constant({}),
    fc.constantFrom(
      () => HealthCheck.httpGet(''), () => HealthCheck.httpGet('no-slash'), () => HealthCheck.httpGet('/with space'), () => HealthCheck.httpGet('/ü'),
      () => HealthCheck.httpGet(42 as any), () => HealthCheck.httpGet(undefined as any), () => HealthCheck.exec([]), () => HealthCheck.exec('ls' as any),
      () => HealthCheck.exec([1] as any), () => HealthCheck.exec(null as any),
      () => HealthCheck.httpGet('/p', { period: d(0) }), () => HealthCheck.httpGet('/p', { period: Duration.millis(1500) }),
      () => HealthCheck.httpGet('/p', { period: d(2), timeout: d(3) }), () => HealthCheck.httpGet('/p', { failureThreshold: 0 }),
      () => HealthCheck.httpGet('/p', { failureThreshold: 1001 }), () => HealthCheck.httpGet('/p', { failureThreshold: NaN }),
      () => HealthCheck.httpGet('/p', { period: 5 as any }),
      () => HealthCheck.httpGet('/p', { timeout: d(3601), period: d(3601) }), () => HealthCheck.tcpSocket({ period: d(Infinity) }),
    ).map((f) => f()),
  ), field.replace('Probe', ''))),
  // Readiness and liveness set to the same check (applyMutation sets both).
  mutation('sameProbes', fc.constantFrom(HealthCheck.httpGet('/same'), HealthCheck.tcpSocket(), HealthCheck.exec(['check'])), 'livenessProbe'),
  mutation('env', fc.oneof(
    notAnObject,
    fc.constantFrom({ 'BAD NAME': 'x' }, { '1X': 'x' }, { DB_PASSWORD: 'x' }, { API_KEY: 'k' }, { X: 5 }, { X: null }, { '': 'x' }, { X: undefined }, { ü: 'x' }),
  )),
  mutation('secretEnv', fc.oneof(
    notAnObject,
    fc.constantFrom({ X: null }, { X: 'str' }, { X: { secretName: '', key: 'k' } }, { X: { secretName: 'ok', key: 'bad key' } },
      { X: { secretName: 'Bad', key: 'k' } }, { X: { secretName: 'ok' } }, { 'BAD NAME': { secretName: 'ok', key: 'k' } }, { X: { secretName: 'ok', key: '' } }),
  )),
  mutation('envFrom', fc.oneof(
    fc.constantFrom('x', 5, true, {}, Symbol('e')),
    fc.constantFrom([null], ['x'], [{}], [5]),
    fc.constantFrom(() => [EnvSource.fromConfigMap('')], () => [EnvSource.fromSecret('Bad_Name')], () => [EnvSource.fromConfigMap('ok', '1bad')],
      () => [EnvSource.fromConfigMap('ok', 5 as any)], () => [EnvSource.fromConfigMap(undefined as any)]).map((f) => f()),
  )),
  mutation('sidecars', fc.oneof(
    notAnObject,
    fc.constantFrom(
      () => [null], () => [{}], () => [{ name: 'app', image: 'ghcr.io/acme/proxy:1.0.0', port: 9000 }],
      () => [{ name: 'proxy', image: 'ghcr.io/acme/proxy:latest', port: 9000 }], () => [{ name: 'Proxy', image: 'ghcr.io/acme/proxy:1.0.0', port: 9000 }],
      () => [{ name: 'proxy', image: 'ghcr.io/acme/proxy:1.0.0' }], () => [{ name: 'proxy', image: 'ghcr.io/acme/proxy:1.0.0', port: 70000 }],
      () => [{ name: 'proxy', image: 'ghcr.io/acme/proxy:1.0.0', port: 9000, portName: 'HTTP' }],
      () => [{ name: 'proxy', image: 'ghcr.io/acme/proxy:1.0.0', port: 9000 }, { name: 'proxy', image: 'ghcr.io/acme/proxy:1.0.0', port: 9001 }],
      () => [{ name: 'proxy', image: 'ghcr.io/acme/proxy:1.0.0', port: 9000, readinessProbe: HealthCheck.httpGet('/x'), livenessProbe: HealthCheck.httpGet('/x') }],
      () => [{ name: 'proxy', image: 'ghcr.io/acme/proxy:1.0.0', port: 9000, env: { API_TOKEN: 'x' } }],
      () => [{ name: 'proxy', image: 'ghcr.io/acme/proxy:1.0.0', port: 9000, resources: 'small' }],
    ).map((f) => f()),
  )),
  mutation('initContainers', fc.oneof(
    notAnObject,
    fc.constantFrom(
      () => [{ name: 'setup', image: 'ghcr.io/acme/setup:1.0.0', port: 9000 }],
      () => [{ name: 'setup', image: 'ghcr.io/acme/setup:1.0.0', readinessProbe: HealthCheck.exec(['x']) }],
      () => [{ name: 'setup', image: 'setup' }], () => [{ name: 'setup', image: 'ghcr.io/acme/setup:1.0.0', command: 'x' }],
      () => [{ name: '', image: 'ghcr.io/acme/setup:1.0.0' }], () => [{ name: 'setup', image: 'ghcr.io/acme/setup:1.0.0', volumes: 'x' }],
    ).map((f) => f()),
  )),
  mutation('volumes', fc.oneof(
    notAnObject,
    fc.constantFrom(
      () => [null], () => [{ volume: {}, mountPath: '/x' }], () => [{ volume: Volume.fromSecret('s'), mountPath: '/tmp/x' }],
      () => [{ volume: Volume.fromSecret('s'), mountPath: 'relative' }], () => [{ volume: Volume.fromSecret('s'), mountPath: '/' }],
      () => [{ volume: Volume.fromSecret('s'), mountPath: '/s', readOnly: false }], () => [{ volume: Volume.fromSecret('s'), mountPath: '/s', readOnly: 'yes' }],
      () => [{ volume: Volume.fromSecret('Bad_Name'), mountPath: '/s' }], () => [{ volume: Volume.fromConfigMap('c', { items: { k: '/abs' } }), mountPath: '/c' }],
      () => [{ volume: Volume.fromPersistentVolumeClaim('c'), mountPath: '/c' }],
      () => [{ volume: Volume.fromPersistentVolumeClaim('c', { accessMode: 'ReadWriteOncePod' }), mountPath: '/c' }],
      () => [{ volume: Volume.fromPersistentVolumeClaim('c', { accessMode: 'Sometimes' }), mountPath: '/c' }],
      () => [{ volume: Volume.emptyDir({ sizeLimit: Size.gibibytes(100) }), mountPath: '/e' }],
      () => [{ volume: Volume.emptyDir({ name: 'tmp' }), mountPath: '/e' }],
      () => [{ volume: Volume.emptyDir({ name: 'x' }), mountPath: '/a' }, { volume: Volume.fromSecret('s', { name: 'x' }), mountPath: '/b' }],
      () => [{ volume: Volume.emptyDir(), mountPath: '/a' }, { volume: Volume.fromSecret('s'), mountPath: '/a/b' }],
    ).map((f) => f()),
  )),
  mutation('config', fc.oneof(
    notAnObject,
    fc.constantFrom({}, { 'bad/key': 'x' }, { '..x': 'x' }, { '.': 'x' }, { a: 5 }, { 'a b': 'x' }, { ü: 'x' }, { [`${'k'.repeat(254)}`]: 'x' }),
    fc.constant({ 'big.txt': 'x'.repeat(1_100_000) }),
  )),
  mutation('configMountPath', fc.oneof(notAString, fc.constantFrom('', 'relative', '/', '/tmp', '/tmp/', 'with space', '/with space', ' /config'))),
  mutation('command', fc.oneof(fc.constantFrom('ls', 5, {}, [1], [null], [undefined], Symbol('c')))),
  mutation('args', fc.oneof(fc.constantFrom('--x', 5, {}, [1], [null], [true]))),
  ...(['labels', 'annotations', 'podAnnotations'] as const).map((field) => mutation(field, fc.oneof(
    notAnObject,
    fc.constantFrom({ 'bad key!': 'x' }, { k: 5 }, { '': 'x' }, { 'a/b/c': 'x' }, { '/x': 'x' }, { [`${'p'.repeat(254)}/x`]: 'x' }, { [`${'k'.repeat(64)}`]: 'x' }, { k: null }),
    ...(field === 'labels' ? [fc.constantFrom({ 'app.kubernetes.io/name': 'x' }, { 'app.kubernetes.io/version': '1' }), badLabelValue.map((v) => ({ 'acme.com/team': v }))] : []),
  ))),
  ...(['version', 'component', 'partOf'] as const).map((field) => mutation(field, fc.oneof(notAString.filter((v) => v !== undefined), badLabelValue))),
  mutation('security', fc.oneof(
    outOfRange(10000, 2147483647).map((runAsUser) => ({ runAsUser })),
    outOfRange(10000, 2147483647).map((runAsGroup) => ({ runAsGroup })),
    fc.constantFrom({ runAsUser: 0 }, { runAsGroup: 999 }, { runAsUser: '10001' }),
  )),
  mutation('rollout', fc.oneof(
    outOfRange(0, 100).map((maxSurgePercent) => ({ maxSurgePercent })),
    outOfRange(0, 100).map((maxUnavailablePercent) => ({ maxUnavailablePercent })),
    outOfRange(0, 100).map((revisionHistoryLimit) => ({ revisionHistoryLimit })),
    fc.constantFrom({ maxSurgePercent: 0, maxUnavailablePercent: 0 }, { maxSurgePercent: 0 }, { minReady: 5 }, { minReady: Duration.millis(1500) },
      { minReady: d(3601) }, { minReady: d(100), progressDeadline: d(100) }, { progressDeadline: d(0) }, { progressDeadline: d(86401) }, { progressDeadline: 'PT10M' }),
  )),
  mutation('shutdown', fc.oneof(
    fc.constantFrom({ preStopDelay: d(0) }, { preStopDelay: d(301) }, { preStopDelay: d(40) }, { preStopDelay: d(10), terminationGracePeriod: d(10) },
      { terminationGracePeriod: d(3601) }, { preStopDelay: 5 }, { terminationGracePeriod: d(1.5) }, { preStopDelay: Duration.millis(NaN) }),
  )),
  mutation('nodeSelector', fc.constantFrom<any>('pool=web', { 'a b': 'c' }, { pool: 'web pool' }, [])),
  mutation('tolerations', fc.constantFrom<any>({}, ['dedicated'], [{ operator: 'Equal' }], [{ key: 'a', operator: 'Exists', value: 'b' }],
    [{ key: 'a', effect: 'NoRun' }], [{ key: 'a', operator: 'Like' }], [{ key: 'a', tolerationSeconds: 5 }])),
  mutation('affinity', fc.constantFrom<any>('zone', [], { nodeAfinity: {} })),
  mutation('priorityClassName', fc.constantFrom<any>('system-node-critical', 'system-cluster-critical', 'Business', '', 7)),
  mutation('tmpVolumeSize', fc.oneof(fc.constantFrom(64, '64Mi', true, {}, Symbol('t'), [64]),
    fc.constantFrom(() => Size.mebibytes(0), () => Size.kibibytes(100), () => Size.mebibytes(NaN), () => Size.mebibytes(1.5)).map((f) => f()))),
);

/**
 * Props with one mutation applied, judged on its own: a conflicting prop that would be blamed
 * instead (replicas with autoscaling, the other probe of a pair) is removed.
 */
export function applyMutation<T extends object>(props: T, m: Mutation): T {
  const out: any = { ...props };
  // A tag that is no label value is refused only when it becomes the version label.
  if (m.field === 'image') delete out.version;
  if (m.field === 'replicas') delete out.autoscaling;
  if (m.field === 'autoscaling') delete out.replicas;
  if (m.field === 'readinessProbe') delete out.livenessProbe;
  if (m.field === 'livenessProbe') delete out.readinessProbe;
  if (m.field === 'sameProbes') {
    out.readinessProbe = m.value;
    out.livenessProbe = m.value;
  } else {
    out[m.field] = m.value;
  }
  return out;
}
