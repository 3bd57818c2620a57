// One (from, to) pair of an intent: which connection the intent is about, whether the engine
// allows it, and, when asked, the verdict that explains it (docs/test.md, "What allow and deny mean").
import { PROTOCOLS } from '../model/common.js';
import type { Protocol } from '../model/common.js';
import type { Service, ServicePort } from '../model/cluster.js';
import { allPortsOf, containsPort, intersectPorts, isEmptyPortSet } from '../algebra/port-set.js';
import type { PortSet } from '../algebra/port-set.js';
import { evaluate } from '../engine/evaluate.js';
import type { CompiledCluster } from '../engine/compile.js';
import type { Endpoint, Verdict } from '../engine/types.js';
import type { Intent } from './intent.js';
import type { IntentEnd } from './intent-ends.js';

/** How the intent's port became the destination port of the explained connection (as `eval` says it). */
export type IntentPortChoice =
  | { readonly kind: 'number' }
  | { readonly kind: 'service-port'; readonly service: string; readonly port: number; readonly portName?: string; readonly targetPort: number | string }
  | { readonly kind: 'container-port'; readonly name: string };

/** What was found for one pair. */
export type PairFinding =
  /** The intent's port: allowed or not. */
  | { readonly kind: 'port'; readonly allowed: boolean }
  /** No port: every port the pair allows (of the intent's protocol, or of all). */
  | { readonly kind: 'any-port'; readonly allowed: PortSet }
  /** No port, `to` a Service: which of its ports (those of the intent's protocol) the pair may use. */
  | { readonly kind: 'service-ports'; readonly allowed: readonly ServicePort[]; readonly checked: readonly ServicePort[] };

export interface Explanation {
  readonly verdict: Verdict;
  readonly portChoice: IntentPortChoice;
}

export type PairResult =
  /** `connects`: the pair can connect as the intent means it (on the port; on some port). */
  | { readonly kind: 'checked'; readonly connects: boolean; readonly finding: PairFinding; readonly explain: () => Explanation }
  /** The intent's port does not exist at this destination. */
  | { readonly kind: 'unresolvable'; readonly error: string };

export interface PairContext {
  readonly compiled: CompiledCluster;
  /** Every port the pair allows, from the connectivity map (computed once, on first use). */
  readonly allowedPorts: (from: IntentEnd, to: IntentEnd) => PortSet;
}

/** One connection on the intent's terms, ready to evaluate. */
interface Probe {
  readonly port: number;
  readonly protocol: Protocol;
  readonly choice: IntentPortChoice;
}

export function checkPair(context: PairContext, intent: Intent, service: Service | undefined, from: IntentEnd, to: IntentEnd): PairResult {
  const verdictOf = (probe: Probe): Explanation => ({
    verdict: evaluate(context.compiled, { from: endpointOf(from), to: endpointOf(to), port: probe.port, protocol: probe.protocol }),
    portChoice: probe.choice,
  });
  if (intent.port !== undefined) {
    const probe = service === undefined ? directProbe(intent, to) : serviceProbe(intent, service, to);
    if (typeof probe === 'string') return { kind: 'unresolvable', error: probe };
    const explanation = verdictOf(probe);
    return { kind: 'checked', connects: explanation.verdict.allowed, finding: { kind: 'port', allowed: explanation.verdict.allowed }, explain: () => explanation };
  }
  if (service !== undefined) return servicePorts(intent, service, to, verdictOf);
  const allowed = restrict(context.allowedPorts(from, to), intent.protocol);
  const connects = !isEmptyPortSet(allowed);
  return { kind: 'checked', connects, finding: { kind: 'any-port', allowed }, explain: () => verdictOf(connects ? allowedPort(allowed, to) : examplePort(intent.protocol, to)) };
}

/** The intent's port at a pod or range: a number as is, a name as the pod's container port. */
function directProbe(intent: Intent, to: IntentEnd): Probe | string {
  const protocol = intent.protocol ?? 'TCP';
  const port = intent.port!;
  if (port.kind === 'number') return { port: port.port, protocol, choice: { kind: 'number' } };
  const containerPort = to.kind === 'pod' ? to.pod.ports.find((p) => p.name === port.name && p.protocol === protocol) : undefined;
  if (containerPort === undefined) return `${to.id} has no ${protocol} container port named "${port.name}"`;
  return { port: containerPort.containerPort, protocol, choice: { kind: 'container-port', name: port.name } };
}

