// Every row of semantics §7.3, §7.4, §7.5, §7.7 and the main rows of §7.2 / §7.1: the exact
// `file:line: field: message`, and an invalid policy is left out of the cluster.

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

const RANGE = 'must be between 1 and 65535, inclusive';
const CIDR = 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)';
const PORT = 'spec.ingress[0].ports[0]';
const PEER = 'spec.ingress[0].from[0]';
const LABEL_KEY_REGEX = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName', or 'my.name', or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const LABEL_VALUE = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue', or 'my_value', or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

function check(rows: readonly Row[]): void {
  for (const row of rows) {
    it(row.claim, () => {
      const result = loadFixture(row.fixture);
      assert.deepEqual(printed(result), row.expect.map((line) => `${row.fixture}:${line}`));
      assert.equal(result.cluster.policies.length, row.loaded ? 1 : 0);
    });
  }
}

describe('§7.3 ports', () => {
  check([
    { claim: 'a protocol other than TCP, UDP or SCTP is unsupported (case-sensitive)', fixture: 'port-protocol-unsupported.yaml', expect: [
      `10: ${PORT}.protocol: Unsupported value: "HTTP": supported values: "TCP", "UDP", "SCTP"`,
      '11: spec.ingress[0].ports[1].protocol: Unsupported value: "tcp": supported values: "TCP", "UDP", "SCTP"',
    ] },
    { claim: 'port 0 is out of range', fixture: 'port-number-zero.yaml', expect: [`10: ${PORT}.port: Invalid value: 0: ${RANGE}`] },
    { claim: 'a negative port is out of range', fixture: 'port-number-negative.yaml', expect: [`10: ${PORT}.port: Invalid value: -1: ${RANGE}`] },
    { claim: 'port 65536 is out of range', fixture: 'port-number-above-65535.yaml', expect: [`10: ${PORT}.port: Invalid value: 65536: ${RANGE}`] },
    { claim: 'a port name longer than 15 characters is rejected', fixture: 'port-name-longer-than-15.yaml', expect: [
      `10: ${PORT}.port: Invalid value: "averyveryverylongname": must be no more than 15 characters`,
    ] },
    { claim: 'a port name with uppercase letters is rejected', fixture: 'port-name-with-uppercase.yaml', expect: [
      `10: ${PORT}.port: Invalid value: "Http": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)`,
    ] },
    { claim: 'a quoted number is a port name without a letter', fixture: 'port-quoted-number.yaml', expect: [
      `10: ${PORT}.port: Invalid value: "80": must contain at least one letter (a-z)`,
    ] },
    { claim: 'an empty port name fails the charset and the letter rule', fixture: 'port-name-empty-string.yaml', expect: [
      `10: ${PORT}.port: Invalid value: "": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)`,
      `10: ${PORT}.port: Invalid value: "": must contain at least one letter (a-z)`,
    ] },
    { claim: 'a port name with consecutive hyphens is rejected', fixture: 'port-name-consecutive-hyphens.yaml', expect: [
      `10: ${PORT}.port: Invalid value: "my--port": must not contain consecutive hyphens`,
    ] },
    { claim: 'a port name starting with a hyphen is rejected', fixture: 'port-name-leading-hyphen.yaml', expect: [
      `10: ${PORT}.port: Invalid value: "-http": must not begin or end with a hyphen`,
    ] },
    { claim: 'endPort below port is rejected', fixture: 'endport-below-port.yaml', expect: [
      `11: ${PORT}.endPort: Invalid value: 80: must be greater than or equal to \`port\``,
    ] },
    { claim: 'endPort above 65535 is out of range', fixture: 'endport-above-65535.yaml', expect: [`11: ${PORT}.endPort: Invalid value: 70000: ${RANGE}`] },
    { claim: 'endPort 0 is both below port and out of range', fixture: 'endport-zero-below-port.yaml', expect: [
      `11: ${PORT}.endPort: Invalid value: 0: must be greater than or equal to \`port\``,
      `11: ${PORT}.endPort: Invalid value: 0: ${RANGE}`,
    ] },
    { claim: 'endPort with a named port is rejected', fixture: 'endport-with-named-port.yaml', expect: [
      `11: ${PORT}.endPort: Invalid value: 90: may not be specified when \`port\` is non-numeric`,
    ] },
    { claim: 'endPort without port is rejected', fixture: 'endport-without-port.yaml', expect: [
      `11: ${PORT}.endPort: Invalid value: 90: may not be specified when \`port\` is not specified`,
    ] },
    { claim: 'empty ports, {} entries, endPort == port, duplicates, undeclared names and empty rules are valid', fixture: 'port-entries-that-are-valid.yaml', expect: [], loaded: true },
  ]);
});

