import type { Protocol } from '../model/common.js';
import type { Pod, Service, ServicePort } from '../model/cluster.js';
import type { Endpoint } from '../engine/types.js';
import type { PortChoice } from './eval-result.js';
import type { EndpointResolution } from './resolve-endpoint.js';
import { fail, ok } from './result.js';
import type { Result } from './result.js';

/** --port: a number, or a name (a Service port's name, or a container port's name on the destination pod). */
export type PortArg = { readonly kind: 'number'; readonly port: number } | { readonly kind: 'name'; readonly name: string };

/** The destination port and protocol that the verdict is about, and how they were found. */
export interface ResolvedPort {
  readonly port: number;
  readonly protocol: Protocol;
  readonly choice: PortChoice;
}

const PORT_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

export function parsePortArg(text: string): Result<PortArg> {
  if (/^[0-9]+$/.test(text)) {
    const port = Number(text);
    return port >= 1 && port <= 65535 ? ok({ kind: 'number', port }) : fail(`--port ${text}: a port number is 1 to 65535`);
  }
  if (PORT_NAME.test(text) && /[a-z]/.test(text)) return ok({ kind: 'name', name: text });
  return fail(`--port "${text}": expected a port number (1 to 65535) or a port name`);
}

/**
 * Resolves --port against the destination: through the Service's ports when --to named a
 * Service (semantics §4.2: policies see the backend pod's target port), else as given.
 * `protocol` is --protocol when given; otherwise the Service port's protocol, or TCP.
 */
export function resolvePort(arg: PortArg, protocol: Protocol | undefined, to: EndpointResolution): Result<ResolvedPort> {
  if (to.service !== undefined) return resolveServicePort(arg, protocol, to.service, to.end.endpoint);
  if (arg.kind === 'number') return ok({ port: arg.port, protocol: protocol ?? 'TCP', choice: { kind: 'number' } });
  const pod = podOf(to.end.endpoint);
  if (pod === undefined) return fail(`--port "${arg.name}": a port name needs a pod or Service as --to`);
  const wanted = protocol ?? 'TCP';
  const containerPort = pod.ports.find((p) => p.name === arg.name && p.protocol === wanted);
  if (containerPort === undefined) {
    return fail(`--port "${arg.name}": pod ${pod.namespace}/${pod.name} has no ${wanted} container port named "${arg.name}"`);
  }
  return ok({ port: containerPort.containerPort, protocol: wanted, choice: { kind: 'container-port', name: arg.name } });
}

function resolveServicePort(
  arg: PortArg,
  protocol: Protocol | undefined,
  service: Service,
  backend: Endpoint,
): Result<ResolvedPort> {
  const matches = service.ports.filter(
    (p) => (arg.kind === 'number' ? p.port === arg.port : p.name === arg.name) && (protocol === undefined || p.protocol === protocol),
  );
  const [servicePort] = matches;
  const serviceName = `${service.namespace}/${service.name}`;
  const given = arg.kind === 'number' ? `${arg.port}` : `"${arg.name}"`;
  if (servicePort === undefined) {
    return fail(`--port ${given}: Service ${serviceName} has no such port${protocol === undefined ? '' : ` for ${protocol}`} (its ports: ${listPorts(service.ports)})`);
  }
  if (matches.length > 1) return fail(`--port ${given}: Service ${serviceName} has it for several protocols; give --protocol`);
  const target = targetPortNumber(servicePort, backend);
  if (!target.ok) return target;
  const choice: PortChoice = {
    kind: 'service-port',
    service: serviceName,
    port: servicePort.port,
    ...(servicePort.name === undefined ? {} : { portName: servicePort.name }),
    targetPort: servicePort.targetPort,
  };
  return ok({ port: target.value, protocol: servicePort.protocol, choice });
}

/** A numeric targetPort as is; a named one is the backend pod's container port of that name and protocol. */
function targetPortNumber(servicePort: ServicePort, backend: Endpoint): Result<number> {
  if (typeof servicePort.targetPort === 'number') return ok(servicePort.targetPort);
  const name = servicePort.targetPort;
  const pod = podOf(backend);
  const containerPort = pod?.ports.find((p) => p.name === name && p.protocol === servicePort.protocol);
  if (pod === undefined || containerPort === undefined) {
    const where = pod === undefined ? 'the backend' : `pod ${pod.namespace}/${pod.name}`;
    return fail(`target port "${name}" of service port ${servicePort.port}: ${where} has no ${servicePort.protocol} container port named "${name}"`);
  }
  return ok(containerPort.containerPort);
}

function podOf(endpoint: Endpoint): Pod | undefined {
  return endpoint.kind === 'pod' ? endpoint.pod : undefined;
}

function listPorts(ports: readonly ServicePort[]): string {
  if (ports.length === 0) return 'none';
  return ports.map((p) => `${p.port}/${p.protocol}${p.name === undefined ? '' : ` "${p.name}"`}`).join(', ');
}
