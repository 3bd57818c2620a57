import { containsPort } from '../../algebra/port-set.js';
import type { PortSet } from '../../algebra/port-set.js';
import { parseIP } from '../../algebra/ip-set.js';
import { evaluateNamedConnection } from '../../analysis/evaluate-ends.js';
import { parseEndpointSpec, resolveEndpoint } from '../../analysis/resolve-endpoint.js';
import type { EndpointSpec } from '../../analysis/resolve-endpoint.js';
import { parsePortArg } from '../../analysis/resolve-port.js';
import type { PortArg } from '../../analysis/resolve-port.js';
import { atomIndexOf } from '../../engine/external-atoms.js';
import type { Endpoint } from '../../engine/index.js';
import { isProtocol, PROTOCOLS } from '../../model/common.js';
import type { Protocol } from '../../model/common.js';
import { formatters } from '../../report/index.js';
import type { EvalResultJson, ExplainView } from '../api-types.js';
import { explainedPolicies } from './explain-policies.js';
import { HttpError } from './http-io.js';
import type { Snapshot } from './snapshot.js';

export interface ExplainQuery {
  readonly from: string | null;
  readonly to: string | null;
  readonly port: string | null;
  readonly protocol: string | null;
}

/** GET /api/explain: what `netwarden eval -o json` and its text say, plus the policies' texts to show. */
export function explain(snapshot: Snapshot, query: ExplainQuery): ExplainView {
  const from = endSpec(snapshot, 'from', query.from);
  const to = endSpec(snapshot, 'to', query.to);
  if (from.spec.kind === 'ip' && to.spec.kind === 'ip') throw new HttpError(400, 'from and to are both addresses; at least one end must be a pod');
  if (query.protocol !== null && !isProtocol(query.protocol)) throw new HttpError(400, `protocol ${query.protocol}: expected one of ${PROTOCOLS.join(', ')}`);
  const given = query.protocol === null ? undefined : (query.protocol as Protocol);
  const { port, protocol } = query.port === null || query.port === '' ? defaultPort(snapshot, from, to, given) : { port: portArg(query.port), protocol: given };
  const evaluated = evaluateNamedConnection(snapshot.cluster, snapshot.compiled, { from, to, port, ...(protocol === undefined ? {} : { protocol }) });
  if (!evaluated.ok) throw new HttpError(400, evaluated.errors.join('; ').replaceAll('--from', 'from').replaceAll('--to', 'to').replaceAll('--port', 'port'));
  const result = JSON.parse(join(formatters.eval.json(evaluated.value))) as EvalResultJson;
  return { result, text: join(formatters.eval.text(evaluated.value)), policies: explainedPolicies(snapshot, evaluated.value.verdict) };
}

function join(chunks: Iterable<string>): string {
  let text = '';
  for (const chunk of chunks) text += chunk;
  return text;
}

interface End {
  readonly input: string;
  readonly spec: EndpointSpec;
}

/**
 * What eval's --from/--to accept, plus the map's endpoint ids: an address range id stands for an
 * address inside it. A namespace (the namespace-level map's ids) is a group, not one connection.
 */
function endSpec(snapshot: Snapshot, name: 'from' | 'to', value: string | null): End {
  if (value === null || value === '') throw new HttpError(400, `${name} is required`);
  const atom = snapshot.classLevel.atoms.find((a) => a.id === value);
  if (atom !== undefined) return { input: value, spec: { kind: 'ip', ip: atom.representative } };
  if (!value.includes('/') && parseIP(value) === undefined && snapshot.clusterView.namespaces.some((n) => n.name === value)) {
    throw new HttpError(400, `${name}: "${value}" is a namespace; explain a pod or workload in it (NS/NAME or NS/KIND/NAME)`);
  }
  const spec = parseEndpointSpec(value, snapshot.namespace);
  if (!spec.ok) throw new HttpError(400, `${name} ${spec.errors.join('; ')}`);
  return { input: value, spec: spec.value };
}

function portArg(text: string): PortArg {
  const port = parsePortArg(text);
  if (!port.ok) throw new HttpError(400, port.errors.join('; ').replaceAll('--port', 'port'));
  return port.value;
}

/**
 * Without a port: one the map allows between the two ends (TCP first, then UDP, SCTP): the
 * destination pod's first declared container port that is allowed, else 80 when allowed, else the
 * lowest allowed port; 80 when nothing is. To a Service, its first port (eval translates it).
 */
function defaultPort(snapshot: Snapshot, from: End, to: End, protocol: Protocol | undefined): { port: PortArg; protocol: Protocol | undefined } {
  const source = resolveEndpoint(snapshot.cluster, from.input, from.spec);
  const destination = resolveEndpoint(snapshot.cluster, to.input, to.spec);
  if (!source.ok || !destination.ok) return { port: { kind: 'number', port: 80 }, protocol };
  const service = destination.value.service?.ports.find((p) => protocol === undefined || p.protocol === protocol);
  if (service !== undefined) return { port: { kind: 'number', port: service.port }, protocol: service.protocol };
  const target = destination.value.end.endpoint;
  const allowed = allowedBetween(snapshot, source.value.end.endpoint, target);
  const declared = target.kind === 'pod' ? target.pod.ports : [];
  for (const p of protocol === undefined ? PROTOCOLS : [protocol]) {
    if (allowed === undefined) break;
    const candidates = [...declared.filter((c) => c.protocol === p).map((c) => c.containerPort), 80, allowed[p][0]?.[0]];
    const port = candidates.find((n) => n !== undefined && containsPort(allowed, p, n));
    if (port !== undefined) return { port: { kind: 'number', port }, protocol: p };
  }
  return { port: { kind: 'number', port: 80 }, protocol };
}

/** The ports the class-level map allows from one end's class (or address range) to the other's. */
function allowedBetween(snapshot: Snapshot, from: Endpoint, to: Endpoint): PortSet | undefined {
  const { classLevel, index } = snapshot;
  const classOf = (end: Endpoint): number =>
    end.kind === 'pod' ? classLevel.classOfPod[index.podIndex.get(`${end.pod.namespace}/${end.pod.name}`)!]! : atomIndexOf(classLevel.atoms, end.ip);
  const f = classOf(from);
  const t = classOf(to);
  const edges = from.kind === 'external' ? classLevel.edges.externalToPod : to.kind === 'external' ? classLevel.edges.podToExternal : classLevel.edges.podToPod;
  return edges.find((edge) => edge.from === f && edge.to === t)?.ports;
}
