import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { problem } from '../private/errors';
import { synthIndex } from '../private/synth-index';

const CANARY = 'nginx.ingress.kubernetes.io/canary';
/** What ingress-nginx reads as true (Go's strconv.ParseBool). */
const TRUE_VALUES: ReadonlyArray<unknown> = ['1', 't', 'T', 'TRUE', 'true', 'True'];

/** Canary Ingresses of the app by namespace, host and path (ingress-nginx's unit of canarying). */
function canariesByRoute(root: IConstruct): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const c of root.node.findAll()) {
    if (!(c instanceof ApiObject) || c.kind !== 'Ingress') {
      continue;
    }
    const json = c.toJson();
    if (!TRUE_VALUES.includes(json.metadata?.annotations?.[CANARY])) {
      continue;
    }
    for (const rule of json.spec?.rules ?? []) {
      for (const p of rule.http?.paths ?? []) {
        const key = `${json.metadata?.namespace ?? ''}|${rule.host ?? '*'}|${p.path ?? '/'}`;
        const paths = index.get(key) ?? [];
        if (!paths.includes(c.node.path)) {
          index.set(key, [...paths, c.node.path]);
        }
      }
    }
  }
  return index;
}

/**
 * Refuses at synth a second canary Ingress for the same host and path: ingress-nginx applies one
 * canary per host and path and silently ignores the others.
 */
export function refuseSecondNginxCanary(owner: IConstruct, namespace: string | undefined, host: string, canaryPath: () => string): void {
  const index = synthIndex(owner, canariesByRoute);
  owner.node.addValidation({
    validate: () => {
      const others = (index().get(`${namespace ?? ''}|${host}|/`) ?? []).filter((p) => p !== canaryPath());
      return others.length === 0 ? [] : [problem('strategy', `ingress-nginx applies one canary per host and path, and ${others.join(', ')} ${others.length === 1 ? 'is one' : 'are others'} for ${host}/ too`,
        host, 'run one canary at a time per host, or use TrafficStrategy.gatewayApi')];
    },
  });
}
