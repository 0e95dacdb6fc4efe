import { Manifest, isPlainObject, kindOf, nameOf, namespaceOf, objectAt } from '../../guardrails/manifest';
import { PodTemplate, podTemplateOf } from '../../guardrails/pod-template';
import { matchesMapSelector } from '../../guardrails/selector';
import { Backend, backends, readyEndpoints } from '../cluster-model';
import { DiffContext, DiffProblem, DiffRule } from '../diff-rule';
import { describeObject, identityOf } from '../manifest-set';

const MODEL_SOURCE = 'the cluster model (src/diff/cluster-model.ts): NEW applied at once, with prune, over OLD settled; new pods start unready';

/**
 * Whether the model can count the ready pods behind a Service of NEW: it models Deployments only,
 * so a Service without selector, of type ExternalName, or that selects the pods of another kind
 * (StatefulSet, DaemonSet, Pod, ...) is left to the cluster.
 */
function modelledServices(context: DiffContext): (namespace: string, name: string) => boolean {
  const others = new Map<string, PodTemplate[]>();
  for (const object of context.new.objects) {
    if (kindOf(object) !== 'Deployment') {
      const template = podTemplateOf(object);
      if (template !== undefined) {
        const list = others.get(namespaceOf(object)) ?? [];
        list.push(template);
        others.set(namespaceOf(object), list);
      }
    }
  }
  return (namespace, name) => {
    const service = context.new.get(['', 'Service', namespace, name].join('\u0000'));
    if (service === undefined) {
      return true; // a missing Service has no endpoints: that is modelled
    }
    const spec = objectAt(service.spec);
    if (spec.type === 'ExternalName' || !isPlainObject(spec.selector) || Object.keys(spec.selector).length === 0) {
      return false;
    }
    return !(others.get(namespace) ?? []).some((t) => matchesMapSelector(spec.selector, t.labels));
  };
}

function sharesText(list: ReadonlyArray<Backend>): string {
  if (list.length === 0) {
    return 'no share';
  }
  return list.map((b) => `${round(b.share)}% to ${b.readyPods} ready pod${b.readyPods === 1 ? '' : 's'}`).join(', ');
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/**
 * A route (HTTPRoute rule, Ingress host and path) that served requests in OLD sends a share of them,
 * right after NEW is applied, to a Service without a ready pod.
 */
export const trafficRoute: DiffRule = {
  id: 'traffic-route',
  why: 'Right after an apply, new pods are not ready yet: a route that moves a share of its requests to a Service whose pods are all new '
    + '(a canary added at a weight above 0, a backend renamed, a hand-edited promote) fails that share until they are ready, or for good if they never get ready.',
  fix: 'Send traffic only to pods that are already running: add a backend at weight 0 (CanaryRelease: start at weight 0) and raise it in a later commit, '
    + 'one documented step per commit; never scale a track up from 0 in the commit that routes to it.',
  source: MODEL_SOURCE,
  check: (context) => {
    const before = backends(context.oldSettled());
    const serving = new Set(before.filter((b) => !b.byHeader && b.share > 0 && b.readyPods > 0).map((b) => b.traffic));
    const failingBefore = new Set(before.filter((b) => !b.byHeader && b.share > 0 && b.readyPods === 0).map((b) => `${b.traffic}\u0000${b.namespace}/${b.service}`));
    const modelled = modelledServices(context);
    const routes = new Map<string, Manifest>();
    for (const o of context.new.objects) {
      if (kindOf(o) === 'HTTPRoute' || kindOf(o) === 'Ingress') {
        routes.set(`${kindOf(o)}\u0000${namespaceOf(o)}\u0000${nameOf(o)}`, o);
      }
    }
    const problems: DiffProblem[] = [];
    for (const b of backends(context.newApplied())) {
      if (b.byHeader || b.share <= 0 || b.readyPods > 0 || !serving.has(b.traffic)
        || failingBefore.has(`${b.traffic}\u0000${b.namespace}/${b.service}`) || !modelled(b.namespace, b.service)) {
        continue;
      }
      const route = routes.get(`${b.route.kind}\u0000${b.route.namespace}\u0000${b.route.name}`);
      if (route === undefined) {
        continue;
      }
      const old = before.filter((x) => !x.byHeader && x.traffic === b.traffic && x.namespace === b.namespace && x.service === b.service);
      problems.push({
        object: route,
        side: 'new',
        field: b.field,
        oldValue: `Service ${b.namespace}/${b.service}: ${sharesText(old)}`,
        newValue: `Service ${b.namespace}/${b.service}: ${sharesText([b])}`,
        message: `${b.field}: ${b.via} sends ${round(b.share)}% of its requests to Service ${b.namespace}/${b.service}, which has no ready pod right after the apply, `
          + `got ${sharesText(old)} in OLD`,
      });
    }
    return problems;
  },
};

/**
 * A Service with a selector that had ready pods in OLD, and that NEW means to serve (it has ready
 * pods once NEW has settled), has none right after NEW is applied. A Service whose pods NEW scales
 * to 0 on purpose (a canary track at weight 0) is not reported.
 */
export const trafficService: DiffRule = {
  id: 'traffic-service',
  why: 'In-cluster callers reach a Service\'s ready pods only: when a commit points a Service at pods that are all new (a selector moved to another track, '
    + 'a Deployment recreated or scaled up from 0), every call fails until those pods are ready.',
  fix: 'Point the Service at pods that keep running across the apply: move its selector only to pods created in an earlier commit, '
    + 'keep the old pods until then (RollingUpdate with maxUnavailable 0 rather than Recreate).',
  source: MODEL_SOURCE,
  check: (context) => {
    const oldState = context.oldSettled();
    const newState = context.newApplied();
    const settled = context.newSettled();
    const modelled = modelledServices(context);
    const problems: DiffProblem[] = [];
    for (const [o, n] of context.pairsOfKind('Service')) {
      if (!identityOf(n).startsWith('\u0000')) {
        continue;
      }
      const namespace = namespaceOf(n);
      const name = nameOf(n);
      const readyBefore = readyEndpoints(oldState, namespace, name);
      const meantToServe = () => readyEndpoints(settled, namespace, name) > 0;
      if (readyBefore > 0 && readyEndpoints(newState, namespace, name) === 0 && meantToServe() && modelled(namespace, name)) {
        problems.push({
          object: n,
          side: 'new',
          field: 'spec.selector',
          oldValue: `${readyBefore} ready pod${readyBefore === 1 ? '' : 's'}`,
          newValue: '0 ready pods',
          message: `spec.selector: ${describeObject(n)} has no ready pod right after the apply, got ${readyBefore} ready pod${readyBefore === 1 ? '' : 's'} in OLD `
            + `(selector ${JSON.stringify(objectAt(o.spec).selector)} in OLD, ${JSON.stringify(objectAt(n.spec).selector)} in NEW)`,
        });
      }
    }
    return problems;
  },
};
