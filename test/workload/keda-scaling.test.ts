import { Duration, Testing } from 'cdk8s';
import { resolveKedaScaling } from '../../src/workload/keda-scaling';

const QUEUE = { type: 'aws-sqs-queue', metadata: { queueURL: 'https://sqs.eu-west-1.amazonaws.com/1/jobs', queueLength: '5' } };

describe('resolveKedaScaling', () => {
  test('defaults: 2 to max pods, triggers read every 30s, 5 min cooldown', () => {
    // GIVEN
    const chart = Testing.chart();
    // WHEN
    const scaling = resolveKedaScaling(chart, 'keda', { triggers: [QUEUE], maxReplicas: 8 });
    // THEN
    expect(scaling).toEqual({
      minReplicaCount: 2,
      maxReplicaCount: 8,
      pollingInterval: 30,
      cooldownPeriod: 300,
      triggers: [{ type: 'aws-sqs-queue', metadata: QUEUE.metadata, authenticationRef: undefined }],
    });
  });

  test('scale to zero: max must still be above 1', () => {
    // GIVEN
    const chart = Testing.chart();
    // WHEN / THEN
    expect(resolveKedaScaling(chart, 'keda', { triggers: [QUEUE], maxReplicas: 2, minReplicas: 0 }).minReplicaCount).toBe(0);
    expect(() => resolveKedaScaling(chart, 'keda', { triggers: [QUEUE], maxReplicas: 1, minReplicas: 0 })).toThrow(
      '[test] keda.maxReplicas: must be above minReplicas (0) and 1, got 1; set maxReplicas to at least 2');
  });

  test.each([
    [{ triggers: [QUEUE], maxReplicas: 8, cooldownPeriod: Duration.millis(1500) },
      "[test] keda.cooldownPeriod: must be a whole number of seconds from 1 to 86400, got '1.5s'; use Duration.seconds(n) with n from 1 to 86400"],
    [{ triggers: [{ ...QUEUE, authenticationRef: 'Bad_Name' }], maxReplicas: 8 },
      "[test] keda.triggers[0].authenticationRef: must be the name of an object (a DNS subdomain), got 'Bad_Name'; use lower-case letters, digits, '-' and '.', such as 'app-secrets'"],
    [{ triggers: [null], maxReplicas: 8 },
      "[test] keda.triggers[0]: must be a trigger, got null; pass { type: 'rabbitmq', metadata: {...} }"],
    [null, "[test] keda: must be KEDA scaling options, got null; pass { maxReplicas: 10, triggers: [{ type: 'rabbitmq', metadata: {...} }] }"],
  ])('refuses bad options (%#)', (options, message) => {
    expect(() => resolveKedaScaling(Testing.chart(), 'keda', options as any)).toThrow(message);
  });
});
