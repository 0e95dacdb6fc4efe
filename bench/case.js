#!/usr/bin/env node
// One benchmark measurement, run in its own process by bench/run.js:
//   node bench/case.js <case> <n> <outdir> [extra]
// Prints one JSON line on stdout with the in-process phase times and the peak RSS.
// The whole-process wall time is measured by the parent (spawn to exit).
'use strict';
const t0 = process.hrtime.bigint();
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const LIB = path.join(ROOT, 'lib', 'index.js');
const ms = (from) => Number(process.hrtime.bigint() - from) / 1e6;

// The time spent in fs.writeFileSync (cdk8s's Yaml.save, GoldenApp and case b all write through
// it), reported as writeMs, a part of synthMs: the share of the disk, which varies a lot on a
// shared VM.
let writeNs = 0n;
const writeFileSync = fs.writeFileSync;
fs.writeFileSync = function timedWriteFileSync(...args) {
  const start = process.hrtime.bigint();
  try {
    return writeFileSync.apply(this, args);
  } finally {
    writeNs += process.hrtime.bigint() - start;
  }
};

const [kind, nArg, outdir, extra] = process.argv.slice(2);
const n = Number(nArg);
const phases = {};

/** Times a phase of the case. */
function phase(name, fn) {
  const start = process.hrtime.bigint();
  const result = fn();
  phases[name] = +ms(start).toFixed(1);
  return result;
}

function report(more = {}) {
  const usage = process.resourceUsage();
  const writes = writeNs > 0n ? { writeMs: +(Number(writeNs) / 1e6).toFixed(1) } : {};
  process.stdout.write(`${JSON.stringify({ ...phases, ...writes, ...more, totalInProcessMs: +ms(t0).toFixed(1), maxRssKb: usage.maxRSS })}\n`);
}

/** The guardrails API, when this build has it (`Guardrails.protect(scope)`). */
function guardrailsOf(golden) {
  return golden.Guardrails && typeof golden.Guardrails.protect === 'function' ? golden.Guardrails : undefined;
}


/**
 * Runs lib/cli/main.js with these arguments in this process, as the command line would; its JSON
 * report goes to a file (<command>-output-<pid>.json beside the output folder) so that this
 * process's report line stays last, and the report is written when the process exits.
 */
function runCliInProcess(args, command) {
  const main = path.join(ROOT, 'lib', 'cli', 'main.js');
  process.argv = [process.argv[0], main, ...args];
  const sink = fs.openSync(path.join(path.dirname(outdir), `${command}-output-${process.pid}.json`), 'w');
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = (chunk, ...rest) => { fs.writeSync(sink, chunk); const cb = rest.find(r => typeof r === 'function'); if (cb) cb(); return true; };
  process.on('exit', (code) => {
    process.stdout.write = write;
    phases.exitCode = code;
    report();
  });
  require(main);
}