/** semantics §4.2: through a Service, policies see the backend pod's target port. */
function serviceProbe(intent: Intent, service: Service, to: IntentEnd): Probe | string {
  const port = intent.port!;
  const matches = service.ports.filter((p) => (port.kind === 'number' ? p.port === port.port : p.name === port.name) && (intent.protocol === undefined || p.protocol === intent.protocol));
  const name = `${service.namespace}/${service.name}`;
  const given = port.kind === 'number' ? `${port.port}` : `"${port.name}"`;
  const [servicePort] = matches;
  if (servicePort === undefined) return `Service ${name} has no port ${given}${intent.protocol === undefined ? '' : ` for ${intent.protocol}`}`;
  if (matches.length > 1) return `Service ${name} has port ${given} for several protocols; give protocol`;
  return servicePortProbe(service, servicePort, to);
}

function servicePortProbe(service: Service, servicePort: ServicePort, to: IntentEnd): Probe | string {
  const choice: IntentPortChoice = {
    kind: 'service-port',
    service: `${service.namespace}/${service.name}`,
    port: servicePort.port,
    ...(servicePort.name === undefined ? {} : { portName: servicePort.name }),
    targetPort: servicePort.targetPort,
  };
  if (typeof servicePort.targetPort === 'number') return { port: servicePort.targetPort, protocol: servicePort.protocol, choice };
  const name = servicePort.targetPort;
  const containerPort = to.kind === 'pod' ? to.pod.ports.find((p) => p.name === name && p.protocol === servicePort.protocol) : undefined;
  if (containerPort === undefined) return `target port "${name}" of Service ${choice.service} port ${servicePort.port}: ${to.id} has no ${servicePort.protocol} container port named "${name}"`;
  return { port: containerPort.containerPort, protocol: servicePort.protocol, choice };
}

/** No port, to a Service: each of its ports (of the intent's protocol) is tried. */
function servicePorts(intent: Intent, service: Service, to: IntentEnd, verdictOf: (probe: Probe) => Explanation): PairResult {
  const checked = service.ports.filter((p) => intent.protocol === undefined || p.protocol === intent.protocol);
  const results: { readonly port: ServicePort; readonly explanation: Explanation }[] = [];
  for (const servicePort of checked) {
    const probe = servicePortProbe(service, servicePort, to);
    if (typeof probe === 'string') return { kind: 'unresolvable', error: probe };
    results.push({ port: servicePort, explanation: verdictOf(probe) });
  }
  const allowed = results.filter((r) => r.explanation.verdict.allowed);
  const shown = allowed[0] ?? results[0];
  if (shown === undefined) return { kind: 'unresolvable', error: `Service ${service.namespace}/${service.name} has no ports${intent.protocol === undefined ? '' : ` for ${intent.protocol}`}` };
  return { kind: 'checked', connects: allowed.length > 0, finding: { kind: 'service-ports', allowed: allowed.map((r) => r.port), checked }, explain: () => shown.explanation };
}

function restrict(ports: PortSet, protocol: Protocol | undefined): PortSet {
  return protocol === undefined ? ports : intersectPorts(ports, allPortsOf(protocol));
}

/**
 * An allowed connection to explain: the destination pod's first container port that is allowed,
 * else the lowest allowed port of the first protocol with one.
 */
function allowedPort(allowed: PortSet, to: IntentEnd): Probe {
  const containerPort = to.kind === 'pod' ? to.pod.ports.find((p) => containsPort(allowed, p.protocol, p.containerPort)) : undefined;
  if (containerPort !== undefined) return { port: containerPort.containerPort, protocol: containerPort.protocol, choice: { kind: 'number' } };
  for (const protocol of PROTOCOLS) {
    const [range] = allowed[protocol];
    if (range !== undefined) return { port: range[0], protocol, choice: { kind: 'number' } };
  }
  return { port: 80, protocol: 'TCP', choice: { kind: 'number' } };
}

/**
 * Nothing is allowed, so any port explains why: the destination pod's first container port (of the
 * intent's protocol), else port 80 of that protocol (TCP when none is given).
 */
function examplePort(protocol: Protocol | undefined, to: IntentEnd): Probe {
  const containerPort = to.kind === 'pod' ? to.pod.ports.find((p) => protocol === undefined || p.protocol === protocol) : undefined;
  if (containerPort !== undefined) return { port: containerPort.containerPort, protocol: containerPort.protocol, choice: { kind: 'number' } };
  return { port: 80, protocol: protocol ?? 'TCP', choice: { kind: 'number' } };
}

export function endpointOf(end: IntentEnd): Endpoint {
  return end.kind === 'pod' ? { kind: 'pod', pod: end.pod } : { kind: 'external', ip: end.ip };
}
