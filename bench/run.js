#!/usr/bin/env node
// Synth benchmarks of cdk8s-golden. See bench/README.md.
//
//   node bench/run.js [--runs 5] [--quick] [--only a,b,...] [--no-build] [--json out.json]
//   (groups a..g; --check-docs N sets the documents of e, and of each side of g)
//
// Every measurement is a fresh `node` process (bench/case.js): whole-process wall time measured
// here, peak RSS from `/usr/bin/time -v` (or the child's process.resourceUsage().maxRSS).
// Cases are interleaved (run 1 of every case, then run 2 of every case, ...) and medians reported,
// so that load from other processes on the machine spreads evenly over the cases.
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const CASE = path.join(__dirname, 'case.js');
const TIME = '/usr/bin/time';

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
const RUNS = Number(option('--runs', '5'));
const QUICK = flag('--quick');
const ONLY = option('--only', undefined)?.split(',');
const CHECK_DOCS = Number(option('--check-docs', '10000'));
// a case whose first run takes longer than this is not repeated (its median is that one run)
const SLOW_MS = Number(option('--slow-ms', '60000'));
// do not run `sync` before each measurement (see settleDisk)
const NO_SETTLE = flag('--no-settle');
// The environment of every measured process. NODE_EXTRA_CA_CERTS is left out unless
// --keep-ca-certs is given: node reads that certificate bundle when it starts (on this VM it made
// an empty node process take 80-140 ms instead of 20-30 ms), and no case makes a TLS connection.
// When it is set, case `node-ca` measures an empty node process with it, in the same run.
const KEEP_CA = flag('--keep-ca-certs');
const CHILD_ENV = { ...process.env };
if (!KEEP_CA) {
  delete CHILD_ENV.NODE_EXTRA_CA_CERTS;
}

// ---------------------------------------------------------------- build
function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

function ensureLib() {
  const index = path.join(ROOT, 'lib', 'index.js');
  const fresh = fs.existsSync(index) && fs.statSync(index).mtimeMs >= newestMtime(path.join(ROOT, 'src'));
  if (fresh || flag('--no-build')) {
    console.log(fresh ? 'lib/ is up to date with src/' : 'lib/ is older than src/ (--no-build given: using it as is)');
    return;
  }
  console.log('lib/ is missing or older than src/: npx jsii --silence-warnings=reserved-word');
  const r = spawnSync('npx', ['jsii', '--silence-warnings=reserved-word'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) {
    if (!fs.existsSync(index)) {
      console.error('jsii failed and there is no lib/: cannot run the benchmark');
      process.exit(1);
    }
    console.warn('WARNING: jsii failed; measuring the existing (older) lib/');
  }
}

// ---------------------------------------------------------------- measurement
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'golden-bench-'));
process.on('exit', () => fs.rmSync(work, { recursive: true, force: true }));
let seq = 0;

/**
 * Lets each measurement start on a quiet disk: `sync` writes out what earlier measurements wrote.
 * Their output folders are only deleted when the whole run ends: on this kind of VM (ext4
 * mounted with `discard`), deleting 1,000 files made the next process's 1,000 file creations up
 * to 10x slower (20-60 ms became 200-350 ms), which charged one case's clean-up to the next case.
 */
function settleDisk() {
  if (!NO_SETTLE) spawnSync('sync');
}

function measure(kind, n, extra, env = CHILD_ENV) {
  settleDisk();
  // check reads the folder `extra`; diff reads the folders extra[0] (OLD) and extra[1] (NEW)
  const outdir = kind === 'diff' ? extra[0] : extra === undefined || kind !== 'check' ? path.join(work, `out-${seq++}`) : extra;
  const childArgs = [CASE, kind, String(n), outdir, ...(kind === 'diff' ? [extra[1]] : extra !== undefined && kind !== 'check' ? [extra] : [])];
  const useTime = fs.existsSync(TIME);
  const start = process.hrtime.bigint();
  const r = useTime
    ? spawnSync(TIME, ['-v', process.execPath, ...childArgs], { encoding: 'utf8', maxBuffer: 1 << 28, env })
    : spawnSync(process.execPath, childArgs, { encoding: 'utf8', maxBuffer: 1 << 28, env });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  const lines = r.stdout.trim().split('\n');
  let child;
  try {
    child = JSON.parse(lines[lines.length - 1]);
  } catch {
    throw new Error(`case ${kind} ${n} ${extra ?? ''} failed (exit ${r.status}):\n${r.stderr.slice(-3000)}`);
  }
  const rss = useTime ? /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr) : undefined;
  return { wallMs, maxRssKb: rss ? Number(rss[1]) : child.maxRssKb, child };
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

