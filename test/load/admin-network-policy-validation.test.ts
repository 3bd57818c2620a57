// AdminNetworkPolicy, BaselineAdminNetworkPolicy and ClusterNetworkPolicy validation: the rows of
// admin-network-policy-semantics.md §11.20 and §9, as `file:line: field: message`; an invalid
// policy is left out, a policy with only warnings is loaded.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { loadFixture, printed } from './helpers.js';

interface Row {
  readonly claim: string;
  readonly fixture: string;
  readonly expect: readonly string[];
  /** Whether the policy is loaded (only warnings or nothing reported). */
  readonly loaded?: boolean;
}

const DOMAIN = "'^(\\*\\.)?([a-zA-z0-9]([-a-zA-Z0-9_]*[a-zA-Z0-9])?\\.)+[a-zA-z0-9]([-a-zA-Z0-9_]*[a-zA-Z0-9])?\\.?$'";
const NO_DNS = 'domainNames peers are not evaluated: netwarden has no DNS data, so this peer matches nothing';

function check(rows: readonly Row[]): void {
  for (const row of rows) {
    it(row.claim, () => {
      const name = `admin/${row.fixture}`;
      const result = loadFixture(name);
      assert.deepEqual(printed(result), row.expect.map((line) => `${name}:${line}`));
      assert.equal(result.cluster.clusterPolicies?.length, row.loaded ? 1 : 0);
    });
  }
}

describe('§9.1 priority, tier, name', () => {
  check([
    { claim: 'an ANP priority above 1000 is rejected', fixture: 'anp-priority-above-1000.yaml', expect: [
      '6: spec.priority: Invalid value: 1001: spec.priority in body should be less than or equal to 1000',
    ] },
    { claim: 'a negative ANP priority is rejected', fixture: 'anp-priority-negative.yaml', expect: [
      '6: spec.priority: Invalid value: -1: spec.priority in body should be greater than or equal to 0',
    ] },
    { claim: 'an ANP without priority is rejected', fixture: 'anp-priority-missing.yaml', expect: ['5: spec.priority: Required value'] },
    { claim: 'a BANP not named default breaks the singleton rule', fixture: 'banp-not-named-default.yaml', expect: [
      '4: metadata.name: Invalid value: "object": Only one baseline admin network policy with metadata.name="default" can be created in the cluster',
    ] },
    { claim: 'a CNP without tier is rejected', fixture: 'cnp-tier-missing.yaml', expect: ['5: spec.tier: Required value'] },
    { claim: 'the CNP tier enum is case-sensitive', fixture: 'cnp-tier-lowercase.yaml', expect: [
      '6: spec.tier: Unsupported value: "admin": supported values: "Admin", "Baseline"',
    ] },
  ]);
});

describe('§9.1 subject and peers', () => {
  check([
    { claim: 'an empty subject names nothing', fixture: 'anp-subject-empty.yaml', expect: [
      '7: spec.subject: Invalid value: 0: spec.subject in body should have at least 1 properties',
    ] },
    { claim: 'a subject with namespaces and pods has two members', fixture: 'anp-subject-namespaces-and-pods.yaml', expect: [
      '7: spec.subject: Invalid value: 2: spec.subject in body should have at most 1 properties',
    ] },
    { claim: 'a v1alpha1 pods selector without namespaceSelector is read as {} with a warning', fixture: 'anp-pods-without-namespace-selector.yaml', loaded: true, expect: [
      '8: warning: spec.subject.pods.namespaceSelector: Required value: the API server rejects a pods selector without namespaceSelector; netwarden reads it as {} (all namespaces)',
    ] },
    { claim: 'an empty peer fails closed: it is rejected', fixture: 'anp-peer-empty.yaml', expect: [
      '13: spec.egress[0].to[0]: Invalid value: 0: spec.egress[0].to[0] in body should have at least 1 properties',
    ] },
    { claim: 'an ingress peer cannot be networks (the field is pruned, leaving an empty peer)', fixture: 'anp-ingress-networks-peer.yaml', expect: [
      '13: spec.ingress[0].from[0]: Invalid value: 0: spec.ingress[0].from[0] in body should have at least 1 properties',
    ] },
    { claim: 'a BANP has no domainNames peer', fixture: 'banp-domain-names-peer.yaml', expect: [
      '12: spec.egress[0].to[0]: Invalid value: 0: spec.egress[0].to[0] in body should have at least 1 properties',
    ] },
    { claim: 'an invalid selector operator is an error (the CRD stores it, no controller can use it)', fixture: 'anp-selector-operator-invalid.yaml', expect: [
      '15: spec.ingress[0].from[0].namespaces.matchExpressions[0].operator: Invalid value: "Foo": not a valid selector operator',
    ] },
  ]);
});