describe('§7.4 peers', () => {
  check([
    { claim: 'an empty peer must specify a peer', fixture: 'peer-empty.yaml', expect: [`10: ${PEER}: Required value: must specify a peer`] },
    { claim: 'a peer whose fields are all null must specify a peer', fixture: 'peer-all-fields-null.yaml', expect: [`10: ${PEER}: Required value: must specify a peer`] },
    { claim: 'ipBlock with podSelector is forbidden', fixture: 'peer-ipblock-and-pod-selector.yaml', expect: [
      `10: ${PEER}: Forbidden: may not specify both ipBlock and another peer`,
    ] },
    { claim: 'ipBlock with namespaceSelector in an egress peer is forbidden', fixture: 'peer-egress-ipblock-and-namespace-selector.yaml', expect: [
      '10: spec.egress[0].to[0]: Forbidden: may not specify both ipBlock and another peer',
    ] },
    { claim: 'podSelector with namespaceSelector is valid', fixture: 'peer-pod-and-namespace-selector-together.yaml', expect: [], loaded: true },
  ]);
});

describe('§7.5 ipBlock (legacy CIDR mode)', () => {
  const IPB = `${PEER}.ipBlock`;
  check([
    { claim: 'an empty cidr is required', fixture: 'ipblock-cidr-empty.yaml', expect: [`10: ${IPB}.cidr: Required value`] },
    { claim: 'a missing cidr is required and its excepts are not checked', fixture: 'ipblock-cidr-missing.yaml', expect: [`10: ${IPB}.cidr: Required value`] },
    { claim: 'a cidr without prefix length is invalid and except checks are skipped', fixture: 'ipblock-cidr-without-prefix.yaml', expect: [
      `10: ${IPB}.cidr: Invalid value: "10.0.0.0": ${CIDR}`,
    ] },
    { claim: 'a prefix longer than 32 is invalid', fixture: 'ipblock-cidr-prefix-too-long.yaml', expect: [`11: ${IPB}.cidr: Invalid value: "1.2.3.4/33": ${CIDR}`] },
    { claim: 'an except equal to cidr is not a strict subset', fixture: 'ipblock-except-equal-to-cidr.yaml', expect: [
      `13: ${IPB}.except[0]: Invalid value: "10.0.0.0/8": must be a strict subset of \`cidr\``,
    ] },
    { claim: 'an except outside cidr is not a strict subset', fixture: 'ipblock-except-outside-cidr.yaml', expect: [
      `14: ${IPB}.except[1]: Invalid value: "11.0.0.0/16": must be a strict subset of \`cidr\``,
    ] },
    { claim: 'an except of the other IP family is not a strict subset', fixture: 'ipblock-except-other-family.yaml', expect: [
      `13: ${IPB}.except[0]: Invalid value: "2001:db8::/64": must be a strict subset of \`cidr\``,
    ] },
    { claim: 'an except that is not a CIDR is invalid', fixture: 'ipblock-except-not-a-cidr.yaml', expect: [`13: ${IPB}.except[0]: Invalid value: "10.1.0.0": ${CIDR}`] },
    { claim: 'an IPv6 block with excepts inside it is valid', fixture: 'ipblock-ipv6-with-except.yaml', expect: [], loaded: true },
    { claim: 'a cidr with host bits set loads with a warning', fixture: 'ipblock-cidr-host-bits-set.yaml', loaded: true, expect: [
      `11: warning: ${IPB}.cidr: CIDR value "10.1.2.3/8" is ambiguous in this context (should be "10.0.0.0/8" or "10.1.2.3/32"?)`,
    ] },
    { claim: 'a cidr with leading zeros loads with a warning', fixture: 'ipblock-cidr-leading-zeros.yaml', loaded: true, expect: [
      `11: warning: ${IPB}.cidr: non-standard CIDR value "010.0.0.0/8" will be considered invalid in a future Kubernetes release: use "10.0.0.0/8"`,
    ] },
    { claim: 'a non-canonical IPv6 cidr loads with a warning', fixture: 'ipblock-ipv6-not-canonical.yaml', loaded: true, expect: [
      `11: warning: ${IPB}.cidr: IPv6 CIDR value "2001:DB8:0:0::/64" should be in RFC 5952 canonical format ("2001:db8::/64")`,
    ] },
  ]);
});

