/**
 * Validates manifests against the Kubernetes 1.30 OpenAPI schema, as published by
 * `kubernetes-models` (one model class per apiVersion and kind), and Gateway API objects against
 * the Gateway API CRD schemas (`@kubernetes-models/gateway-api`), KEDA objects against KEDA's
 * (`@kubernetes-models/keda`), and Prometheus Operator objects (ServiceMonitor, PodMonitor) against
 * its CRD schemas (`@kubernetes-models/prometheus-operator`).
 */
export function schemaErrors(doc: { apiVersion: string; kind: string; metadata?: { name?: string } }): string[] {
  let models: Record<string, new (data: unknown) => { validate(): void }>;
  try {
    const group = doc.apiVersion.includes('/') ? doc.apiVersion.split('/')[0] : '';
    const modulePath = group === 'gateway.networking.k8s.io' ? `@kubernetes-models/gateway-api/${doc.apiVersion}`
      : group === 'keda.sh' ? `@kubernetes-models/keda/${doc.apiVersion}`
        : group === 'monitoring.coreos.com' ? `@kubernetes-models/prometheus-operator/${doc.apiVersion}`
          : `kubernetes-models/${doc.apiVersion}`;
    // The model module depends on the document's apiVersion, so it can only be required at run time.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    models = require(modulePath);
  } catch {
    return [`${doc.kind} ${doc.metadata?.name}: no schema for apiVersion ${doc.apiVersion}`];
  }
  const Model = models[doc.kind];
  if (!Model) {
    return [`${doc.kind} ${doc.metadata?.name}: no schema for kind ${doc.kind} in ${doc.apiVersion}`];
  }
  try {
    new Model(doc).validate();
    return [];
  } catch (e) {
    return [`${doc.kind} ${doc.metadata?.name}: ${(e as Error).message}`];
  }
}

/** Schema errors of every manifest; empty when all are valid. */
export function allSchemaErrors(docs: any[]): string[] {
  return docs.flatMap(schemaErrors);
}