describe('§9.1 rules', () => {
  check([
    { claim: 'a BANP rule cannot Pass', fixture: 'banp-rule-action-pass.yaml', expect: [
      '10: spec.ingress[0].action: Unsupported value: "Pass": supported values: "Allow", "Deny"',
    ] },
    { claim: 'a CNP rule says Accept, not Allow', fixture: 'cnp-rule-action-allow.yaml', expect: [
      '12: spec.egress[0].action: Unsupported value: "Allow": supported values: "Accept", "Deny", "Pass"',
    ] },
    { claim: 'a rule without action is rejected', fixture: 'anp-rule-without-action.yaml', expect: ['11: spec.ingress[0].action: Required value'] },
    { claim: 'a rule without from is rejected', fixture: 'anp-rule-without-from.yaml', expect: ['11: spec.ingress[0].from: Required value'] },
    { claim: 'from: [] is rejected', fixture: 'anp-rule-from-empty-list.yaml', expect: [
      '12: spec.ingress[0].from: Invalid value: 0: spec.ingress[0].from in body should have at least 1 items',
    ] },
    { claim: 'a rule name of 101 characters is too long', fixture: 'anp-rule-name-101-characters.yaml', expect: [
      '11: spec.ingress[0].name: Too long: may not be more than 100 bytes',
    ] },
    { claim: 'a CNP has at most 25 rules per direction', fixture: 'cnp-26-ingress-rules.yaml', expect: [
      '11: spec.ingress: Too many: 26: must have at most 25 items',
    ] },
  ]);
});

describe('§9.1 ports and protocols', () => {
  check([
    { claim: 'ports: [] is rejected', fixture: 'anp-ports-empty-list.yaml', expect: [
      '14: spec.ingress[0].ports: Invalid value: 0: spec.ingress[0].ports in body should have at least 1 items',
    ] },
    { claim: 'port numbers are 1..65535', fixture: 'anp-port-number-zero.yaml', expect: [
      '15: spec.ingress[0].ports[0].portNumber.port: Invalid value: 0: spec.ingress[0].ports[0].portNumber.port in body should be greater than or equal to 1',
      '16: spec.ingress[0].ports[1].portNumber.port: Invalid value: 65536: spec.ingress[0].ports[1].portNumber.port in body should be less than or equal to 65535',
    ] },
    { claim: 'a v1alpha1 port range with start above end is an error (§12 #11)', fixture: 'anp-port-range-reversed.yaml', expect: [
      '15: spec.ingress[0].ports[0].portRange: Invalid value: 90-80: start must be less than or equal to end (an empty range matches no port)',
    ] },
    { claim: 'a v1alpha1 protocol other than TCP, UDP, SCTP is an error (§12 #10)', fixture: 'anp-port-protocol-icmp.yaml', expect: [
      '15: spec.ingress[0].ports[0].portNumber.protocol: Unsupported value: "ICMP": supported values: "TCP", "UDP", "SCTP"',
    ] },
    { claim: 'CNP tcp: {} has no protocol-only form', fixture: 'cnp-tcp-without-destination-port.yaml', expect: [
      '16: spec.ingress[0].protocols[0].tcp: Invalid value: 0: spec.ingress[0].protocols[0].tcp in body should have at least 1 properties',
    ] },
    { claim: 'a CNP range needs start < end', fixture: 'cnp-range-start-equals-end.yaml', expect: [
      '18: spec.ingress[0].protocols[0].udp.destinationPort.range: Invalid value: "object": Start port must be less than End port',
    ] },
  ]);
});

describe('§9.2, §9.3 networks and domain names', () => {
  check([
    { claim: 'bare addresses, leading zeros and IPv4-mapped prefixes fail isCIDR; host bits only warn', fixture: 'anp-networks-not-cidrs.yaml', expect: [
      '14: spec.egress[0].to[0].networks[0]: Invalid value: "string": Invalid CIDR format provided',
      '15: spec.egress[0].to[0].networks[1]: Invalid value: "string": Invalid CIDR format provided',
      '16: spec.egress[0].to[0].networks[2]: Invalid value: "string": Invalid CIDR format provided',
      '17: warning: spec.egress[0].to[0].networks[3]: CIDR "10.1.2.3/8" has host bits set; it matches "10.0.0.0/8"',
    ] },
    { claim: 'networks is a set', fixture: 'anp-networks-duplicate.yaml', expect: [
      '13: spec.egress[0].to[0].networks[1]: Duplicate value: "10.0.0.0/8"',
    ] },
    { claim: 'networks has at most 25 CIDRs', fixture: 'anp-networks-26-cidrs.yaml', expect: [
      '13: spec.egress[0].to[0].networks: Too many: 26: must have at most 25 items',
    ] },
    { claim: 'domain names need two labels and a leading *. only', fixture: 'anp-domain-names-invalid.yaml', expect: [
      `13: spec.egress[0].to[0].domainNames[0]: Invalid value: "*.io": spec.egress[0].to[0].domainNames[0] in body should match ${DOMAIN}`,
      `13: spec.egress[0].to[0].domainNames[1]: Invalid value: "localhost": spec.egress[0].to[0].domainNames[1] in body should match ${DOMAIN}`,
      `13: spec.egress[0].to[0].domainNames[2]: Invalid value: "a.*.io": spec.egress[0].to[0].domainNames[2] in body should match ${DOMAIN}`,
    ] },
    { claim: 'domainNames in a Deny rule is an error (§12 #8)', fixture: 'anp-domain-names-in-deny-rule.yaml', expect: [
      `13: warning: spec.egress[0].to[0].domainNames: ${NO_DNS}`,
      '11: spec.egress[0]: Forbidden: domainNames peers are only supported in Allow rules',
    ] },
    { claim: 'a named port next to a networks peer warns (experimental CEL rule) and is loaded', fixture: 'anp-named-port-with-networks-peer.yaml', loaded: true, expect: [
      '11: warning: spec.egress[0]: networks/nodes/domainNames peer cannot be set with namedPorts since there are no namedPorts for networks/nodes/domainNames (experimental CRD rule); netwarden matches the named port on pod destinations only',
    ] },
  ]);
});
