import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { problem } from '../private/errors';
import { synthIndex } from '../private/synth-index';

/** A pod template of the app, as far as peer checks need it. */
interface PodShape {
  readonly labels: Record<string, string>;
  readonly ports: Array<{ name?: string; containerPort: number; protocol: string }>;
}

const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'Pod']);

/** One walk over the app: the pod templates of every workload, by namespace ('' when unset). */
function podsByNamespace(root: IConstruct): Map<string, PodShape[]> {
  const index = new Map<string, PodShape[]>();
  for (const c of root.node.findAll()) {
    if (!(c instanceof ApiObject) || !WORKLOAD_KINDS.has(c.kind)) {
      continue;
    }
    const json = c.toJson();
    const template = c.kind === 'Pod' ? json
      : c.kind === 'CronJob' ? json.spec?.jobTemplate?.spec?.template
        : json.spec?.template;
    const containers: any[] = template?.spec?.containers ?? [];
    const shape: PodShape = {
      labels: template?.metadata?.labels ?? {},
      ports: containers.flatMap((ct) => (ct.ports ?? []).map((p: any) => ({ name: p.name, containerPort: p.containerPort, protocol: p.protocol ?? 'TCP' }))),
    };
    const namespace = c.metadata.namespace ?? '';
    index.set(namespace, [...(index.get(namespace) ?? []), shape]);
  }
  return index;
}

/** A label-selected peer to check at synth. */
export interface LabelPeer {
  readonly field: string;
  readonly description: string;
  readonly namespace: string | undefined;
  readonly labels: Record<string, string>;
  /** Ports the traffic goes to on the peer (egress), to check that the peer's pods expose them. */
  readonly ports?: Array<{ port: number; protocol: string }>;
}

/**
 * Refuses, at synth, label-selected peers that select no pod template of the app in their
 * namespace, and egress ports that the selected pods do not expose. A namespace the app emits no
 * workloads into is not judged: its pods come from elsewhere.
 */
export function checkLabelPeers(owner: IConstruct, peers: () => LabelPeer[]): void {
  const index = synthIndex(owner, podsByNamespace);
  owner.node.addValidation({
    validate: () => {
      const errors: string[] = [];
      for (const peer of peers()) {
        const pods = index().get(peer.namespace ?? '');
        if (pods === undefined) {
          continue;
        }
        const selected = pods.filter((p) => Object.entries(peer.labels).every(([k, v]) => p.labels[k] === v));
        const where = peer.namespace === undefined ? 'in its namespace' : `in namespace '${peer.namespace}'`;
        if (selected.length === 0) {
          errors.push(problem(peer.field, `${peer.description} selects no pod of this app ${where}`, peer.labels,
            'fix the labels to match a workload\'s pod labels, or allow a golden workload directly'));
          continue;
        }
        for (const port of peer.ports ?? []) {
          if (!selected.some((p) => p.ports.some((cp) => cp.containerPort === port.port && cp.protocol === port.protocol))) {
            const exposed = [...new Set(selected.flatMap((p) => p.ports.map((cp) => `${cp.containerPort}/${cp.protocol}`)))].join(', ') || 'none';
            errors.push(problem(peer.field, `the pods of ${peer.description} do not expose port ${port.port}/${port.protocol} (they expose ${exposed})`, port.port,
              'use a port the pods declare'));
          }
        }
      }
      return errors;
    },
  });
}
