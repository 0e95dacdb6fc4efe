import * as k8s from 'cdk8s-plus-30/lib/imports/k8s';

/** Where a pod finds its API token, CA and namespace: the path client libraries read. */
export const API_TOKEN_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';

/** The name of the pod volume that holds the API token. */
export const API_TOKEN_VOLUME = 'kube-api-access';

/**
 * The token lifetime opinion: a workload with grants gets a projected, short-lived token (one
 * hour and 7 seconds, the kubelet's own projected token lifetime, which it refreshes at 80%),
 * never a long-lived Secret token; the ServiceAccount and the pod keep
 * `automountServiceAccountToken: false`.
 */
export const API_TOKEN_LIFETIME_SECONDS = 3607;

/** The projected volume of the API token, the cluster's CA and the pod's namespace. */
export function apiTokenVolume(name: string): k8s.Volume {
  return {
    name,
    projected: {
      sources: [
        { serviceAccountToken: { path: 'token', expirationSeconds: API_TOKEN_LIFETIME_SECONDS } },
        { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
        { downwardApi: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
      ],
    },
  };
}