// ---------------------------------------------------------------- fixtures
function yamlOfCdk8s() {
  return require(require.resolve('yaml', { paths: [path.dirname(require.resolve('cdk8s', { paths: [ROOT] }))] }));
}

/** The documents of one WebService svc-0, as JSON: the template of case b. */
function makeTemplate() {
  const file = path.join(work, 'template.json');
  const r = spawnSync(process.execPath, [CASE, 'template', '1', file], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`template failed:\n${r.stderr}`);
  return file;
}

/** `count` documents (WebService manifests) in files of 60 documents, in a fresh folder. */
function makeCheckInput(template, count) {
  const YAML = yamlOfCdk8s();
  const dir = path.join(work, 'check-input');
  fs.mkdirSync(dir);
  const text = fs.readFileSync(template, 'utf8');
  let docs = [];
  let written = 0;
  let file = 0;
  for (let i = 0; written + docs.length < count; i++) {
    docs.push(...JSON.parse(text.replace(/svc-0/g, `svc-${i}`)));
  }
  docs = docs.slice(0, count);
  for (let i = 0; i < docs.length; i += 60) {
    const chunk = docs.slice(i, i + 60);
    fs.writeFileSync(path.join(dir, `apps-${String(file++).padStart(4, '0')}.yaml`),
      chunk.map((d) => YAML.stringify(d, { lineWidth: 0, version: '1.1' })).join('---\n'));
    written += chunk.length;
  }
  return dir;
}

/**
 * NEW for case g: the documents of `dir` (case e's input) with every image bumped from 1.0.0 to
 * 1.0.1 (a change every rule passes), in a fresh folder with the same file names.
 */
function makeDiffInput(dir) {
  const next = path.join(work, 'diff-new');
  fs.mkdirSync(next);
  for (const file of fs.readdirSync(dir)) {
    fs.writeFileSync(path.join(next, file), fs.readFileSync(path.join(dir, file), 'utf8').replace(/:1\.0\.0\b/g, ':1.0.1'));
  }
  return next;
}

/** Checks that case b writes exactly the bytes of case a (same documents, same file). */
function verifyFloor(template) {
  const a = path.join(work, 'verify-a');
  const b = path.join(work, 'verify-b');
  spawnSync(process.execPath, [CASE, 'webservices', '100', a, 'noguard']);
  spawnSync(process.execPath, [CASE, 'yaml', '100', b, template]);
  const fa = path.join(a, 'bench.k8s.yaml');
  const fb = path.join(b, 'bench.k8s.yaml');
  const same = fs.existsSync(fa) && fs.existsSync(fb) && fs.readFileSync(fa).equals(fs.readFileSync(fb));
  console.log(same
    ? 'verified: case b writes byte-for-byte the file of case a (N=100)'
    : 'WARNING: case b does not write the same bytes as case a; the floor is approximate');
}

// ---------------------------------------------------------------- cases
ensureLib();
const template = makeTemplate();
verifyFloor(template);
const hasCli = fs.existsSync(path.join(ROOT, 'lib', 'cli', 'main.js'));
const golden = require(path.join(ROOT, 'lib', 'index.js'));
const hasGuardrails = !!(golden.Guardrails && typeof golden.Guardrails.protect === 'function');
console.log(`guardrails at synth (Guardrails.protect): ${hasGuardrails ? 'available, ON in case a' : 'NOT AVAILABLE in this build: case a runs without'}`);
console.log(`cdk8s-golden check CLI (lib/cli/main.js): ${hasCli ? 'available' : 'NOT AVAILABLE in this build: case e skipped'}`);
const checkDir = hasCli ? makeCheckInput(template, CHECK_DOCS) : undefined;
const hasDiff = hasCli && fs.existsSync(path.join(ROOT, 'lib', 'cli', 'diff.js'));
console.log(`cdk8s-golden diff (lib/cli/diff.js): ${hasDiff ? 'available' : 'NOT AVAILABLE in this build: case g skipped'}`);
const diffNewDir = hasDiff ? makeDiffInput(checkDir) : undefined;

