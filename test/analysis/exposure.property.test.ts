// exposure() against evaluate() on random clusters (every v1 feature and every cluster-wide tier):
// towards addresses outside the cluster it is exact; towards pods it is sound, every port a pod's
// own policies let an existing pod use is reported on some exposure that the pod belongs to.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compileCluster, evaluate, type Endpoint } from '../../src/engine/index.js';
import { containsIP, ipSetOfBlock, parseIP } from '../../src/algebra/ip-set.js';
import { containsPort as portIn } from '../../src/algebra/port-set.js';
import { selectorMatches } from '../../src/algebra/label-selector.js';
import type { Direction, Protocol } from '../../src/model/common.js';
import type { Cluster, Pod } from '../../src/model/cluster.js';
import { exposure, type DirectionExposure, type ExposurePeer } from '../../src/analysis/exposure.js';
import { listedNames } from '../../src/analysis/exposure-ports.js';
import { EXTERNAL_IPS, PORT_UNIVERSE, PROTOCOLS, randomCluster } from '../engine/random-cluster.js';

const OPTION_SETS = [
  { ipBlockMatchesPodIPs: true, hostNetworkPods: 'node-traffic', networksMatchPodIPs: true },
  { ipBlockMatchesPodIPs: false, hostNetworkPods: 'pods', networksMatchPodIPs: false },
] as const;

/** The subject's own side of a connection: evaluate() judges egress at the source, ingress at the destination. */
function sideAllows(compiled: ReturnType<typeof compileCluster>, subject: Pod, direction: Direction, remote: Endpoint, port: number, protocol: Protocol): boolean {
  const self: Endpoint = { kind: 'pod', pod: subject };
  const [from, to] = direction === 'egress' ? [self, remote] : [remote, self];
  return evaluate(compiled, { from, to, port, protocol })[direction].allowed;
}

/** The ports an exposure reports for one port of one pod (named ports resolved on `destination`). */
function reports(side: DirectionExposure, matches: (peer: ExposurePeer) => boolean, port: number, protocol: Protocol, destination: Pod | undefined): boolean {
  return side.exposures.some(({ peer, ports }) => {
    if (!matches(peer)) return false;
    if (portIn(ports.ports, protocol, port)) return true;
    if (destination === undefined) return false;
    return listedNames(ports).some((n) =>
      destination.ports.some((p) => p.name === n.name && p.containerPort === port && p.protocol === protocol && (n.protocol ?? protocol) === protocol),
    );
  });
}

for (const options of OPTION_SETS) {
  test(`towards addresses outside the cluster, exposure equals evaluate() on the subject's side (ipBlockMatchesPodIPs=${options.ipBlockMatchesPodIPs})`, () => {
    fc.assert(
      fc.property(randomCluster, (c) => {
        const compiled = compileCluster(c, options);
        const report = exposure(compiled, { level: 'pod' });
        for (const subject of c.pods) {
          const entry = report.subjects.find((s) => s.id === `${subject.namespace}/${subject.name}`)!;
          for (const ip of EXTERNAL_IPS) {
            const parsed = parseIP(ip)!;
            const holds = (peer: ExposurePeer) =>
              peer.kind === 'external' && peer.cidrs.some((cidr) => containsIP(ipSetOfBlock(cidr, [])!, parsed));
            for (const direction of ['ingress', 'egress'] as const) {
              for (const protocol of PROTOCOLS) for (const port of PORT_UNIVERSE) {
                const expected = sideAllows(compiled, subject, direction, { kind: 'external', ip }, port, protocol);
                assert.equal(reports(entry[direction], holds, port, protocol, undefined), expected, `${entry.id} ${direction} ${ip} ${protocol}/${port}`);
              }
            }
          }
        }
      }),
      { numRuns: 200 },
    );
  });
}

/**
 * Soundness towards pods needs the pods a peer stands for to be exactly the ones its selectors
 * see; a Pass rule that only partly overlaps a peer can hand some of its pods to NetworkPolicy
 * past a later deny of the whole peer (docs/exposure.md, "Limits"), so such clusters are left out.
 */
const withoutPass = randomCluster.filter((c) =>
  (c.clusterPolicies ?? []).every((p) => [...p.ingress, ...p.egress].every((r) => r.action !== 'pass')),
);

function peerHolds(c: Cluster, pod: Pod): (peer: ExposurePeer) => boolean {
  const nsLabels = c.namespaces.find((n) => n.name === pod.namespace)?.labels ?? {};
  return (peer) => {
    if (peer.kind === 'entire-cluster') return true;
    if (peer.kind === 'external') return false;
    const ns = peer.namespaces;
    const nsOk = ns.kind === 'all' || (ns.kind === 'named' ? ns.name === pod.namespace : selectorMatches(ns.selector, nsLabels));
    return nsOk && (peer.pods.kind === 'all' || selectorMatches(peer.pods.selector, pod.labels));
  };
}

test('towards pods, every port a subject\'s own policies allow to an existing pod is on an exposure that pod belongs to', () => {
  const options = { ipBlockMatchesPodIPs: false, hostNetworkPods: 'pods', networksMatchPodIPs: false } as const;
  fc.assert(
    fc.property(withoutPass, (c) => {
      const compiled = compileCluster(c, options);
      const report = exposure(compiled, { level: 'pod' });
      for (const subject of c.pods) {
        const entry = report.subjects.find((s) => s.id === `${subject.namespace}/${subject.name}`)!;
        for (const other of c.pods) {
          if (other === subject) continue;
          for (const direction of ['ingress', 'egress'] as const) {
            const destination = direction === 'egress' ? other : undefined;
            for (const protocol of PROTOCOLS) for (const port of PORT_UNIVERSE) {
              if (!sideAllows(compiled, subject, direction, { kind: 'pod', pod: other }, port, protocol)) continue;
              assert.ok(reports(entry[direction], peerHolds(c, other), port, protocol, destination), `${entry.id} ${direction} ${other.name} ${protocol}/${port}`);
            }
          }
        }
      }
    }),
    { numRuns: 200 },
  );
});

test('a direction is unprotected exactly when no policy of any tier selects the pod for it, and then it is open to everything', () => {
  fc.assert(
    fc.property(randomCluster, (c) => {
      const compiled = compileCluster(c);
      for (const subject of exposure(compiled, { level: 'pod' }).subjects) {
        for (const side of [subject.ingress, subject.egress]) {
          assert.equal(side.protected, side.policies.length > 0);
          if (side.protected) continue;
          assert.deepEqual(side.exposures.map((e) => e.peer.kind), ['entire-cluster', 'external']);
          assert.deepEqual(side.exposures[1]!.peer, { kind: 'external', cidrs: ['0.0.0.0/0', '::/0'], blocks: [{ cidr: '0.0.0.0/0', except: [] }, { cidr: '::/0', except: [] }] });
        }
      }
    }),
    { numRuns: 200 },
  );
});
