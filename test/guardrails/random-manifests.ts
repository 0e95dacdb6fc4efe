import { Manifest } from '../../src/guardrails/manifest';

/** A deterministic pseudo-random generator (Park-Miller), so that a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 48271) % 2147483647;
    return (state - 1) / 2147483646;
  };
}

const NAMESPACES = ['shop', 'pay', undefined];
const KEYS = ['app', 'tier', 'track', 'team'];
const VALUES = ['a', 'b', 'c'];

/** A random manifest set: workloads with random labels, and budgets, policies and Services with every kind of selector. */
export function randomManifests(seed: number, count: number): Manifest[] {
  const next = random(seed);
  const pick = <T>(values: ReadonlyArray<T>): T => values[Math.floor(next() * values.length)];
  const labels = (): Record<string, unknown> => {
    const result: Record<string, unknown> = {};
    for (const key of KEYS) {
      if (next() < 0.6) {
        result[key] = pick(VALUES);
      }
    }
    if (next() < 0.05) {
      result.replicas = 3; // a number where a string is expected
    }
    return result;
  };
  const labelSelector = (): unknown => pick<() => unknown>([
    () => ({ matchLabels: labels() }),
    () => ({ matchLabels: labels() }),
    () => ({ matchLabels: labels(), matchExpressions: [{ key: pick(KEYS), operator: pick(['In', 'NotIn', 'Exists', 'DoesNotExist', 'Gt']), values: [pick(VALUES)] }] }),
    () => ({ matchExpressions: [{ key: pick(KEYS), operator: pick(['In', 'NotIn', 'Exists', 'DoesNotExist']), values: [pick(VALUES), pick(VALUES)] }] }),
    () => ({}),
    () => null,
    () => undefined,
    () => 'not a selector',
    () => ({ matchLabels: 'not a map' }),
  ])();
  const manifests: Manifest[] = [];
  for (let i = 0; i < count; i++) {
    const metadata = { name: `o${i % 7}`, namespace: pick(NAMESPACES) };
    const podLabels = labels();
    const container = { name: 'app', image: 'ghcr.io/acme/app:1.0.0', ports: [{ name: 'http', containerPort: 8080 }] };
    const kind = pick(['Deployment', 'StatefulSet', 'Pod', 'Job', 'PodDisruptionBudget', 'PodDisruptionBudget', 'NetworkPolicy', 'Service', 'Service', 'KnativeService', 'ConfigMap']);
    switch (kind) {
      case 'Deployment':
      case 'StatefulSet':
        manifests.push({ apiVersion: 'apps/v1', kind, metadata, spec: { replicas: pick([1, 2, 3, undefined]), selector: { matchLabels: podLabels }, template: { metadata: { labels: podLabels }, spec: { containers: [container] } } } });
        break;
      case 'Pod':
        manifests.push({ apiVersion: 'v1', kind, metadata: { ...metadata, labels: podLabels }, spec: { containers: [container] } });
        break;
      case 'Job':
        manifests.push({ apiVersion: 'batch/v1', kind, metadata, spec: { template: { metadata: { labels: podLabels }, spec: { containers: [container] } } } });
        break;
      case 'PodDisruptionBudget':
        manifests.push({ apiVersion: 'policy/v1', kind, metadata, spec: { minAvailable: pick([1, 2, 3, '50%']), selector: labelSelector() } });
        break;
      case 'NetworkPolicy':
        manifests.push({ apiVersion: 'networking.k8s.io/v1', kind, metadata, spec: { podSelector: labelSelector(), policyTypes: pick([['Ingress'], ['Egress'], ['Ingress', 'Egress'], undefined]) } });
        break;
      case 'Service':
        manifests.push({ apiVersion: 'v1', kind, metadata, spec: { selector: pick([labels(), labels(), {}, undefined, 'not a map']), ports: [{ port: 80, targetPort: pick(['http', 'grpc', 8080, 9090]) }] } });
        break;
      case 'KnativeService':
        manifests.push({ apiVersion: 'serving.knative.dev/v1', kind: 'Service', metadata, spec: { selector: labels() } });
        break;
      default:
        manifests.push({ apiVersion: 'v1', kind, metadata, data: {} });
    }
    if (next() < 0.03) {
      manifests.push(manifests[Math.floor(next() * manifests.length)]); // the same object twice
    }
  }
  return manifests;
}

