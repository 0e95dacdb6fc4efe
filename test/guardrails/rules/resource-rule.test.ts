import { RuleId } from '../../../src/conventions/rule-ids';
import { cpuLimit } from '../../../src/guardrails/rules/cpu-limit';
import { cpuRequest } from '../../../src/guardrails/rules/cpu-request';
import { memoryLimit } from '../../../src/guardrails/rules/memory-limit';
import { memoryRequest } from '../../../src/guardrails/rules/memory-request';
import { resourceRule } from '../../../src/guardrails/rules/resource-rule';
import { appContainer, CONFIG_MAP, messagesOf, referenceManifests } from '../helpers';

describe('resourceRule', () => {
  const gpuLimit = resourceRule({ id: 'gpu-limit', resource: 'nvidia.com/gpu', field: 'limits', severity: 'warning', why: 'w' });
  const gpuRequest = resourceRule({ id: 'gpu-request', resource: 'nvidia.com/gpu', field: 'requests', severity: 'error', why: 'w' });

  test('compliant: every container sets the resource', () => {
    // GIVEN a container with a GPU request and limit
    const manifests = referenceManifests();
    const resources = appContainer(manifests).resources;
    resources.requests['nvidia.com/gpu'] = 1;
    resources.limits['nvidia.com/gpu'] = 1;
    // WHEN the rules run / THEN nothing is reported
    expect(messagesOf(gpuLimit, manifests)).toEqual([]);
    expect(messagesOf(gpuRequest, manifests)).toEqual([]);
  });

  test('non-compliant: a request must be set and more than 0, a limit only set', () => {
    // GIVEN a zero GPU request and limit
    const manifests = referenceManifests();
    const resources = appContainer(manifests).resources;
    resources.requests['nvidia.com/gpu'] = '0';
    resources.limits['nvidia.com/gpu'] = '0';
    // WHEN the rules run / THEN only the request is reported
    expect(messagesOf(gpuRequest, manifests)).toEqual(["container app: resources.requests.nvidia.com/gpu is '0', expected more than 0"]);
    expect(messagesOf(gpuLimit, manifests)).toEqual([]);
    // and without them, both are
    delete resources.requests['nvidia.com/gpu'];
    delete resources.limits['nvidia.com/gpu'];
    expect(messagesOf(gpuRequest, manifests)).toEqual(['container app: resources.requests.nvidia.com/gpu is unset']);
    expect(messagesOf(gpuLimit, manifests)).toEqual(['container app: resources.limits.nvidia.com/gpu is unset']);
  });

  test('not applicable: an object without pod template', () => {
    expect(messagesOf(gpuRequest, [CONFIG_MAP])).toEqual([]);
    expect(gpuRequest.appliesTo).toEqual({ podTemplate: true });
  });

  test('makes the cpu and memory pairs with their ids, severities and fixes', () => {
    expect([cpuRequest, memoryRequest, cpuLimit, memoryLimit].map((rule) => [rule.id, rule.severity, rule.fix])).toEqual([
      [RuleId.CPU_REQUEST, 'error', 'Set resources.requests.cpu on every container (and init container).'],
      [RuleId.MEMORY_REQUEST, 'error', 'Set resources.requests.memory on every container (and init container).'],
      [RuleId.CPU_LIMIT, 'warning', 'Set resources.limits.cpu on every container (and init container).'],
      [RuleId.MEMORY_LIMIT, 'error', 'Set resources.limits.memory on every container (and init container).'],
    ]);
  });
});
