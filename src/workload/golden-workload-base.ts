import * as k8s from 'cdk8s-plus-30/lib/imports/k8s';
import { GoldenConstruct } from './golden-construct';
import { Workload } from './workload';

/**
 * What every golden construct made of one workload core shares (WebService, InternalApi, Worker,
 * ScheduledJob, MigrationJob, StatefulService): the name, labels and the objects every core makes,
 * read from the core, never copied. A CanaryRelease, made of two cores, exposes them per track.
 */
export abstract class GoldenWorkloadBase extends GoldenConstruct {
  /**
   * The workload core, set by the subclass's constructor.
   * @internal
   */
  protected abstract readonly _core: Workload;

  /** The name of every object of the workload. */
  public get name(): string {
    return this._core.name;
  }

  /** The namespace of its chart, if the chart has one. */
  public get namespace(): string | undefined {
    return this._core.namespace;
  }

  /** The labels on every object. */
  public get labels(): { [key: string]: string } {
    return this._core.labels;
  }

  /** The labels that select the pods (`app.kubernetes.io/name` and `instance`). */
  public get selectorLabels(): { [key: string]: string } {
    return this._core.selectorLabels;
  }

  /** The ServiceAccount of the pods (no token mounted; API access only through grants). */
  public get serviceAccount(): k8s.KubeServiceAccount {
    return this._core.serviceAccount;
  }

  /** The NetworkPolicy covering the pods for ingress and egress. */
  public get networkPolicy(): k8s.KubeNetworkPolicy {
    return this._core.networkPolicy;
  }

  /** The ConfigMap of the `config` files, when given. */
  public get configMap(): k8s.KubeConfigMap | undefined {
    return this._core.configMap;
  }

  /** The Role of the grants, once something was granted. */
  public get role(): k8s.KubeRole | undefined {
    return this._core.role;
  }

  /** The RoleBinding of the grants, once something was granted. */
  public get roleBinding(): k8s.KubeRoleBinding | undefined {
    return this._core.roleBinding;
  }
}
