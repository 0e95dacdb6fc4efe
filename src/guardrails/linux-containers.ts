import { Manifest } from './manifest';
import { ContainerRef, isWindowsPod, PodTemplate } from './pod-template';
import { RuleContext } from './rule';

/**
 * Runs a per-container check over every container (init and ephemeral ones included) of a Linux
 * pod template. Other objects, and Windows pods, which the Linux-only controls skip as the Pod
 * Security admission does, give no message.
 */
export function checkLinuxContainers(object: Manifest, context: RuleContext,
  check: (ref: ContainerRef, template: PodTemplate) => string[]): string[] {
  const template = context.podTemplateOf(object);
  if (!template || isWindowsPod(template)) {
    return [];
  }
  return template.containers.flatMap((ref) => check(ref, template));
}
