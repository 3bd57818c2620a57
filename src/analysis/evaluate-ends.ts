import type { Cluster } from '../model/cluster.js';
import type { Protocol } from '../model/common.js';
import { evaluate } from '../engine/index.js';
import type { CompiledCluster } from '../engine/index.js';
import type { EvalResult } from './eval-result.js';
import { resolveEndpoint } from './resolve-endpoint.js';
import type { EndpointSpec } from './resolve-endpoint.js';
import { resolvePort } from './resolve-port.js';
import type { PortArg } from './resolve-port.js';
import { fail, ok } from './result.js';
import type { Result } from './result.js';

/** One connection as the user names it: the ends as typed (and parsed), the port, the protocol if given. */
export interface NamedConnection {
  readonly from: { readonly input: string; readonly spec: EndpointSpec };
  readonly to: { readonly input: string; readonly spec: EndpointSpec };
  readonly port: PortArg;
  /** undefined: the Service port's protocol, else TCP. */
  readonly protocol?: Protocol;
}

/**
 * Resolves both ends and the port against the cluster, then evaluates: what `netwarden eval` and
 * the dashboard's explain both report. Errors name the end (`--from: ...`) as eval prints them.
 */
export function evaluateNamedConnection(cluster: Cluster, compiled: CompiledCluster, named: NamedConnection): Result<EvalResult> {
  const from = resolveEndpoint(cluster, named.from.input, named.from.spec);
  const to = resolveEndpoint(cluster, named.to.input, named.to.spec);
  const errors = [...(from.ok ? [] : from.errors.map((e) => `--from: ${e}`)), ...(to.ok ? [] : to.errors.map((e) => `--to: ${e}`))];
  if (!from.ok || !to.ok) return fail(...errors);
  const port = resolvePort(named.port, named.protocol, to.value);
  if (!port.ok) return port;
  const connection = { from: from.value.end.endpoint, to: to.value.end.endpoint, port: port.value.port, protocol: port.value.protocol };
  const verdict = evaluate(compiled, connection);
  return ok({ from: from.value.end, to: to.value.end, portChoice: port.value.choice, verdict, policies: cluster.policies });
}
