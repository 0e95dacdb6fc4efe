import { ApiObject, Chart, JsonPatch } from 'cdk8s';

/**
 * Takes the chart's namespace off a cluster-scoped object: cdk8s copies a Chart's namespace onto
 * every object, and a Namespace or ClusterRole with `metadata.namespace` is wrong (GitOps tools
 * report it, some API servers refuse it).
 */
export function clusterScoped<T extends ApiObject>(obj: T): T {
  if (Chart.of(obj).namespace !== undefined) {
    obj.addJsonPatch(JsonPatch.remove('/metadata/namespace'));
  }
  return obj;
}
