import { k8s } from 'cdk8s-plus-30';
import { Construct } from 'constructs';
import { IngressTls } from './network/ingress-tls';
import { checkAnnotations, checkHostName, checkReferenceName } from './private/checks';
import { fail } from './private/errors';
import { refuseNameCollisions } from './private/unique-names';
import { Workload } from './workload/workload';
import { WorkloadProps } from './workload/workload-props';

/** A public HTTP service. */
export interface WebServiceProps extends WorkloadProps {
  /**
   * Public host name. With it, the service is exposed through an Ingress with TLS.
   * @default - no Ingress: the service is reachable inside the cluster and from the ingress
   * controller's namespace only
   */
  readonly host?: string;
  /**
   * The IngressClass that serves the Ingress.
   * @default 'nginx'
   */
  readonly ingressClassName?: string;
  /**
   * The namespace of the ingress controller's pods: the only namespace whose pods may reach the
   * service's pods.
   * @default 'ingress-nginx'
   */
  readonly ingressControllerNamespace?: string;
  /**
   * The certificate of the Ingress.
   * @default IngressTls.certManagerClusterIssuer('letsencrypt') into the Secret `<name>-tls`
   */
  readonly tls?: IngressTls;
  /**
   * Extra annotations on the Ingress (controller settings such as body size or timeouts).
   * @default - none
   */
  readonly ingressAnnotations?: { [key: string]: string };
}

/**
 * A public HTTP service: Deployment, ServiceAccount, Service, PodDisruptionBudget, NetworkPolicy,
 * and with `host` an Ingress with TLS; optionally a HorizontalPodAutoscaler and a ConfigMap.
 */
export class WebService extends Construct {
  /** The name of every object of the service. */
  public readonly name: string;
  /** The public host name, when exposed. */
  public readonly host?: string;
  /** The labels the selectors use (`app.kubernetes.io/name` and `instance`). */
  public readonly selectorLabels: { [key: string]: string };
  /** The labels on every object. */
  public readonly labels: { [key: string]: string };
  /** The container port. */
  public readonly port: number;
  /** The name of the container and Service port. */
  public readonly portName: string;
  /** The Service port. */
  public readonly servicePort: number;
  /** The fixed replica count; undefined under autoscaling. */
  public readonly replicas?: number;

  /** The Deployment running the pods. */
  public readonly deployment: k8s.KubeDeployment;
  /** The ClusterIP Service in front of the pods. */
  public readonly service: k8s.KubeService;
  /** The ServiceAccount of the pods (no token mounted, no API access). */
  public readonly serviceAccount: k8s.KubeServiceAccount;
  /** The PodDisruptionBudget (one pod down at a time). */
  public readonly podDisruptionBudget: k8s.KubePodDisruptionBudget;
  /** The NetworkPolicy covering the pods for ingress and egress. */
  public readonly networkPolicy: k8s.KubeNetworkPolicy;
  /** The Ingress, when `host` was given. */
  public readonly ingress?: k8s.KubeIngress;
  /** The HorizontalPodAutoscaler, when `autoscaling` was given. */
  public readonly autoscaler?: k8s.KubeHorizontalPodAutoscalerV2;
  /** The ConfigMap of the `config` files, when given. */
  public readonly configMap?: k8s.KubeConfigMap;

  constructor(scope: Construct, id: string, props: WebServiceProps) {
    super(scope, id);
    const controllerNamespace = checkReferenceName(this, 'ingressControllerNamespace', props?.ingressControllerNamespace ?? 'ingress-nginx');
    const workload = new Workload(this, id, props, {
      component: 'web',
      ingressFrom: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': controllerNamespace } } }],
    });
    this.name = workload.name;
    this.selectorLabels = workload.selectorLabels;
    this.labels = workload.labels;
    this.port = workload.port;
    this.portName = workload.portName;
    this.servicePort = workload.servicePort;
    this.replicas = workload.replicas;
    this.deployment = workload.deployment;
    this.service = workload.service;
    this.serviceAccount = workload.serviceAccount;
    this.podDisruptionBudget = workload.podDisruptionBudget;
    this.networkPolicy = workload.networkPolicy;
    this.autoscaler = workload.autoscaler;
    this.configMap = workload.configMap;

    if (props.host !== undefined) {
      this.host = checkHostName(this, 'host', props.host);
      const ingress = this.exposeViaIngress(workload, this.host, props);
      this.ingress = ingress;
      refuseNameCollisions(this, () => [ingress]);
    } else {
      for (const field of ['ingressClassName', 'tls', 'ingressAnnotations'] as const) {
        if (props[field] !== undefined) {
          fail(this, field, 'only applies to an Ingress, and there is none without `host`', field === 'tls' ? 'an IngressTls' : props[field], 'set `host` or remove this prop');
        }
      }
    }
  }

  private exposeViaIngress(workload: Workload, host: string, props: WebServiceProps): k8s.KubeIngress {
    const ingressClassName = checkReferenceName(this, 'ingressClassName', props.ingressClassName ?? 'nginx');
    const tlsSource = props.tls ?? IngressTls.certManagerClusterIssuer('letsencrypt');
    if (!(tlsSource instanceof IngressTls)) {
      fail(this, 'tls', 'must be an IngressTls', tlsSource, "use IngressTls.certManagerClusterIssuer('letsencrypt') or IngressTls.existingSecret('name')");
    }
    const tls = tlsSource._resolve(this, 'tls', `${workload.name}-tls`);
    const extra = props.ingressAnnotations === undefined ? {} : checkAnnotations(this, 'ingressAnnotations', props.ingressAnnotations);
    return new k8s.KubeIngress(this, 'Ingress', {
      metadata: workload.metadata({ ...extra, ...tls.annotations }),
      spec: {
        ingressClassName,
        tls: [{ hosts: [host], secretName: tls.secretName }],
        rules: [{
          host,
          http: {
            paths: [{
              path: '/',
              pathType: 'Prefix',
              backend: { service: { name: workload.service.name, port: { name: workload.portName } } },
            }],
          },
        }],
      },
    });
  }
}
