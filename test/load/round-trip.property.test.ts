// Property: any valid NetworkPolicy, written as YAML or JSON, loads without problems and keeps
// its shape: the number of rules per direction, of peers and ports per rule, and the defaulted
// policyTypes (semantics §2.2).

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { loadDocuments } from '../../src/load/index.js';
import { formatProblem } from '../../src/model/problem.js';

const labelKey = fc.constantFrom('app', 'tier', 'example.com/team', 'kubernetes.io/metadata.name', 'a_b.c-d');
const labelValue = fc.stringMatching(/^([A-Za-z0-9]([-A-Za-z0-9_.]{0,8}[A-Za-z0-9])?)?$/);
const labels = fc.dictionary(labelKey, labelValue, { maxKeys: 3 });

const expression = fc.oneof(
  fc.record({ key: labelKey, operator: fc.constantFrom('In', 'NotIn'), values: fc.array(labelValue, { minLength: 1, maxLength: 3 }) }),
  fc.record({ key: labelKey, operator: fc.constantFrom('Exists', 'DoesNotExist') }),
);
const selector = fc.record({ matchLabels: labels, matchExpressions: fc.array(expression, { maxLength: 2 }) }, { requiredKeys: [] });

function ipv4(n: number): string {
  return [24, 16, 8, 0].map((s) => (n >>> s) & 255).join('.');
}
function masked(n: number, prefix: number): number {
  return prefix === 0 ? 0 : (n & (~0 << (32 - prefix))) >>> 0;
}

const ipBlock = fc
  .record({ address: fc.nat({ max: 2 ** 32 - 1 }), prefix: fc.integer({ min: 0, max: 32 }), inner: fc.array(fc.tuple(fc.nat({ max: 2 ** 32 - 1 }), fc.nat(31)), { maxLength: 3 }) })
  .map(({ address, prefix, inner }) => {
    const network = masked(address, prefix);
    const hostBits = 32 - prefix;
    // An except is a longer prefix inside the network: a strict subset (semantics §7.5).
    const except = prefix === 32 ? [] : inner.map(([offset, extra]) => {
      const longer = prefix + 1 + (extra % (32 - prefix));
      const inside = (network + (hostBits === 32 ? offset : offset % 2 ** hostBits)) >>> 0;
      return `${ipv4(masked(inside, longer))}/${longer}`;
    });
    return except.length > 0 ? { cidr: `${ipv4(network)}/${prefix}`, except } : { cidr: `${ipv4(network)}/${prefix}` };
  });

const peer = fc.oneof(
  fc.record({ podSelector: selector }),
  fc.record({ namespaceSelector: selector }),
  fc.record({ podSelector: selector, namespaceSelector: selector }),
  fc.record({ ipBlock }),
);

const portName = fc.stringMatching(/^[a-z]([a-z0-9]{0,6}[a-z])?$/);
const port = fc.oneof(
  fc.record({ protocol: fc.constantFrom('TCP', 'UDP', 'SCTP') }, { requiredKeys: [] }),
  fc.record({ protocol: fc.constantFrom('TCP', 'UDP', 'SCTP'), port: fc.integer({ min: 1, max: 65535 }) }, { requiredKeys: ['port'] }),
  fc.integer({ min: 1, max: 65535 }).chain((p) => fc.record({ port: fc.constant(p), endPort: fc.integer({ min: p, max: 65535 }) })),
  fc.record({ port: portName }),
);

const rule = (peersKey: 'from' | 'to') =>
  fc.record({ [peersKey]: fc.array(peer, { maxLength: 3 }), ports: fc.array(port, { maxLength: 3 }) }, { requiredKeys: [] });

const policy = fc.record(
  {
    podSelector: selector,
    ingress: fc.array(rule('from'), { maxLength: 3 }),
    egress: fc.array(rule('to'), { maxLength: 3 }),
    policyTypes: fc.subarray(['Ingress', 'Egress'], { minLength: 1 }),
  },
  { requiredKeys: [] },
);

type Rule = { from?: unknown[]; to?: unknown[]; ports?: unknown[] };
type Spec = { ingress?: Rule[]; egress?: Rule[]; policyTypes?: string[] };

function expectedTypes(spec: Spec): string[] {
  if (spec.policyTypes !== undefined) return spec.policyTypes.map((t) => t.toLowerCase());
  return (spec.egress?.length ?? 0) > 0 ? ['ingress', 'egress'] : ['ingress'];
}

function shape(rules: readonly Rule[] | undefined, key: 'from' | 'to'): number[][] {
  return (rules ?? []).map((r) => [r[key]?.length ?? 0, r.ports?.length ?? 0]);
}

describe('round trip of valid policies', () => {
  it('random valid policies load with the same rules, peers, ports and defaulted policyTypes', () => {
    fc.assert(
      fc.property(policy, fc.boolean(), (spec: Spec, asJson) => {
        const object = { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'p', namespace: 'n' }, spec };
        const text = asJson ? JSON.stringify(object, null, 2) : stringify(object, { version: '1.1' });
        const result = loadDocuments([{ file: 'p.yaml', text }], { defaultNamespace: 'default' });
        assert.deepEqual(result.problems.map(formatProblem), []);
        const [loaded] = result.cluster.policies;
        assert.ok(loaded);
        assert.deepEqual(loaded.policyTypes, expectedTypes(spec));
        const count = (list: { kind: string; items?: readonly unknown[] }): number => (list.kind === 'any' ? 0 : (list.items?.length ?? 0));
        assert.deepEqual(loaded.ingress.map((r) => [count(r.peers), count(r.ports)]), shape(spec.ingress, 'from'));
        assert.deepEqual(loaded.egress.map((r) => [count(r.peers), count(r.ports)]), shape(spec.egress, 'to'));
        for (const r of [...loaded.ingress, ...loaded.egress]) assert.ok(r.source.line >= 1 && r.source.line <= text.split('\n').length);
      }),
      { numRuns: 300 },
    );
  });
});
