import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compileCluster, connectivity, evaluate, isExternalEndpoint, type Endpoint } from '../../src/engine/index.js';
import { containsPort } from '../../src/algebra/port-set.js';
import { parseIP, containsIP, ipSetOfBlock } from '../../src/algebra/ip-set.js';
import { referenceAllowed, type RefEnd } from './reference.js';
import { EXTERNAL_IPS, PORT_UNIVERSE, PROTOCOLS, randomCluster } from './random-cluster.js';

const endOf = (e: RefEnd): Endpoint => ('pod' in e ? { kind: 'pod', pod: e.pod } : { kind: 'external', ip: e.ip });

for (const [ipBlockMatchesPodIPs, hostNetworkPods, networksMatchPodIPs] of [[true, 'node-traffic', true], [false, 'pods', false], [false, 'node-traffic', true]] as const) {
  test(`evaluate() agrees with the reference evaluator on random clusters (ipBlockMatchesPodIPs=${ipBlockMatchesPodIPs}, hostNetworkPods=${hostNetworkPods}, networksMatchPodIPs=${networksMatchPodIPs})`, () => {
    fc.assert(
      fc.property(randomCluster, (c) => {
        const compiled = compileCluster(c, { ipBlockMatchesPodIPs, hostNetworkPods, networksMatchPodIPs });
        const ends: RefEnd[] = [...c.pods.map((pod) => ({ pod })), ...EXTERNAL_IPS.map((ip) => ({ ip }))];
        for (const src of ends) for (const dst of ends) {
          if (!('pod' in src) && !('pod' in dst)) continue;
          for (const proto of PROTOCOLS) for (const port of PORT_UNIVERSE) {
            const expected = referenceAllowed(c, src, dst, port, proto, { ipBlockMatchesPodIPs, hostNetworkPods, networksMatchPodIPs });
            const verdict = evaluate(compiled, { from: endOf(src), to: endOf(dst), port, protocol: proto });
            assert.equal(verdict.allowed, expected, `${JSON.stringify(src)} -> ${JSON.stringify(dst)} ${proto}/${port}`);
            assert.equal(verdict.allowed, verdict.egress.allowed && verdict.ingress.allowed);
            if (verdict.egress.reason === 'allowed-by-rule') assert.ok(verdict.egress.allowedBy.length > 0);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  test(`connectivity() at pod level equals pairwise evaluate() (ipBlockMatchesPodIPs=${ipBlockMatchesPodIPs}, hostNetworkPods=${hostNetworkPods}, networksMatchPodIPs=${networksMatchPodIPs})`, () => {
    fc.assert(
      fc.property(randomCluster, (c) => {
        const compiled = compileCluster(c, { ipBlockMatchesPodIPs, hostNetworkPods, networksMatchPodIPs });
        const map = connectivity(compiled, { level: 'pod' });
        const byPair = new Map(map.connections.map((conn) => [`${conn.from} ${conn.to}`, conn.allow]));
        for (const a of c.pods) for (const b of c.pods) {
          if (a === b) continue;
          const allow = byPair.get(`${a.namespace}/${a.name} ${b.namespace}/${b.name}`);
          for (const proto of PROTOCOLS) for (const port of PORT_UNIVERSE) {
            const v = evaluate(compiled, { from: { kind: 'pod', pod: a }, to: { kind: 'pod', pod: b }, port, protocol: proto });
            assert.equal(allow !== undefined && containsPort(allow, proto, port), v.allowed, `${a.name}->${b.name} ${proto}/${port}`);
          }
        }
        // External atoms: every probe address lies in exactly one atom; the atom's ports equal evaluate().
        const externals = map.endpoints.filter(isExternalEndpoint);
        for (const ip of EXTERNAL_IPS) {
          const parsed = parseIP(ip)!;
          const atom = externals.find((e) => e.cidrs.some((cidr) => containsIP(ipSetOfBlock(cidr, [])!, parsed)));
          if (!atom) { assert.ok(parsed.family === 'IPv6', `no atom for ${ip}`); continue; }
          for (const p of c.pods) {
            const out = byPair.get(`${p.namespace}/${p.name} ${atom.id}`);
            const inbound = byPair.get(`${atom.id} ${p.namespace}/${p.name}`);
            for (const proto of PROTOCOLS) for (const port of PORT_UNIVERSE) {
              const vo = evaluate(compiled, { from: { kind: 'pod', pod: p }, to: { kind: 'external', ip }, port, protocol: proto });
              const vi = evaluate(compiled, { from: { kind: 'external', ip }, to: { kind: 'pod', pod: p }, port, protocol: proto });
              assert.equal(out !== undefined && containsPort(out, proto, port), vo.allowed, `${p.name}->${ip}`);
              assert.equal(inbound !== undefined && containsPort(inbound, proto, port), vi.allowed, `${ip}->${p.name}`);
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });
}