const NS = QUICK ? [100, 1000] : [100, 1000, 5000];
const CHART_NS = QUICK ? [100, 1000] : [100, 1000, 2000];
const cases = [];
const add = (id, group, label, kind, n, extra, env) => cases.push({ id, group, label, kind, n, extra, env });
for (const n of NS) add(`a${n}`, 'a', 'a: N WebServices, one chart, GoldenApp' + (hasGuardrails ? ' + guardrails' : ''), 'webservices', n);
add('a1000-app', 'a', 'a: same, plain App' + (hasGuardrails ? ' + guardrails' : ''), 'webservices', 1000, 'app');
if (hasGuardrails) for (const n of NS.slice(1)) add(`a${n}-noguard`, 'a', 'a: same, GoldenApp, no guardrails', 'webservices', n, 'noguard');
for (const n of NS) add(`b${n}`, 'b', 'b: same documents, yaml package alone', 'yaml', n, template);
for (const n of NS) add(`c${n}`, 'c', 'c: cdk8s-plus-30 Deployment+Service+Ingress', 'plus', n);
for (const n of CHART_NS) add(`d${n}-golden`, 'd', 'd: N charts x 1 InternalApi, GoldenApp', 'charts', n, 'golden');
for (const n of CHART_NS) add(`d${n}-app`, 'd', 'd: N charts x 1 InternalApi, plain App', 'charts', n, 'app');
for (const n of CHART_NS) add(`d${n}-one`, 'd', 'd: N InternalApis in ONE chart, GoldenApp', 'charts', n, 'one-chart');
if (hasCli) add('e', 'e', `e: cdk8s-golden check --format json (${CHECK_DOCS} docs)`, 'check', CHECK_DOCS, checkDir);
if (hasDiff) add('g', 'g', `g: cdk8s-golden diff --format json (${CHECK_DOCS} docs on each side, every image bumped)`, 'diff', CHECK_DOCS, [checkDir, diffNewDir]);
add('f', 'f', "f: require('cdk8s-golden') (lib/index.js)", 'require', 0);
add('f-peers', 'f', "f: the peers alone: require('cdk8s') and cdk8s-plus-30's L1 classes (reference)", 'peers', 0);
add('node', 'f', 'f: node process doing nothing (reference)', 'empty', 0);
if (!KEEP_CA && process.env.NODE_EXTRA_CA_CERTS) {
  add('node-ca', 'f', "f: node process doing nothing, with this machine's NODE_EXTRA_CA_CERTS (reference)", 'empty', 0, undefined, process.env);
}
const selected = cases.filter((c) => !ONLY || ONLY.includes(c.group) || ONLY.includes(c.id));

console.log(`\n${selected.length} cases x ${RUNS} runs, interleaved; node ${process.version}, ${os.cpus().length} CPUs, ${new Date().toISOString()}`);
console.log(KEEP_CA || !process.env.NODE_EXTRA_CA_CERTS
  ? 'measured processes run with this environment as it is'
  : 'measured processes run without NODE_EXTRA_CA_CERTS (case node-ca shows what it costs; --keep-ca-certs keeps it)');
const samples = new Map(selected.map((c) => [c.id, []]));
for (let run = 1; run <= RUNS; run++) {
  for (const c of selected) {
    if (run > 1 && samples.get(c.id)[0].wallMs > SLOW_MS) {
      continue;
    }
    const m = measure(c.kind, c.n, c.extra, c.env);
    samples.get(c.id).push(m);
    process.stdout.write(`run ${run}/${RUNS} ${c.id.padEnd(14)} ${m.wallMs.toFixed(0).padStart(7)} ms ${(m.maxRssKb / 1024).toFixed(0).padStart(5)} MB\n`);
  }
}

