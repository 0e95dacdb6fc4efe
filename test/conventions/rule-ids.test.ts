import { RuleId } from '../../src/conventions/rule-ids';
import { ACK_REASON_RULE } from '../../src/guardrails/engine';
import { ALL_RULES } from '../../src/guardrails/rules';

describe('RuleId', () => {
  test('names every rule id, in capitals with _ for -, and nothing else', () => {
    // GIVEN the rules and the acknowledgement rule
    const ids = [...ALL_RULES.map((rule) => rule.id), ACK_REASON_RULE.id];
    // WHEN the constants are listed
    const constants = Object.entries(RuleId);
    // THEN there is one constant per rule, named after its id
    expect(constants).toEqual(ids.map((id) => [id.toUpperCase().replace(/-/g, '_'), id]));
  });

  test('gives the ids the rules report', () => {
    expect(RuleId.CPU_LIMIT).toBe('cpu-limit');
    expect(RuleId.PSS_RUN_AS_USER).toBe('pss-run-as-user');
    expect(RuleId.ACK_REASON).toBe('ack-reason');
  });
});
