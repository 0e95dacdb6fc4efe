import * as fs from 'fs';
import { ApiObject, ApiObjectProps, App, Chart, JsonPatch, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-30';
import { Construct } from 'constructs';
import { referenceManifests } from './helpers';
import { RuleId } from '../../src/conventions/rule-ids';
import { Guardrails } from '../../src/guardrails/guardrails';
import { ALL_RULES } from '../../src/guardrails/rules';

const IMAGE_TAG_WHY = 'A missing or floating tag (latest) makes a rollout irreproducible and a rollback impossible.';
const IMAGE_TAG_FIX = 'Pin the image to a version tag such as \'nginx:1.27.3\' or a digest \'nginx@sha256:...\'.';
const HEADLINE = 'fix each one as below, or acknowledge it with Guardrails.acknowledge(object, ruleId, reason)';

/** A chart holding the reference web service as hand-written ApiObjects (ids are the kinds). */
function referenceChart(app: App = Testing.app(), id = 'shop', change: (manifests: any[]) => void = () => {}): Chart {
  const chart = new Chart(app, id);
  const manifests = referenceManifests();
  change(manifests);
  for (const manifest of manifests) {
    new ApiObject(chart, manifest.kind, manifest as ApiObjectProps);
  }
  return chart;
}

function floatingImage(manifests: any[]): void {
  manifests.find((m) => m.kind === 'Deployment').spec.template.spec.containers[0].image = 'nginx:latest';
}

function objectOf(chart: Chart, kind: string): ApiObject {
  return chart.node.findChild(kind) as ApiObject;
}

/** Captures what is written to standard error while `run` runs. */
function stderrOf(run: () => void): string {
  const written: string[] = [];
  const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: any) => {
    written.push(String(chunk));
    return true;
  });
  try {
    run();
  } finally {
    spy.mockRestore();
  }
  return written.join('');
}