// ---------------------------------------------------------------- report
const results = {};
for (const c of selected) {
  const ms = samples.get(c.id);
  const childMedian = (k) => (ms[0].child[k] === undefined ? undefined : median(ms.map((m) => m.child[k])));
  results[c.id] = {
    label: c.label, n: c.n,
    wallMs: median(ms.map((m) => m.wallMs)), minMs: Math.min(...ms.map((m) => m.wallMs)), maxMs: Math.max(...ms.map((m) => m.wallMs)),
    maxRssMb: median(ms.map((m) => m.maxRssKb)) / 1024,
    requireMs: childMedian('requireMs'), buildMs: childMedian('buildMs'), synthMs: childMedian('synthMs'), writeMs: childMedian('writeMs'),
  };
}
const f0 = (x) => (x === undefined ? '' : x.toFixed(0));
console.log(`\n| case | N | runs | wall median (ms) | min-max (ms) | peak RSS (MB) | require / build / synth in process (ms) | file writes, part of synth (ms) |`);
console.log('|---|---:|---:|---:|---:|---:|---|---:|');
for (const c of selected) {
  const r = results[c.id];
  console.log(`| ${r.label} | ${c.n || ''} | ${samples.get(c.id).length} | ${f0(r.wallMs)} | ${f0(r.minMs)}-${f0(r.maxMs)} | ${f0(r.maxRssMb)} | ${[r.requireMs, r.buildMs, r.synthMs].map(f0).join(' / ')} | ${f0(r.writeMs)} |`);
}

const ratio = (x, y) => (results[x] && results[y] ? results[x].wallMs / results[y].wallMs : undefined);
const targets = [
  ['(a)/(b) at N=1000, wall', ratio('a1000', 'b1000'), 'x', '<= 1.5x (never > 2x)', (v) => v <= 1.5],
  ['(a) growth N=1000 -> 5000, wall', ratio('a5000', 'a1000'), 'x', '<= 5.5x', (v) => v <= 5.5],
  ['(a) without guardrails / (b) at N=1000, wall', ratio('a1000-noguard', 'b1000'), 'x', '(GoldenApp alone)', (v) => v <= 1.5],
  ['(a) without guardrails, growth 1000 -> 5000', ratio('a5000-noguard', 'a1000-noguard'), 'x', '<= 5.5x', (v) => v <= 5.5],
  ['(d) GoldenApp 1000 charts / 1000 APIs in one chart', ratio('d1000-golden', 'd1000-one'), 'x', '<= 1.2x', (v) => v <= 1.2],
  ['(d) GoldenApp growth 1000 -> 2000 charts', ratio('d2000-golden', 'd1000-golden'), 'x', '~2x (linear)', (v) => v <= 2.4],
  ['(d) plain App growth 1000 -> 2000 charts', ratio('d2000-app', 'd1000-app'), 'x', '(quadratic: ~4x)', () => true],
  ['(d) plain App / GoldenApp at 1000 charts', ratio('d1000-app', 'd1000-golden'), 'x', '(speed-up)', () => true],
  ['(e) check on 10,000 documents, wall', results.e?.wallMs, 'ms', '< 2000 ms', (v) => v < 2000],
  ['(g) diff of 10,000 documents on each side, wall', results.g?.wallMs, 'ms', '< 2000 ms', (v) => v < 2000],
  ["(f) require('cdk8s-golden'), wall of the process", results.f?.wallMs, 'ms', '< 150 ms', (v) => v < 150],
  ["(f) require('cdk8s-golden'), in process", results.f?.requireMs, 'ms', '< 150 ms', (v) => v < 150],
  ['(f) the peers alone, wall of the process', results['f-peers']?.wallMs, 'ms', '(floor of f)', () => true],
];
console.log('\n| target | measured | goal | met |');
console.log('|---|---:|---|---|');
for (const [name, v, unit, goal, ok] of targets) {
  if (v === undefined) continue;
  console.log(`| ${name} | ${unit === 'x' ? `${v.toFixed(2)}x` : `${v.toFixed(0)} ms`} | ${goal} | ${ok(v) ? 'yes' : 'NO'} |`);
}
const json = option('--json', undefined);
if (json) {
  fs.writeFileSync(json, JSON.stringify({ date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, runs: RUNS, guardrails: hasGuardrails, cli: hasCli, results }, null, 2));
}