describe('§7.7 policyTypes', () => {
  check([
    { claim: 'more than two policyTypes are rejected without per-item checks', fixture: 'policy-types-more-than-two.yaml', expect: [
      '8: spec.policyTypes: Invalid value: []networking.PolicyType{"Ingress", "Egress", "Ingress"}: may not specify more than two policyTypes',
    ] },
    { claim: 'policyTypes are case-sensitive', fixture: 'policy-types-lowercase.yaml', expect: [
      '10: spec.policyTypes[1]: Unsupported value: "egress": supported values: "Ingress", "Egress"',
    ] },
    { claim: 'duplicate policyTypes are valid', fixture: 'policy-types-duplicate.yaml', expect: [], loaded: true },
  ]);
});

describe('§7.2 label selectors', () => {
  check([
    { claim: 'matchLabels keys and values must be valid labels', fixture: 'selector-match-labels-bad-key-and-value.yaml', expect: [
      `9: spec.podSelector.matchLabels: Invalid value: "bad key": name part ${LABEL_KEY_REGEX}`,
      `10: spec.podSelector.matchLabels: Invalid value: "-web": ${LABEL_VALUE}`,
    ] },
    { claim: 'In without values is required', fixture: 'selector-in-without-values.yaml', expect: [
      "9: spec.podSelector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
    ] },
    { claim: 'Exists with values is forbidden', fixture: 'selector-exists-with-values.yaml', expect: [
      "11: spec.podSelector.matchExpressions[0].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
    ] },
    { claim: 'operators are case-sensitive', fixture: 'selector-operator-lowercase.yaml', expect: [
      '10: spec.podSelector.matchExpressions[0].operator: Invalid value: "in": not a valid selector operator',
    ] },
    { claim: 'an expression key must be a qualified name', fixture: 'selector-expression-bad-key.yaml', expect: [
      `9: spec.podSelector.matchExpressions[0].key: Invalid value: "a/b/c": a valid label key ${LABEL_KEY_REGEX} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ] },
    { claim: 'expression values must be valid label values on create', fixture: 'selector-expression-bad-value.yaml', expect: [
      `13: spec.podSelector.matchExpressions[0].values[1]: Invalid value: "not valid": ${LABEL_VALUE}`,
    ] },
    { claim: 'peer namespaceSelectors are validated too', fixture: 'selector-namespace-selector-bad-key.yaml', expect: [
      `12: ${PEER}.namespaceSelector.matchLabels: Invalid value: "kubernetes.io/": name part must be non-empty`,
      `12: ${PEER}.namespaceSelector.matchLabels: Invalid value: "kubernetes.io/": name part ${LABEL_KEY_REGEX}`,
    ] },
  ]);
});

describe('§7.1 metadata and several violations', () => {
  check([
    { claim: 'a policy name must be a DNS-1123 subdomain', fixture: 'policy-name-uppercase.yaml', expect: [
      `4: metadata.name: Invalid value: "Allow-Web": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
    ] },
    { claim: 'every violation of one policy is reported, in the API server order', fixture: 'policy-with-several-violations.yaml', expect: [
      `12: ${PORT}.port: Invalid value: 0: ${RANGE}`,
      `10: ${PEER}: Required value: must specify a peer`,
      `15: spec.egress[0].to[0].ipBlock.cidr: Invalid value: "bad": ${CIDR}`,
      '16: spec.policyTypes[1]: Unsupported value: "Sideways": supported values: "Ingress", "Egress"',
    ] },
  ]);
});
