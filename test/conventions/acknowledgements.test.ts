import * as fs from 'fs';
import * as path from 'path';
import { ACKNOWLEDGEMENT_PREFIX, acknowledgementKey } from '../../src/conventions/acknowledgements';
import { RuleId } from '../../src/conventions/rule-ids';
import { checkManifests } from '../../src/guardrails/engine';

describe('acknowledgements', () => {
  test('the key of a rule is the prefix and the rule id', () => {
    expect(acknowledgementKey(RuleId.CPU_LIMIT)).toBe('ack.cdk8s-golden.io/cpu-limit');
    expect(ACKNOWLEDGEMENT_PREFIX).toBe('ack.cdk8s-golden.io/');
  });

  test('the engine leaves out the findings of a rule acknowledged with its key', () => {
    // GIVEN a NodePort Service, once plain and once acknowledged
    const service = (annotations: Record<string, string>) => ({
      apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'shop', annotations }, spec: { type: 'NodePort' },
    });
    const rules = checkManifests([service({})]).map((finding) => finding.rule);
    expect(rules).toContain(RuleId.SERVICE_TYPE);
    // WHEN it is acknowledged with the key
    const acknowledged = checkManifests([service({ [acknowledgementKey(RuleId.SERVICE_TYPE)]: 'a lab cluster without a load balancer' })]);
    // THEN its finding is left out, and only it
    expect(acknowledged.map((finding) => finding.rule)).toEqual(rules.filter((rule) => rule !== RuleId.SERVICE_TYPE));
  });

  test('the constructs write acknowledgements without importing the guardrails', () => {
    // GIVEN every source file below the guardrails, diff and the command line (they are the top layer)
    const src = path.join(__dirname, '..', '..', 'src');
    const files = (fs.readdirSync(src, { recursive: true }) as string[])
      .filter((file) => file.endsWith('.ts') && !/^(guardrails|cli|diff)[\\/]/.test(file));
    // WHEN their imports are read
    const importers = files.filter((file) => /from '(\.\.?\/)+guardrails\/(acknowledgement|rules|rule|engine)'/.test(fs.readFileSync(path.join(src, file), 'utf8')));
    // THEN none imports the acknowledgements or the rules from there
    expect(importers).toEqual([]);
  });
});
