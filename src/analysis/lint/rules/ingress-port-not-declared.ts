// An ingress rule's ports are the selected pod's own ports, after any Service translation
// (semantics §2.7, §4.2). A number none of the selected pods declares is usually the Service's
// port written where the container's target port belongs.

import type { Pod, Service } from '../../../model/cluster.js';
import type { NetworkPolicy, PolicyPort } from '../../../model/network-policy.js';
import type { LintContext } from '../context.js';
import type { Draft, LintRule } from '../rule.js';
import { atPort } from '../where.js';
import { count, distinctSorted, someOf } from '../wording.js';

export const ingressPortNotDeclared: LintRule = {
  id: 'ingress-port-not-declared',
  severity: 'warning',
  title: 'Ingress port that no selected pod declares',
  description:
    'An ingress port entry (a number or range) matches none of the container ports the selected pods declare. ' +
    "Ingress ports are the pod's own ports, after a Service has translated its port to the target port, so a " +
    "Service's port (80) where the container listens on 8080 admits nothing. Checked only when every selected " +
    'pod declares its ports (containerPort is optional, and a pod that declares none may listen anywhere).',
  help: "Write the container's port (the Service's targetPort), or the container port's name.",
  *check(context: LintContext): Iterable<Draft> {
    for (const policy of context.cluster.policies) {
      if (!policy.policyTypes.includes('ingress')) continue;
      const pods = context.selectedPods(policy);
      if (pods.length === 0 || pods.some((pod) => pod.ports.length === 0)) continue;
      for (const rule of policy.ingress) {
        if (rule.ports.kind === 'any') continue;
        for (const port of rule.ports.items) {
          if (port.port.kind !== 'range' || pods.some((pod) => declares(pod, port))) continue;
          yield { ...atPort(policy, 'ingress', rule, port), ...explain(context, policy, port, pods) };
        }
      }
    }
  },
};

function declares(pod: Pod, entry: PolicyPort): boolean {
  const spec = entry.port;
  if (spec.kind !== 'range') return true;
  return pod.ports.some((p) => p.protocol === entry.protocol && spec.from <= p.containerPort && p.containerPort <= spec.to);
}

function explain(context: LintContext, policy: NetworkPolicy, entry: PolicyPort, pods: readonly Pod[]): { message: string; fix: string } {
  const spec = entry.port;
  const written = spec.kind === 'range' ? `${entry.protocol}/${spec.from === spec.to ? spec.from : `${spec.from}-${spec.to}`}` : entry.protocol;
  const declared = distinctSorted(pods.flatMap((pod) => pod.ports.map((p) => `${p.protocol}/${p.containerPort}`)));
  const service = spec.kind === 'range' ? translatingService(context.cluster.services, policy.namespace, pods, entry) : undefined;
  const viaService =
    service === undefined
      ? ''
      : `; Service ${service.namespace}/${service.name} maps port ${service.port} to target port ${service.target}, and NetworkPolicies see the target port`;
  return {
    message: `no pod this policy selects (${count(pods.length, 'pod')}) declares ${written}; they declare ${someOf(declared, 5)}${viaService}`,
    fix: service === undefined ? `write a port the pods declare (${someOf(declared, 5)})` : `write the target port ${service.target}`,
  };
}

/** A Service of the namespace selecting these pods whose port is the entry's number: its target port is what was meant. */
function translatingService(
  services: readonly Service[],
  namespace: string,
  pods: readonly Pod[],
  entry: PolicyPort,
): { namespace: string; name: string; port: number; target: string } | undefined {
  const spec = entry.port;
  if (spec.kind !== 'range') return undefined;
  for (const service of services) {
    const selector = service.selector;
    if (service.namespace !== namespace || selector === undefined || Object.keys(selector).length === 0) continue;
    if (!pods.some((pod) => Object.entries(selector).every(([k, v]) => Object.hasOwn(pod.labels, k) && pod.labels[k] === v))) continue;
    const port = service.ports.find((p) => p.protocol === entry.protocol && spec.from <= p.port && p.port <= spec.to && p.targetPort !== p.port);
    if (port !== undefined) return { namespace, name: service.name, port: port.port, target: String(port.targetPort) };
  }
  return undefined;
}

