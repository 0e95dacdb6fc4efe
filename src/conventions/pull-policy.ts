/**
 * The image pull opinion: every container pulls its image on every start (`Always`), so a pod
 * never runs a stale image left on a node under the same tag, and the registry checks the pod's
 * pull credentials each time (kube-score, Polaris).
 */
export const IMAGE_PULL_POLICY = 'Always';
