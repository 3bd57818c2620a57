// Kernel vs engine, probe by probe (cyclonus's comparison table). Pure.
import type { Cluster, Pod } from '../model/cluster.js';
import type { Protocol } from '../model/common.js';
import { compileCluster, evaluate } from '../engine/index.js';
import type { CompiledCluster, Endpoint } from '../engine/index.js';
import { parseAddress } from './addresses.js';
import type { Family } from './addresses.js';
import type { ProbeResult } from './dataplane.js';
import type { DenyAction } from './nft-render.js';
import type { PlannedProbe } from './probe-plan.js';
import type { Topology } from './topology.js';

/** What the kernel did, as the comparison reads it; the last three are lab faults, not verdicts. */
export type Observed = 'answered' | 'timeout' | 'rejected' | 'blocked' | 'wrong-answer' | 'refused' | 'error';

export interface ComparisonRow {
  readonly from: string;
  readonly to: string;
  readonly address: string;
  readonly port: number;
  readonly protocol: Protocol;
  readonly observed: Observed;
  /** Who answered, for 'wrong-answer'; the error, for 'error'. */
  readonly detail?: string;
  readonly engineAllows: boolean;
  /** The kernel let the connection through (answered by the right host) exactly when the engine allows it. */
  readonly agree: boolean;
}

export interface ComparisonSummary {
  readonly probes: number;
  readonly answered: number;
  readonly denied: number;
  readonly faults: number;
  readonly disagreements: number;
}

export const ANSWER_PREFIX = 'netwarden-lab ';

/** The engine options about pod addresses that the lab's renderer honours too. */
export interface AddressOptions {
  readonly ipBlockMatchesPodIPs: boolean;
  readonly networksMatchPodIPs: boolean;
}

/**
 * The engine's verdict on each probe. A connection goes over one address family, and evaluate()
 * takes pods, not addresses: each family is evaluated on the cluster with only that family's pod
 * addresses, which is what an ipBlock can see of that connection.
 */
export function engineVerdicts(cluster: Cluster, topology: Topology, probes: readonly PlannedProbe[], options: AddressOptions): boolean[] {
  const compiled = new Map<Family, CompiledCluster>();
  const byFamily = (family: Family): CompiledCluster => {
    let c = compiled.get(family);
    if (c === undefined) {
      const pods = cluster.pods.map((pod) => ({ ...pod, ips: pod.ips.filter((ip) => parseAddress(ip)?.family === family) }));
      c = compileCluster({ ...cluster, pods }, { ipBlockMatchesPodIPs: options.ipBlockMatchesPodIPs, networksMatchPodIPs: options.networksMatchPodIPs });
      compiled.set(family, c);
    }
    return c;
  };
  return probes.map((probe) => {
    const c = byFamily(probe.family);
    const endpoint = (hostIndex: number, address: string): Endpoint => {
      const host = topology.hosts[hostIndex];
      const pod: Pod | undefined = host?.kind === 'pod' ? c.podsById.get(host.identity) : undefined;
      return pod === undefined ? { kind: 'external', ip: address } : { kind: 'pod', pod };
    };
    const fromHost = topology.hosts[probe.from];
    const fromAddress = fromHost?.addresses.find((a) => parseAddress(a)?.family === probe.family) ?? '';
    const connection = { from: endpoint(probe.from, fromAddress), to: endpoint(probe.toHost, probe.to), port: probe.port, protocol: probe.protocol };
    return evaluate(c, connection).allowed;
  });
}

/**
 * With deny 'reject' a TCP denial is a reset, which the prober sees as 'refused'; with 'drop' a
 * refusal can only mean a missing listener, a fault of the lab.
 */
export function compareResults(
  topology: Topology,
  probes: readonly PlannedProbe[],
  results: readonly ProbeResult[],
  verdicts: readonly boolean[],
  deny: DenyAction,
): ComparisonRow[] {
  return probes.map((probe, i) => {
    const result = results[i] ?? { outcome: 'error', error: 'no result' };
    const to = topology.hosts[probe.toHost]?.identity ?? probe.to;
    const observed = observe(result, to, deny);
    const engineAllows = verdicts[i] ?? false;
    const kernelAllows = observed === 'answered';
    // With 'reject' every denial is explicit, so a timeout is a lost packet, not a verdict.
    const faulty = observed === 'wrong-answer' || observed === 'refused' || observed === 'error' || (deny === 'reject' && observed === 'timeout');
    const detail = observed === 'wrong-answer' ? result.answer : observed === 'error' ? result.error : undefined;
    return {
      from: topology.hosts[probe.from]?.identity ?? String(probe.from),
      to,
      address: probe.to,
      port: probe.port,
      protocol: probe.protocol,
      observed,
      ...(detail === undefined ? {} : { detail }),
      engineAllows,
      agree: !faulty && kernelAllows === engineAllows,
    };
  });
}

function observe(result: ProbeResult, expected: string, deny: DenyAction): Observed {
  switch (result.outcome) {
    case 'answered':
      return result.answer === `${ANSWER_PREFIX}${expected}` ? 'answered' : 'wrong-answer';
    case 'refused':
      return deny === 'reject' ? 'rejected' : 'refused';
    case 'timeout':
    case 'rejected':
    case 'blocked':
    case 'error':
      return result.outcome;
  }
}

export function summarize(rows: readonly ComparisonRow[]): ComparisonSummary {
  const count = (test: (row: ComparisonRow) => boolean): number => rows.filter(test).length;
  return {
    probes: rows.length,
    answered: count((r) => r.observed === 'answered'),
    denied: count((r) => r.observed === 'timeout' || r.observed === 'rejected' || r.observed === 'blocked'),
    faults: count((r) => r.observed === 'wrong-answer' || r.observed === 'refused' || r.observed === 'error'),
    disagreements: count((r) => !r.agree),
  };
}
