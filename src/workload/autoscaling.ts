import * as k8s from 'cdk8s-plus-30/lib/imports/k8s';
import { IConstruct } from 'constructs';
import { checkInteger } from '../private/checks';
import { fail } from '../private/errors';

/** Horizontal autoscaling of a workload (HorizontalPodAutoscaler `autoscaling/v2`). */
export interface AutoscalingOptions {
  /** The most replicas the autoscaler may run. Must be above `minReplicas`. */
  readonly maxReplicas: number;
  /**
   * The fewest replicas; at least 2, so a single node loss never takes the service down.
   * @default 2
   */
  readonly minReplicas?: number;
  /**
   * Target average CPU use, in percent of the CPU request.
   * @default 70
   */
  readonly cpuUtilizationPercent?: number;
  /**
   * Target average memory use, in percent of the memory request.
   * @default - memory is not a scaling signal
   */
  readonly memoryUtilizationPercent?: number;
}

/** The resolved autoscaler spec. */
export interface Autoscaling {
  readonly minReplicas: number;
  readonly maxReplicas: number;
  readonly metrics: k8s.MetricSpecV2[];
}

/** Checks autoscaling options: at least 2 pods, a max above the min, sensible targets. */
export function resolveAutoscaling(scope: IConstruct, options: AutoscalingOptions): Autoscaling {
  if (options === null || typeof options !== 'object') {
    fail(scope, 'autoscaling', 'must be autoscaling options', options, 'pass { maxReplicas: 10 }');
  }
  const minReplicas = options.minReplicas === undefined ? 2
    : checkInteger(scope, 'autoscaling.minReplicas', options.minReplicas, 2, 999, 'use at least 2 replicas so that one node loss does not take the service down, and leave room for maxReplicas (at most 1000)');
  const maxReplicas = checkInteger(scope, 'autoscaling.maxReplicas', options.maxReplicas, 1, 1000);
  if (maxReplicas <= minReplicas) {
    fail(scope, 'autoscaling.maxReplicas', `must be above minReplicas (${minReplicas})`, maxReplicas, `set maxReplicas to at least ${minReplicas + 1}, or use a fixed \`replicas\` count instead of autoscaling`);
  }
  const metric = (resource: string, percent: number): k8s.MetricSpecV2 => ({
    type: 'Resource',
    resource: { name: resource, target: { type: 'Utilization', averageUtilization: percent } },
  });
  const cpu = options.cpuUtilizationPercent === undefined ? 70 : checkInteger(scope, 'autoscaling.cpuUtilizationPercent', options.cpuUtilizationPercent, 1, 100);
  const metrics = [metric('cpu', cpu)];
  if (options.memoryUtilizationPercent !== undefined) {
    metrics.push(metric('memory', checkInteger(scope, 'autoscaling.memoryUtilizationPercent', options.memoryUtilizationPercent, 1, 100)));
  }
  return { minReplicas, maxReplicas, metrics };
}
