import { Finding } from '../../src/guardrails/engine';
import { synthErrorMessage, synthWarningMessage } from '../../src/guardrails/synth-report';

const FINDING: Finding = {
  rule: 'replicas',
  severity: 'warning',
  kind: 'Deployment',
  name: 'web',
  namespace: 'shop',
  message: 'spec.replicas is 1, expected 2 or more',
  why: 'One replica is one outage.',
  fix: 'Run 2 or more.',
};

describe('synthErrorMessage', () => {
  test('one headline, then each finding with path, rule, object, message, why and fix', () => {
    // WHEN
    const message = synthErrorMessage([
      { path: 'shop/web/Resource', finding: { ...FINDING, severity: 'error' } },
      { path: 'shop/web/Resource', finding: { ...FINDING, severity: 'error', rule: 'pdb', message: 'no budget' } },
    ]);
    // THEN
    expect(message).toEqual([
      'guardrails: 2 findings at error level in 1 object; fix each one as below, or acknowledge it with Guardrails.acknowledge(object, ruleId, reason)',
      '  - [shop/web/Resource] replicas (Deployment web): spec.replicas is 1, expected 2 or more',
      '      why: One replica is one outage.',
      '      fix: Run 2 or more.',
      '  - [shop/web/Resource] pdb (Deployment web): no budget',
      '      why: One replica is one outage.',
      '      fix: Run 2 or more.',
    ].join('\n'));
  });
});

describe('synthWarningMessage', () => {
  test('names the scope, or the app for the root', () => {
    // WHEN
    const chart = synthWarningMessage('shop', [{ path: 'shop/web/Resource', finding: FINDING }]);
    const app = synthWarningMessage('', [{ path: 'shop/web/Resource', finding: FINDING }, { path: 'shop/api/Resource', finding: FINDING }]);
    // THEN
    expect(chart.split('\n')[0]).toEqual('cdk8s-golden guardrails: 1 warning in shop (warnings do not fail the synth)');
    expect(app.split('\n')[0]).toEqual('cdk8s-golden guardrails: 2 warnings in the app (warnings do not fail the synth)');
    expect(app.endsWith('      fix: Run 2 or more.\n')).toBe(true);
  });
});
