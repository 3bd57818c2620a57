// The fixture cluster of admin-network-policy-semantics.md §11.1 and a helper that states a
// connection the way the worked examples do: `a1 -> b1:80/TCP`.
import { compileCluster, evaluate, type Endpoint, type Verdict } from '../../src/engine/index.js';
import type { Cluster, Pod } from '../../src/model/cluster.js';
import type { ClusterPolicy } from '../../src/model/cluster-policy.js';
import type { Protocol } from '../../src/model/common.js';
import type { NetworkPolicy } from '../../src/model/network-policy.js';
import { cluster, namespace, pod, port } from '../helpers/builders.js';

export const a1 = pod('ns-a/a1', { app: 'web' }, { ips: ['10.0.1.1'], ports: [port(80, 'http'), port(53, 'dns', 'UDP')] });
export const a2 = pod('ns-a/a2', { app: 'db' }, { ips: ['10.0.1.2'], ports: [port(5432, 'pg')] });
export const b1 = pod('ns-b/b1', { app: 'web' }, { ips: ['10.0.2.1'], ports: [port(80, 'http'), port(8080, 'alt')] });
export const m1 = pod('ns-mon/m1', { app: 'prom' }, { ips: ['10.0.3.1'] });
export const h1 = pod('ns-sys/h1', { app: 'agent' }, { ips: ['192.168.0.10'], hostNetwork: true, ports: [port(9100, 'metrics')] });

export function fixture(clusterPolicies: ClusterPolicy[], policies: NetworkPolicy[] = []): Cluster {
  const base = cluster({
    namespaces: [
      namespace('ns-a', { team: 'a' }),
      namespace('ns-b', { team: 'b' }),
      namespace('ns-mon', { team: 'mon' }),
      namespace('ns-sys'),
    ],
    pods: [a1, a2, b1, m1, h1],
    policies,
  });
  return { ...base, clusterPolicies };
}

const PODS: Record<string, Pod> = { a1, a2, b1, m1, h1 };

/** "a1 -> b1:80/TCP", "a1 -> 8.8.8.8:53/UDP", "203.0.113.5 -> a1:80/TCP" */
export function check(c: Cluster, text: string): Verdict {
  const match = /^(\S+) -> (\S+):(\d+)\/(TCP|UDP|SCTP)$/.exec(text);
  if (!match) throw new Error(`bad connection ${text}`);
  const [, from, to, portText, protocol] = match as unknown as [string, string, string, string, Protocol];
  const end = (name: string): Endpoint => {
    const p = PODS[name];
    return p ? { kind: 'pod', pod: p } : { kind: 'external', ip: name };
  };
  return evaluate(compileCluster(c), { from: end(from), to: end(to), port: Number(portText), protocol });
}

/** The tier that decided each side, "egress | ingress", e.g. "admin | default". */
export function sides(v: Verdict): string {
  const decidedBy = (d: Verdict['egress']): string => d.tiers[d.tiers.length - 1]?.tier ?? d.reason;
  return `${decidedBy(v.egress)} | ${decidedBy(v.ingress)}`;
}

/** The deciding rule of a side as "policy#index", or the tier name. */
export function decider(d: Verdict['egress']): string {
  const last = d.tiers[d.tiers.length - 1];
  if (last && (last.tier === 'admin' || last.tier === 'baseline') && last.rule) {
    return `${last.rule.policy.name}#${last.rule.ruleIndex}`;
  }
  return last?.tier ?? d.reason;
}
