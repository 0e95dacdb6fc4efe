import { Duration, Testing } from 'cdk8s';
import { resolveJobOptions } from '../../src/workload/job-options';
import { JobRestartPolicy } from '../../src/workload/job-restart-policy';

describe('resolveJobOptions', () => {
  test('defaults: one hour, 3 retries, kept a day, a new pod per attempt', () => {
    expect(resolveJobOptions(Testing.chart(), {})).toEqual({ activeDeadlineSeconds: 3600, backoffLimit: 3, ttlSecondsAfterFinished: 86400, restartPolicy: 'Never' });
  });

  test('every option', () => {
    expect(resolveJobOptions(Testing.chart(), {
      activeDeadline: Duration.minutes(5), backoffLimit: 0, ttlAfterFinished: Duration.seconds(0), restartPolicy: JobRestartPolicy.ON_FAILURE,
    })).toEqual({ activeDeadlineSeconds: 300, backoffLimit: 0, ttlSecondsAfterFinished: 0, restartPolicy: 'OnFailure' });
  });

  test.each([
    [{ activeDeadline: Duration.days(8) }, "[test] activeDeadline: must be a whole number of seconds from 1 to 604800, got '691200s'; use Duration.seconds(n) with n from 1 to 604800"],
    [{ ttlAfterFinished: 60 as any }, '[test] ttlAfterFinished: must be a Duration, got 60; use Duration.seconds(n) from cdk8s'],
    [{ restartPolicy: { value: 'Never' } as any }, '[test] restartPolicy: must be a JobRestartPolicy, got {"value":"Never"}; use JobRestartPolicy.NEVER or JobRestartPolicy.ON_FAILURE'],
  ])('refuses bad options (%#)', (options, message) => {
    expect(() => resolveJobOptions(Testing.chart(), options)).toThrow(message);
  });
});
