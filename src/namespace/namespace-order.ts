import { ApiObject, Chart } from 'cdk8s';
import { IConstruct } from 'constructs';
import { secureNamespaces } from './namespace-registry';
import { CLUSTER_SCOPED_KINDS } from '../private/cluster-scoped';
import { fail } from '../private/errors';

/**
 * Orders every SecureNamespace's Namespace before the objects that live in it, so that
 * `kubectl apply -f dist/` works on an empty cluster whatever the chart and file names:
 *
 * - a chart with an object in the namespace depends on the chart of the SecureNamespace; cdk8s
 *   then writes that chart first (and, with the default `YamlOutputType.FILE_PER_CHART`, prefixes
 *   every file with its position, `0000-`, `0001-`, …, so the lexical order kubectl reads them in
 *   is that order);
 * - in the SecureNamespace's own chart, each object in the namespace depends on the Namespace.
 *
 * Run at synth, before cdk8s resolves the dependencies (the validation of the app's first
 * SecureNamespace), so that it sees every chart of the app whenever it was created. One walk over
 * the app covers every SecureNamespace.
 */
export function orderNamespacesFirst(scope: IConstruct): void {
  const namespaces = secureNamespaces(scope);
  if (namespaces.size === 0) {
    return;
  }
  for (const construct of scope.node.root.node.findAll()) {
    if (!(construct instanceof ApiObject) || CLUSTER_SCOPED_KINDS.has(construct.kind)) {
      continue;
    }
    const namespace = construct.metadata.namespace;
    const entry = namespace === undefined ? undefined : namespaces.get(namespace);
    if (entry === undefined || entry.namespaceObject === undefined || construct.node.scopes.includes(entry.owner)) {
      continue; // not in a SecureNamespace's namespace, or one of the SecureNamespace's own objects
    }
    const chart = Chart.of(construct);
    const namespaceChart = Chart.of(entry.owner);
    if (chart === namespaceChart) {
      construct.node.addDependency(entry.namespaceObject());
    } else if (chart.node.scopes.includes(namespaceChart)) {
      fail(entry.owner, 'name', `the chart ${chart.node.path} inside this SecureNamespace's chart puts objects in namespace '${namespace}', `
        + 'but cdk8s writes a chart after the charts inside it, so they would come before the Namespace', chart.node.path,
      'put the SecureNamespace in a chart of its own (or in the chart of those objects)');
    } else {
      chart.node.addDependency(namespaceChart);
    }
  }
}