describe('Guardrails.protect', () => {
  test('a protected chart whose objects pass every rule synthesizes', () => {
    // GIVEN
    const chart = referenceChart();
    // WHEN
    Guardrails.protect(chart);
    // THEN
    expect(Testing.synth(chart)).toHaveLength(6);
  });

  test('an error-level finding fails the synth with the path, rule, message, reason and fix', () => {
    // GIVEN a hand-written Deployment with a floating image
    const chart = referenceChart(Testing.app(), 'shop', floatingImage);
    // WHEN
    Guardrails.protect(chart);
    // THEN
    expect(() => Testing.synth(chart)).toThrow([
      'Validation failed with the following errors:',
      `  [shop] guardrails: 1 finding at error level in 1 object; ${HEADLINE}`,
      "  - [shop/Deployment] image-tag (Deployment storefront): container app: image 'nginx:latest' is not pinned to a tag or digest",
      `      why: ${IMAGE_TAG_WHY}`,
      `      fix: ${IMAGE_TAG_FIX}`,
    ].join('\n'));
  });

  test('a << key in a hand-written object fails the synth: the YAML written from it merges', () => {
    // GIVEN a hand-written Deployment whose securityContext holds a '<<' key
    const chart = referenceChart(Testing.app(), 'shop', (manifests) => {
      manifests.find((m) => m.kind === 'Deployment').spec.template.spec.containers[0].securityContext['<<'] = { privileged: true };
    });
    // WHEN
    Guardrails.protect(chart);
    // THEN the key is a finding, though no rule sees a privileged container in the object as written
    expect(() => Testing.synth(chart)).toThrow("  - [shop/Deployment] yaml-reading (Deployment storefront): key '<<' at "
      + "spec.template.spec.containers[0].securityContext: Kubernetes's YAML reader merges its value into the map around it");
  });

  test('the synth fails before any YAML is written', () => {
    // GIVEN
    const app = Testing.app();
    Guardrails.protect(referenceChart(app, 'shop', floatingImage));
    // WHEN / THEN
    expect(() => app.synth()).toThrow(/image-tag/);
    expect(fs.readdirSync(app.outdir)).toEqual([]);
  });

  test('cdk8s-plus objects are checked, with their construct paths', () => {
    // GIVEN a cdk8s-plus Deployment with the library defaults of cdk8s-plus
    const chart = new Chart(Testing.app(), 'plain');
    new kplus.Deployment(chart, 'web', { containers: [{ image: 'nginx', portNumber: 80 }] });
    // WHEN
    Guardrails.protect(chart, { reportWarnings: false });
    // THEN
    expect(() => Testing.synth(chart)).toThrow(/\n {2}- \[plain\/web\/Resource\] image-tag \(Deployment plain-web-c8[0-9a-f]+\): container main: image 'nginx' is not pinned to a tag or digest\n/);
  });

  test('one message lists every error of every object in the scope, including nested charts', () => {
    // GIVEN an app with two charts, each with a broken object
    const app = Testing.app();
    referenceChart(app, 'one', floatingImage);
    referenceChart(app, 'two', (manifests) => {
      manifests.forEach((m) => m.metadata.namespace = 'two');
      manifests.find((m) => m.kind === 'Service').spec.type = 'NodePort';
      manifests.find((m) => m.kind === 'Deployment').spec.template.spec.hostNetwork = true;
    });
    // WHEN the whole app is protected
    Guardrails.protect(app, { reportWarnings: false });
    // THEN
    let message = '';
    try {
      app.synth();
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message.split('\n').filter((line) => line.startsWith('  - ') || line.startsWith('  ['))).toEqual([
      `  [] guardrails: 2 findings at error level in 2 objects; ${HEADLINE}`,
      "  - [one/Deployment] image-tag (Deployment storefront): container app: image 'nginx:latest' is not pinned to a tag or digest",
      '  - [two/Deployment] pss-host-namespaces (Deployment storefront): hostNetwork is true',
    ]);
  });

  test('warnings do not fail the synth; they are printed to standard error', () => {
    // GIVEN a NodePort Service: a warning-level finding
    const chart = referenceChart(Testing.app(), 'shop', (manifests) => {
      manifests.find((m) => m.kind === 'Service').spec.type = 'NodePort';
    });
    Guardrails.protect(chart);
    // WHEN
    const stderr = stderrOf(() => Testing.synth(chart));
    // THEN
    const rule = ALL_RULES.find((r) => r.id === 'service-type')!;
    expect(stderr).toEqual([
      'cdk8s-golden guardrails: 1 warning in shop (warnings do not fail the synth)',
      "  - [shop/Service] service-type (Service storefront): spec.type is 'NodePort', expected 'ClusterIP'",
      `      why: ${rule.why}`,
      `      fix: ${rule.fix}`,
      '',
    ].join('\n'));
  });

  test('reportWarnings: false keeps standard error quiet', () => {
    // GIVEN
    const chart = referenceChart(Testing.app(), 'shop', (manifests) => {
      manifests.find((m) => m.kind === 'Service').spec.type = 'NodePort';
    });
    Guardrails.protect(chart, { reportWarnings: false });
    // WHEN
    const stderr = stderrOf(() => Testing.synth(chart));
    // THEN
    expect(stderr).toEqual('');
  });

  test('scope-wide acknowledgements leave their rule out', () => {
    // GIVEN
    const chart = referenceChart(Testing.app(), 'shop', floatingImage);
    // WHEN
    Guardrails.protect(chart, { acknowledgements: { 'image-tag': 'the demo namespace follows nginx releases on purpose' } });
    // THEN
    expect(Testing.synth(chart)).toHaveLength(6);
  });

  test('a scope-wide acknowledgement without a reason is refused at once', () => {
    // GIVEN
    const chart = new Chart(Testing.app(), 'shop');
    // WHEN / THEN
    expect(() => Guardrails.protect(chart, { acknowledgements: { 'image-tag': ' ' } })).toThrow(
      "[shop] acknowledgements.image-tag: an acknowledgement of 'image-tag' needs a written reason, got ' '; "
      + 'write why the finding is acceptable here, so that a reviewer can tell later whether it still holds');
  });

  test('a scope-wide acknowledgement of an unknown rule is refused at once', () => {
    // GIVEN
    const chart = new Chart(Testing.app(), 'shop');
    // WHEN / THEN
    expect(() => Guardrails.protect(chart, { acknowledgements: { 'image-tags': 'typo' } })).toThrow(
      "[shop] acknowledgements.image-tags: no guardrail rule has this id, got 'image-tags'; "
      + "use a rule id listed in docs/guardrails.md, such as 'image-tag' or 'pss-run-as-non-root'");
  });

  test('a scope is protected once', () => {
    // GIVEN
    const chart = new Chart(Testing.app(), 'shop');
    Guardrails.protect(chart);
    // WHEN / THEN
    expect(() => Guardrails.protect(chart)).toThrow(
      "[shop] scope: the guardrails already protect this scope, got 'shop'; "
      + 'call Guardrails.protect once per scope and pass every acknowledgement in that call');
  });

  test('an acknowledgement annotation without a reason fails the synth', () => {
    // GIVEN
    const chart = referenceChart(Testing.app(), 'shop', (manifests) => {
      manifests.find((m) => m.kind === 'Service').metadata.annotations = { 'ack.cdk8s-golden.io/service-type': '' };
    });
    Guardrails.protect(chart);
    // WHEN / THEN
    expect(() => Testing.synth(chart)).toThrow(
      '  - [shop/Service] ack-reason (Service storefront): acknowledgement of service-type has no written reason\n');
  });

  test('runs toJson() once per object per synth, even when nested scopes are both protected', () => {
    // GIVEN an app and its chart, both protected
    const app = Testing.app();
    const chart = referenceChart(app);
    Guardrails.protect(app);
    Guardrails.protect(chart);
    const toJson = jest.spyOn(ApiObject.prototype, 'toJson');
    try {
      // WHEN the chart is synthesized twice
      Testing.synth(chart);
      Testing.synth(chart);
      // THEN each synth costs the guardrails one toJson() per object, and cdk8s one more
      expect(toJson).toHaveBeenCalledTimes(2 * (6 + 6));
    } finally {
      toJson.mockRestore();
    }
  });

  test('each synth checks the objects as they are then', () => {
    // GIVEN a protected chart that synthesized once
    const chart = referenceChart();
    Guardrails.protect(chart);
    Testing.synth(chart);
    // WHEN an object changes afterwards
    objectOf(chart, 'Deployment').addJsonPatch(JsonPatch.replace('/spec/template/spec/containers/0/image', 'nginx:latest'));
    // THEN the next synth sees the change
    expect(() => Testing.synth(chart)).toThrow(/image-tag/);
  });
});