const CASES = {
  // (a) N WebServices in one chart, guardrails on when available; extra = 'app' for plain App
  webservices() {
    const { App, Chart } = require('cdk8s');
    const golden = phase('requireMs', () => require(LIB));
    const guardrails = extra === 'noguard' ? undefined : guardrailsOf(golden);
    const AppClass = extra === 'app' ? App : golden.GoldenApp;
    const app = new AppClass({ outdir });
    phase('buildMs', () => {
      const chart = new Chart(app, 'bench', { namespace: 'bench' });
      if (guardrails) guardrails.protect(chart);
      for (let i = 0; i < n; i++) {
        new golden.WebService(chart, `svc-${i}`, { image: `ghcr.io/acme/svc-${i}:1.0.0`, port: 8080, host: `svc-${i}.example.com` });
      }
    });
    phase('synthMs', () => app.synth());
    report({ guardrails: guardrails !== undefined });
  },

  // (b) the same documents written with the `yaml` package alone (cdk8s's own copy, same options)
  yaml() {
    const YAML = phase('requireMs', () => require(require.resolve('yaml', { paths: [path.dirname(require.resolve('cdk8s'))] })));
    const template = fs.readFileSync(extra, 'utf8'); // the JSON of the documents of svc-0
    const docs = phase('buildMs', () => {
      const all = [];
      for (let i = 0; i < n; i++) {
        all.push(...JSON.parse(template.replace(/svc-0/g, `svc-${i}`)));
      }
      return all;
    });
    phase('synthMs', () => {
      fs.mkdirSync(outdir, { recursive: true });
      const text = docs.map(d => YAML.stringify(d, { keepUndefined: true, lineWidth: 0, version: '1.1' })).join('---\n');
      fs.writeFileSync(path.join(outdir, 'bench.k8s.yaml'), text);
    });
    report();
  },

  // (c) hand-written cdk8s-plus-30: Deployment + Service + Ingress per app, one chart, plain App
  plus() {
    const { App, Chart } = phase('requireMs', () => require('cdk8s'));
    const kplus = require('cdk8s-plus-30');
    const app = new App({ outdir });
    phase('buildMs', () => {
      const chart = new Chart(app, 'bench', { namespace: 'bench' });
      for (let i = 0; i < n; i++) {
        const deployment = new kplus.Deployment(chart, `svc-${i}`, {
          containers: [{ image: `ghcr.io/acme/svc-${i}:1.0.0`, portNumber: 8080 }],
        });
        const service = deployment.exposeViaService({ ports: [{ port: 80, targetPort: 8080 }] });
        const ingress = new kplus.Ingress(chart, `svc-${i}-ingress`, {
          rules: [{ host: `svc-${i}.example.com`, path: '/', backend: kplus.IngressBackend.fromService(service) }],
        });
        ingress.addTls([{ hosts: [`svc-${i}.example.com`], secret: kplus.Secret.fromSecretName(chart, `svc-${i}-tls`, `svc-${i}-tls`) }]);
      }
    });
    phase('synthMs', () => app.synth());
    report();
  },

  // (d) N charts of one InternalApi each (extra = 'golden' | 'app'), or extra = 'one-chart':
  // the same N InternalApis in one chart of a GoldenApp
  charts() {
    const { App, Chart } = require('cdk8s');
    const golden = phase('requireMs', () => require(LIB));
    const app = extra === 'app' ? new App({ outdir }) : new golden.GoldenApp({ outdir });
    phase('buildMs', () => {
      const one = extra === 'one-chart' ? new Chart(app, 'bench', { namespace: 'bench' }) : undefined;
      for (let i = 0; i < n; i++) {
        const chart = one ?? new Chart(app, `c${i}`, { namespace: 'bench' });
        const api = new golden.InternalApi(chart, `api-${i}`, { image: `ghcr.io/acme/api-${i}:1.0.0` });
        api.allowFrom(golden.NetworkPeer.namespace('monitoring'));
      }
    });
    phase('synthMs', () => app.synth());
    report();
  },

  // (e) the command line on a folder of documents: runs lib/cli/main.js in this process
  check() {
    runCliInProcess(['check', '--format', 'json', outdir], 'check');
  },

  // (g) the command line comparing two folders: lib/cli/main.js diff OLD NEW in this process
  // (outdir is OLD, extra is NEW); the JSON report goes to a file
  diff() {
    runCliInProcess(['diff', '--format', 'json', outdir, extra], 'diff');
  },

  // not measured: writes the JSON documents of one WebService `svc-0` (the template of case b)
  template() {
    const { Chart } = require('cdk8s');
    const golden = require(LIB);
    const app = new golden.GoldenApp({ outdir: path.dirname(outdir) });
    const chart = new Chart(app, 'bench', { namespace: 'bench' });
    new golden.WebService(chart, 'svc-0', { image: 'ghcr.io/acme/svc-0:1.0.0', port: 8080, host: 'svc-0.example.com' });
    app.synthYaml(); // validates
    fs.writeFileSync(outdir, JSON.stringify(chart.toJson()));
  },

  // the floor of any case: a node process that does nothing
  empty() {
    report();
  },

  // the floor of (f): what the library loads of its peer dependencies, and nothing of its own
  peers() {
    phase('requireMs', () => {
      require('cdk8s');
      require('cdk8s-plus-30/lib/imports/k8s');
    });
    report();
  },

  // (f) cold start: require('cdk8s-golden') (lib/index.js)
  require() {
    phase('requireMs', () => require(LIB));
    report();
  },
};

if (!CASES[kind]) {
  process.stderr.write(`unknown case ${kind}; one of ${Object.keys(CASES).join(', ')}\n`);
  process.exit(2);
}
CASES[kind]();
