import { randomManifests } from './random-manifests';
import { buildContext } from '../../src/guardrails/context';
import { Manifest, isCoreKind, objectAt } from '../../src/guardrails/manifest';
import { PodTemplate } from '../../src/guardrails/pod-template';
import { RuleContext, SelectingKind } from '../../src/guardrails/rule';
import { ALL_RULES } from '../../src/guardrails/rules';
import { matchesLabelSelector, matchesMapSelector } from '../../src/guardrails/selector';

/** The selector lookups answered by scanning every object, as the rules did before the indexes. */
function scanningContext(context: RuleContext): RuleContext {
  const selectorOf: { [kind in SelectingKind]: (object: Manifest) => [unknown, boolean] } = {
    PodDisruptionBudget: (o) => [objectAt(o.spec).selector, false],
    NetworkPolicy: (o) => [objectAt(o.spec).podSelector ?? {}, false],
    Service: (o) => [isCoreKind(o, 'Service') ? o.spec?.selector : undefined, true],
  };
  return {
    ...context,
    podTemplatesSelectedBy: (namespace, selector) => context.podTemplatesIn(namespace).filter((t) => matchesLabelSelector(selector, t.labels)),
    podTemplatesSelectedByMap: (namespace, selector) => context.podTemplatesIn(namespace).filter((t) => matchesMapSelector(selector, t.labels)),
    objectsSelecting: (kind: SelectingKind, template: PodTemplate) => context.objectsOf(kind, context.namespaceOf(template.owner)).filter((o) => {
      const [selector, map] = selectorOf[kind](o);
      return map ? matchesMapSelector(selector, template.labels) : matchesLabelSelector(selector, template.labels);
    }),
  };
}

describe('buildContext: the selector indexes', () => {
  test.each([1, 2, 3, 4, 5, 6, 7, 8])('answer as a scan of every object does (seed %i)', (seed) => {
    // GIVEN a random manifest set with every kind of selector
    const manifests = randomManifests(seed, 300);
    const indexed = buildContext(manifests);
    const scanning = scanningContext(buildContext(manifests));
    for (const namespace of ['shop', 'pay', 'default', 'nowhere']) {
      for (const object of manifests) {
        // WHEN a selector is looked up in the indexes and by a scan
        // THEN both give the same pod templates, in the same order
        const selector = objectAt(object.spec).selector;
        expect(indexed.podTemplatesSelectedBy(namespace, selector)).toEqual(scanning.podTemplatesSelectedBy(namespace, selector));
        expect(indexed.podTemplatesSelectedByMap(namespace, selector)).toEqual(scanning.podTemplatesSelectedByMap(namespace, selector));
      }
    }
    for (const object of manifests) {
      const template = indexed.podTemplateOf(object);
      if (template) {
        for (const kind of ['PodDisruptionBudget', 'NetworkPolicy', 'Service'] as SelectingKind[]) {
          // AND the same objects select each pod template, in input order
          expect(indexed.objectsSelecting(kind, template)).toEqual(scanning.objectsSelecting(kind, template));
        }
      }
    }
  });

  test.each([11, 12, 13, 14])('every rule reports the same messages as with a scan (seed %i)', (seed) => {
    // GIVEN a random manifest set
    const manifests = randomManifests(seed, 300);
    const indexed = buildContext(manifests);
    const scanning = scanningContext(buildContext(manifests));
    let messages = 0;
    for (const object of manifests) {
      for (const rule of ALL_RULES) {
        // WHEN a rule checks an object with the indexed and the scanning lookups
        const found = rule.check(object, indexed);
        messages += found.length;
        // THEN the messages are the same, in the same order
        expect(found).toEqual(rule.check(object, scanning));
      }
    }
    expect(messages).toBeGreaterThan(0);
  });

  test('a Service with an empty or missing selector selects no pod; a policy without podSelector selects every pod', () => {
    // GIVEN a pod, a Service without selector and a NetworkPolicy without podSelector
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', labels: { app: 'a' } }, spec: { containers: [] } };
    const service = { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { selector: {} } };
    const policy = { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'n' }, spec: {} };
    const context = buildContext([pod, service, policy]);
    const template = context.podTemplateOf(pod)!;
    // WHEN the objects that select the pod are looked up
    // THEN only the policy selects it
    expect(context.objectsSelecting('Service', template)).toEqual([]);
    expect(context.objectsSelecting('NetworkPolicy', template)).toEqual([policy]);
    expect(context.podTemplatesSelectedByMap('default', {})).toEqual([]);
    expect(context.podTemplatesSelectedBy('default', {})).toEqual([template]);
    expect(context.podTemplatesSelectedBy('default', null)).toEqual([]);
  });
});

describe('gatewayListeners', () => {
  const gateway = (apiVersion: string): Manifest => ({
    apiVersion,
    kind: 'Gateway',
    metadata: { name: 'public', namespace: 'gateways' },
    spec: { listeners: [{ name: 'https', port: 443 }, { name: 'http', port: 80 }] },
  });

  test('the Gateway of the input: its listeners\' names and ports, not declared', () => {
    // GIVEN / WHEN
    const context = buildContext([gateway('gateway.networking.k8s.io/v1')]);
    // THEN
    expect(context.gatewayListeners('gateways', 'public')).toEqual({ sections: ['https', 'http'], ports: [443, 80], declared: false });
    expect(context.gatewayListeners('shop', 'public')).toBeUndefined();
  });

  test('the platform\'s declaration wins over the Gateway of the input', () => {
    // GIVEN / WHEN
    const context = buildContext([gateway('gateway.networking.k8s.io/v1')], [{ namespace: 'gateways', name: 'public', sectionName: 'https' }]);
    // THEN
    expect(context.gatewayListeners('gateways', 'public')).toEqual({ sections: ['https'], ports: [], declared: true });
  });

  test('a Gateway of another API group (an Istio networking Gateway) tells nothing', () => {
    expect(buildContext([gateway('networking.istio.io/v1')]).gatewayListeners('gateways', 'public')).toBeUndefined();
  });
});
