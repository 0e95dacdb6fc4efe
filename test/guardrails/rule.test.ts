import { CONFIG_MAP, job, referenceManifests } from './helpers';
import { buildContext } from '../../src/guardrails/context';
import { Manifest } from '../../src/guardrails/manifest';
import { ObjectRuleDefinition, Rule, checkInScope, isInScope, scopedRule } from '../../src/guardrails/rule';

/** A rule that reports every object it is called on. */
function reportingEverything(appliesTo: ObjectRuleDefinition['appliesTo']): Rule {
  return scopedRule({ id: 'test', severity: 'error', why: 'w', fix: 'f', appliesTo, check: () => ['called'] });
}

describe('rule scopes', () => {
  const deployment = referenceManifests().find((m) => m.kind === 'Deployment')!;
  const service = referenceManifests().find((m) => m.kind === 'Service')!;
  const knativeService: Manifest = { apiVersion: 'serving.knative.dev/v1', kind: 'Service', metadata: { name: 'web' }, spec: {} };
  const objects = [deployment, service, knativeService, CONFIG_MAP, job()];
  const context = buildContext(objects);

  test('a scope selects by kind, API group and pod template', () => {
    const selected = (scope: Rule['appliesTo']) => objects.filter((o) => isInScope(scope, o, context)).map((o) => `${o.apiVersion} ${o.kind}`);
    expect(selected(undefined)).toEqual(['apps/v1 Deployment', 'v1 Service', 'serving.knative.dev/v1 Service', 'v1 ConfigMap', 'batch/v1 Job']);
    expect(selected({ kinds: ['Service'] })).toEqual(['v1 Service', 'serving.knative.dev/v1 Service']);
    expect(selected({ kinds: ['Service'], group: '' })).toEqual(['v1 Service']);
    expect(selected({ podTemplate: true })).toEqual(['apps/v1 Deployment', 'batch/v1 Job']);
    expect(selected({ podTemplate: true, group: 'batch' })).toEqual(['batch/v1 Job']);
  });

  test('a scoped rule reports nothing outside its scope, even when its check would', () => {
    // GIVEN a rule whose check reports every object, scoped to core Services
    const rule = reportingEverything({ kinds: ['Service'], group: '' });
    // WHEN it checks each object / THEN only the core Service is reported
    expect(objects.map((o) => rule.check(o, context))).toEqual([[], ['called'], [], [], []]);
    expect(rule.appliesTo).toEqual({ kinds: ['Service'], group: '' });
  });

  test('the engine calls a scoped rule\'s own check, which does not test the scope again', () => {
    // GIVEN a scoped rule, and a copy of it (a caller's own rule)
    const rule = reportingEverything({ kinds: ['Service'], group: '' });
    const copy: Rule = { ...rule };
    // WHEN each is called through checkInScope on an object outside the scope
    // THEN the rule's own check runs unguarded (the engine tested the scope), the copy's check is guarded
    expect(checkInScope(rule)(CONFIG_MAP, context)).toEqual(['called']);
    expect(checkInScope(copy)(CONFIG_MAP, context)).toEqual([]);
  });
});
