import { Testing } from 'cdk8s';
import { oneOf } from './util/manifests';
import { allSchemaErrors } from './util/schema';
import { StorefrontChart } from '../examples/web-service/main';
import { checkManifests } from '../src/guardrails/engine';

describe('examples/web-service', () => {
  // GIVEN
  const app = Testing.app();
  // WHEN
  const chart = new StorefrontChart(app, 'shop');
  const docs = Testing.synth(chart);

  test('synthesizes the storefront with every object the README promises', () => {
    // THEN
    expect(docs).toMatchSnapshot();
    expect(docs.map((d) => d.kind)).toEqual([
      'ServiceAccount', 'ConfigMap', 'Deployment', 'Service', 'PodDisruptionBudget', 'NetworkPolicy', 'HorizontalPodAutoscaler', 'Ingress',
    ]);
    expect(oneOf(docs, 'Ingress').spec.rules[0].host).toBe('shop.example.com');
    expect(oneOf(docs, 'Deployment').spec.replicas).toBeUndefined();
    expect(docs.every((d) => d.metadata.namespace === 'shop')).toBe(true);
  });

  test('passes every guardrail rule and the Kubernetes 1.30 schema', () => {
    expect(checkManifests(docs).map((f) => `${f.rule} ${f.kind}/${f.name}: ${f.message}`)).toEqual([]);
    expect(allSchemaErrors(docs)).toEqual([]);
  });
});
