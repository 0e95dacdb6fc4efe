import { Manifest } from '../../../src/guardrails/manifest';
import { jobRestartPolicy } from '../../../src/guardrails/rules/job-restart-policy';
import { CONFIG_MAP, job, messagesOf, referenceManifests } from '../helpers';

/** The test Job (job()) with its template's restartPolicy set (undefined: removed). */
function jobWith(restartPolicy: string | undefined): Manifest {
  const manifest = job();
  manifest.spec.template.spec.restartPolicy = restartPolicy;
  if (restartPolicy === undefined) {
    delete manifest.spec.template.spec.restartPolicy;
  }
  return manifest;
}

/** A CronJob running a test Job's template. */
function cronJobOf(jobManifest: Manifest): Manifest {
  return { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'nightly', namespace: 'shop' }, spec: { schedule: '0 3 * * *', jobTemplate: { spec: jobManifest.spec } } };
}

describe('job-restart-policy', () => {
  test('compliant: Never and OnFailure, on a Job and a CronJob', () => {
    // GIVEN the two policies the API server accepts for a Job
    const manifests = [jobWith('Never'), jobWith('OnFailure'), cronJobOf(jobWith('Never')), cronJobOf(jobWith('OnFailure'))];
    // WHEN the rule runs
    const messages = messagesOf(jobRestartPolicy, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });

  test('non-compliant: Always, and unset (defaulted to Always), on a Job and a CronJob', () => {
    // GIVEN templates the API server refuses
    const manifests = [jobWith('Always'), jobWith(undefined), cronJobOf(jobWith('Always')), cronJobOf(jobWith(undefined))];
    // WHEN the rule runs
    const messages = messagesOf(jobRestartPolicy, manifests);
    // THEN each is reported with the value
    const always = "restartPolicy is 'Always'; a Job needs 'OnFailure' or 'Never'";
    const unset = "restartPolicy is unset, which Kubernetes defaults to 'Always'; a Job needs 'OnFailure' or 'Never'";
    expect(messages).toEqual([always, unset, always, unset]);
  });

  test('not applicable: a ConfigMap, and the Deployment of the reference web service (restartPolicy Always is its only value)', () => {
    // GIVEN objects that are no Job
    const manifests = [CONFIG_MAP, ...referenceManifests()];
    // WHEN the rule runs
    const messages = messagesOf(jobRestartPolicy, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });
});
