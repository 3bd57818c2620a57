// fast-check arbitraries for small random clusters that exercise every v1 feature.
import fc from 'fast-check';
import type { Cluster, Pod } from '../../src/model/cluster.js';
import type { Direction, Protocol } from '../../src/model/common.js';
import type { LabelRequirement, LabelSelector } from '../../src/model/label-selector.js';
import type { NetworkPolicy } from '../../src/model/network-policy.js';
import { cluster, ipBlock, namespace, pod, podPeer, policy, port, rule, selector, type PortInput } from '../helpers/builders.js';
import type { ClusterActionText, ClusterPolicy } from '../../src/model/cluster-policy.js';
import { anp, banp, cnp, crule, networksPeer, nodesPeer, podsPeer, nsPeer, type PortEntryInput } from './cluster-policy-builders.js';

export const PORT_UNIVERSE = [1, 53, 79, 80, 81, 443, 8080, 8081, 65535] as const;
export const PROTOCOLS: Protocol[] = ['TCP', 'UDP', 'SCTP'];
export const EXTERNAL_IPS = ['10.0.0.1', '10.0.1.7', '192.168.1.1', '8.8.8.8', '2001:db8::1', '2001:db8:1::5'];
const CIDRS = ['10.0.0.0/16', '10.0.0.0/24', '0.0.0.0/0', '192.168.0.0/16', '2001:db8::/32', '2001:db8::/48'];
const EXCEPTS: Record<string, string[]> = {
  '10.0.0.0/16': ['10.0.1.0/24', '10.0.0.0/30'],
  '10.0.0.0/24': ['10.0.0.0/25'],
  '0.0.0.0/0': ['10.0.0.0/8', '192.168.1.0/24'],
  '192.168.0.0/16': ['192.168.1.0/24'],
  '2001:db8::/32': ['2001:db8:1::/48'],
  '2001:db8::/48': ['2001:db8::/64'],
};
const POD_IPS = ['10.0.0.2', '10.0.1.3', '10.0.2.4', '192.168.1.9', '2001:db8::7'];

const key = fc.constantFrom('app', 'tier', 'env');
const value = fc.constantFrom('a', 'b', 'c');
const labels = fc.dictionary(key, value, { maxKeys: 3 });

const requirement: fc.Arbitrary<LabelRequirement> = fc.oneof(
  fc.record({ key, operator: fc.constantFrom('In' as const, 'NotIn' as const), values: fc.uniqueArray(value, { minLength: 1, maxLength: 2 }) }),
  fc.record({ key, operator: fc.constantFrom('Exists' as const, 'DoesNotExist' as const), values: fc.constant([]) }),
);
const labelSelector: fc.Arbitrary<LabelSelector> = fc
  .tuple(fc.dictionary(key, value, { maxKeys: 2 }), fc.array(requirement, { maxLength: 2 }))
  .map(([m, e]) => selector(m, e));

const portInput: fc.Arbitrary<PortInput> = fc.oneof(
  fc.record({ protocol: fc.constantFrom(...PROTOCOLS) }),
  fc.record({ protocol: fc.constantFrom(...PROTOCOLS), port: fc.constantFrom(53, 80, 443, 8080) }),
  fc.record({ protocol: fc.constantFrom(...PROTOCOLS), port: fc.constantFrom(79, 80, 8080), endPort: fc.constantFrom(81, 443, 8081) })
    .filter((p) => (p.endPort ?? 0) >= (p.port ?? 0)),
  fc.record({ protocol: fc.constantFrom(...PROTOCOLS), port: fc.constantFrom('http', 'dns', 'metrics') }),
);

const peer = fc.oneof(
  fc.tuple(fc.option(labelSelector, { nil: undefined }), fc.option(labelSelector, { nil: null })).filter(([p, n]) => p !== undefined || n !== null)
    .map(([p, n]) => podPeer(p, n)),
  fc.constantFrom(...CIDRS).chain((cidr) => fc.subarray(EXCEPTS[cidr] ?? []).map((ex) => ipBlock(cidr, ex))),
);

const ruleArb = fc
  .tuple(fc.option(fc.array(peer, { minLength: 1, maxLength: 3 }), { nil: undefined }), fc.option(fc.array(portInput, { minLength: 1, maxLength: 3 }), { nil: undefined }))
  .map(([peers, ports]) => rule(peers, ports));

const containerPort = fc.tuple(fc.constantFrom(53, 80, 443, 8080), fc.option(fc.constantFrom('http', 'dns', 'metrics'), { nil: undefined }), fc.constantFrom(...PROTOCOLS))
  .map(([n, name, proto]) => port(n, name, proto));

