import * as fs from 'fs';
import * as path from 'path';
import { Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-30';
import { parseAllDocuments } from 'yaml';
import { WebService } from '../src';
import { checkManifests, Finding } from '../src/guardrails/engine';

/** The README's comparison table, kept true by this test. */
function summary(findings: Finding[]): { errors: string[]; warnings: number } {
  return {
    errors: [...new Set(findings.filter((f) => f.severity === 'error').map((f) => f.rule))].sort(),
    warnings: findings.filter((f) => f.severity === 'warning').length,
  };
}

describe('the README comparison: one HTTP service with a public host', () => {
  test('WebService: six objects, no finding', () => {
    // GIVEN / WHEN
    const chart = new Chart(Testing.app(), 'shop', { namespace: 'shop' });
    new WebService(chart, 'storefront', { image: 'ghcr.io/acme/storefront:2.0.1', host: 'shop.example.com' });
    const docs = Testing.synth(chart);
    // THEN
    expect(docs.map((d) => d.kind)).toEqual(['ServiceAccount', 'Deployment', 'Service', 'PodDisruptionBudget', 'NetworkPolicy', 'Ingress']);
    expect(checkManifests(docs)).toEqual([]);
  });

  test('cdk8s-plus-30 with default props: three objects, 4 errors and 9 warnings', () => {
    // GIVEN
    const chart = new Chart(Testing.app(), 'shop', { namespace: 'shop' });
    const deployment = new kplus.Deployment(chart, 'storefront', { containers: [{ image: 'ghcr.io/acme/storefront:2.0.1', portNumber: 8080 }] });
    const service = deployment.exposeViaService({ ports: [{ port: 80, targetPort: 8080 }] });
    new kplus.Ingress(chart, 'ingress', { rules: [{ host: 'shop.example.com', backend: kplus.IngressBackend.fromService(service) }] });
    // WHEN
    const docs = Testing.synth(chart);
    // THEN
    expect(docs.map((d) => d.kind)).toEqual(['Deployment', 'Service', 'Ingress']);
    expect(summary(checkManifests(docs))).toEqual({
      errors: ['pdb', 'pss-capabilities-restricted', 'pss-seccomp-restricted', 'readiness-probe'],
      warnings: 9,
    });
  });

  test('the helm create scaffold: 18 errors and 19 warnings', () => {
    // GIVEN
    const text = fs.readFileSync(path.join(__dirname, 'fixtures', 'helm-scaffold', 'demo.yaml'), 'utf8');
    const docs = parseAllDocuments(text).map((d) => d.toJSON()).filter((d) => d);
    // WHEN
    const findings = checkManifests(docs);
    // THEN
    expect(findings.filter((f) => f.severity === 'error')).toHaveLength(18);
    expect(findings.filter((f) => f.severity === 'warning')).toHaveLength(19);
  });
});