describe('Guardrails.acknowledge', () => {
  test('writes the annotation on the ApiObject, which silences the rule on it', () => {
    // GIVEN
    const chart = referenceChart(Testing.app(), 'shop', floatingImage);
    Guardrails.protect(chart);
    // WHEN
    Guardrails.acknowledge(objectOf(chart, 'Deployment'), 'image-tag', 'tracks nginx mainline on purpose');
    // THEN
    const deployment = Testing.synth(chart).find((m) => m.kind === 'Deployment');
    expect(deployment.metadata.annotations).toEqual({ 'ack.cdk8s-golden.io/image-tag': 'tracks nginx mainline on purpose' });
  });

  test('takes a rule id from RuleId', () => {
    // GIVEN
    const chart = referenceChart(Testing.app(), 'shop', floatingImage);
    Guardrails.protect(chart);
    // WHEN
    Guardrails.acknowledge(objectOf(chart, 'Deployment'), RuleId.IMAGE_TAG, 'tracks nginx mainline on purpose');
    // THEN the synth passes, with the rule's annotation
    const deployment = Testing.synth(chart).find((m) => m.kind === 'Deployment');
    expect(deployment.metadata.annotations).toEqual({ 'ack.cdk8s-golden.io/image-tag': 'tracks nginx mainline on purpose' });
  });

  test('on a construct, annotates every ApiObject under it', () => {
    // GIVEN a construct holding two ApiObjects, and a sibling
    const chart = new Chart(Testing.app(), 'shop');
    const group = new Construct(chart, 'group');
    new ApiObject(group, 'a', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' } });
    new ApiObject(group, 'b', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'b' } });
    new ApiObject(chart, 'c', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } });
    // WHEN
    Guardrails.acknowledge(group, 'label-values', 'values come from a vetted catalogue');
    // THEN
    expect(Testing.synth(chart).map((m) => m.metadata.annotations)).toEqual([
      { 'ack.cdk8s-golden.io/label-values': 'values come from a vetted catalogue' },
      { 'ack.cdk8s-golden.io/label-values': 'values come from a vetted catalogue' },
      undefined,
    ]);
  });

  test('works on cdk8s-plus objects', () => {
    // GIVEN
    const chart = new Chart(Testing.app(), 'shop');
    const deployment = new kplus.Deployment(chart, 'web', { containers: [{ image: 'nginx:1.27.3' }] });
    // WHEN
    Guardrails.acknowledge(deployment, 'replicas', 'a preview environment');
    // THEN
    expect(Testing.synth(chart)[0].metadata.annotations).toEqual({ 'ack.cdk8s-golden.io/replicas': 'a preview environment' });
  });

  test('refuses an empty reason at once', () => {
    // GIVEN
    const chart = referenceChart();
    // WHEN / THEN
    expect(() => Guardrails.acknowledge(objectOf(chart, 'Deployment'), 'image-tag', '  ')).toThrow(
      "[shop/Deployment] reason: an acknowledgement of 'image-tag' needs a written reason, got '  '; "
      + 'write why the finding is acceptable here, so that a reviewer can tell later whether it still holds');
  });

  test('refuses an unknown rule id at once', () => {
    // GIVEN
    const chart = referenceChart();
    // WHEN / THEN
    expect(() => Guardrails.acknowledge(objectOf(chart, 'Deployment'), 'latest-tag', 'reason')).toThrow(
      "[shop/Deployment] ruleId: no guardrail rule has this id, got 'latest-tag'; "
      + "use a rule id listed in docs/guardrails.md, such as 'image-tag' or 'pss-run-as-non-root'");
  });

  test('refuses a construct without ApiObjects', () => {
    // GIVEN
    const chart = new Chart(Testing.app(), 'shop');
    const empty = new Construct(chart, 'empty');
    // WHEN / THEN
    expect(() => Guardrails.acknowledge(empty, 'replicas', 'reason')).toThrow(
      "[shop/empty] target: there is no ApiObject in this construct to acknowledge a rule on, got 'shop/empty'; "
      + 'acknowledge the rule on the construct that holds the Kubernetes object');
  });
});

describe('Guardrails.ruleIds', () => {
  test('lists every rule once, Pod Security rules first', () => {
    // WHEN
    const ids = Guardrails.ruleIds();
    // THEN
    expect(ids).toHaveLength(ALL_RULES.length);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[0]).toMatch(/^pss-/);
    expect(ids).toContain('image-tag');
  });
});