// Cluster-wide policies: every kind, tier and action, priorities from a small set so that ties
// (ordered by name) happen, and every peer kind ANP semantics §3.3 allows in each direction.
const clusterPortEntry: fc.Arbitrary<PortEntryInput> = fc.oneof(
  fc.record({ protocol: fc.constantFrom(...PROTOCOLS), port: fc.constantFrom(53, 80, 443, 8080) }),
  fc.record({ protocol: fc.constantFrom(...PROTOCOLS), port: fc.constantFrom(79, 80), endPort: fc.constantFrom(81, 443, 8081) }),
  fc.record({ named: fc.constantFrom('http', 'dns', 'metrics') }),
);
const ingressPeer = fc.oneof(
  labelSelector.map((s) => ({ ...nsPeer(), namespaceSelector: s })),
  fc.tuple(labelSelector, labelSelector).map(([n, p]) => podsPeer(n, p)),
);
const egressPeer = fc.oneof(
  { arbitrary: ingressPeer, weight: 3 },
  { arbitrary: fc.uniqueArray(fc.constantFrom(...CIDRS), { minLength: 1, maxLength: 2 }).map((c) => networksPeer(...c)), weight: 2 },
  { arbitrary: fc.constant(nodesPeer()), weight: 1 },
);
const clusterRule = (actions: readonly ClusterActionText[], peer: typeof ingressPeer) =>
  fc
    .tuple(fc.constantFrom(...actions), fc.array(peer, { minLength: 1, maxLength: 2 }), fc.option(fc.array(clusterPortEntry, { minLength: 1, maxLength: 2 }), { nil: undefined }))
    .map(([action, peers, ports]) => crule(action, peers, ports ? { ports } : {}));

const clusterPolicyArb: fc.Arbitrary<(i: number) => ClusterPolicy> = fc
  .record({
    kind: fc.constantFrom('ANP' as const, 'BANP' as const, 'CNP-Admin' as const, 'CNP-Baseline' as const),
    priority: fc.constantFrom(1, 2, 5),
    namespaces: labelSelector,
    pods: fc.option(labelSelector, { nil: undefined }),
    seed: fc.nat(),
  })
  .chain((p) => {
    const actions: ClusterActionText[] = p.kind === 'ANP' ? ['Allow', 'Deny', 'Pass'] : p.kind === 'BANP' ? ['Allow', 'Deny'] : ['Accept', 'Deny', 'Pass'];
    return fc
      .record({ ingress: fc.array(clusterRule(actions, ingressPeer), { maxLength: 2 }), egress: fc.array(clusterRule(actions, egressPeer), { maxLength: 2 }) })
      .map(({ ingress, egress }) => (i: number) => {
        const input = { namespaces: p.namespaces, ...(p.pods ? { pods: p.pods } : {}), ingress, egress };
        const name = `cp${(p.seed + i) % 4}`;
        if (p.kind === 'ANP') return anp(name, p.priority, input);
        if (p.kind === 'BANP') return banp(input, name);
        return cnp(name, p.kind === 'CNP-Admin' ? 'Admin' : 'Baseline', p.priority, input);
      });
  });

export const randomCluster: fc.Arbitrary<Cluster> = fc
  .record({
    clusterPolicies: fc.oneof(fc.constant<((i: number) => ClusterPolicy)[]>([]), fc.array(clusterPolicyArb, { minLength: 1, maxLength: 3 })),
    nsLabels: fc.array(labels, { minLength: 1, maxLength: 3 }),
    pods: fc.array(
      fc.record({
        ns: fc.nat(2), labels, ports: fc.array(containerPort, { maxLength: 3 }),
        ip: fc.option(fc.constantFrom(...POD_IPS), { nil: undefined }), hostNetwork: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
      }),
      { minLength: 1, maxLength: 6 },
    ),
    policies: fc.array(
      fc.record({
        ns: fc.nat(2), podSelector: labelSelector,
        policyTypes: fc.option(fc.subarray<Direction>(['ingress', 'egress'], { minLength: 1 }), { nil: undefined }),
        ingress: fc.array(ruleArb, { maxLength: 2 }), egress: fc.array(ruleArb, { maxLength: 2 }),
      }),
      { maxLength: 4 },
    ),
  })
  .map(({ nsLabels, pods, policies, clusterPolicies }) => {
    const nsName = (i: number) => `ns${i % nsLabels.length}`;
    const namespaces = nsLabels.map((l, i) => namespace(`ns${i}`, l));
    const podList: Pod[] = pods.map((p, i) =>
      pod(`${nsName(p.ns)}/p${i}`, p.labels, { ports: p.ports, ips: p.ip ? [p.ip] : [], hostNetwork: p.hostNetwork }),
    );
    const policyList: NetworkPolicy[] = policies.map((p, i) =>
      policy(`${nsName(p.ns)}/np${i}`, { podSelector: p.podSelector, ingress: p.ingress, egress: p.egress, ...(p.policyTypes ? { policyTypes: p.policyTypes } : {}) }),
    );
    return { ...cluster({ namespaces, pods: podList, policies: policyList }), clusterPolicies: clusterPolicies.map((make, i) => make(i)) };
  });
