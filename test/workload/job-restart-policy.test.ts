import { JobRestartPolicy } from '../../src/workload/job-restart-policy';

describe('JobRestartPolicy', () => {
  test('the two policies a Job accepts, recognised by brand', () => {
    expect([JobRestartPolicy.NEVER.value, JobRestartPolicy.ON_FAILURE.value]).toEqual(['Never', 'OnFailure']);
    expect(JobRestartPolicy.isJobRestartPolicy(JobRestartPolicy.NEVER)).toBe(true);
    expect(JobRestartPolicy.isJobRestartPolicy({ value: 'Never' })).toBe(false);
  });
});
