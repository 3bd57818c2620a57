// NetworkPolicy validation exactly as the API server does it on create (semantics §7; [V]
// ValidateNetworkPolicySpec, ValidateNetworkPolicyPort, ValidateNetworkPolicyPeer,
// ValidateIPBlock), in the same order, reporting every violation. CIDRs are checked in the
// legacy (non-strict) mode a running cluster has accepted (§7.6): sloppy values are warnings.

import type { ProblemSink } from './problem-sink.js';
import type { IPBlockWire, PeerWire, PolicyWire, PortWire, RuleWire } from './decode-network-policy.js';
import { forbidden, goQuote, invalid, notSupported, required } from './field-errors.js';
import { portNameErrors, portNumberErrors } from './validate-names.js';
import { validateSelector } from './validate-label-selector.js';
import { parseCIDRText, type CIDRText } from '../algebra/cidr.js';
import { cidrWarnings, isStrictSubset } from './validate-cidr.js';
import type { Field } from './read-fields.js';
import { siteWith } from './positions.js';

const CIDR_MESSAGE = 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)';

/** Reports problems of a decoded, defaulted policy. Metadata was checked while decoding (§7.1). */
export function validateNetworkPolicy(policy: PolicyWire, sink: ProblemSink): void {
  validateSelector(policy.podSelector, sink);
  for (const rule of [...policy.ingress, ...policy.egress]) validateRule(rule, sink);
  validatePolicyTypes(policy, sink);
}

function validateRule(rule: RuleWire, sink: ProblemSink): void {
  for (const port of rule.ports ?? []) validatePort(port, sink);
  for (const peer of rule.peers ?? []) validatePeer(peer, sink);
}

/** §7.3 */
function validatePort(port: PortWire, sink: ProblemSink): void {
  if (port.protocol !== 'TCP' && port.protocol !== 'UDP' && port.protocol !== 'SCTP') {
    sink.error(port.protocolSite, 'validation', notSupported(port.protocol, ['TCP', 'UDP', 'SCTP']));
  }
  const { port: value, endPort } = port;
  if (typeof value === 'number') {
    for (const m of portNumberErrors(value)) sink.error(port.portSite, 'validation', invalid(value, m));
    if (endPort !== undefined) {
      if (endPort < value) sink.error(port.endPortSite, 'validation', invalid(endPort, 'must be greater than or equal to `port`'));
      for (const m of portNumberErrors(endPort)) sink.error(port.endPortSite, 'validation', invalid(endPort, m));
    }
  } else if (typeof value === 'string') {
    if (endPort !== undefined) {
      sink.error(port.endPortSite, 'validation', invalid(endPort, 'may not be specified when `port` is non-numeric'));
    }
    for (const m of portNameErrors(value)) sink.error(port.portSite, 'validation', invalid(value, m));
  } else if (endPort !== undefined) {
    sink.error(port.endPortSite, 'validation', invalid(endPort, 'may not be specified when `port` is not specified'));
  }
}

/** §7.4 */
function validatePeer(peer: PeerWire, sink: ProblemSink): void {
  if (peer.podSelector) validateSelector(peer.podSelector, sink);
  if (peer.namespaceSelector) validateSelector(peer.namespaceSelector, sink);
  if (peer.ipBlock) validateIPBlock(peer.ipBlock, sink);
  const count = [peer.podSelector, peer.namespaceSelector, peer.ipBlock].filter((f) => f !== undefined).length;
  if (count === 0) sink.error(peer.site, 'validation', required('must specify a peer'));
  else if (count > 1 && peer.ipBlock) sink.error(peer.site, 'validation', forbidden('may not specify both ipBlock and another peer'));
}

/** §7.5 in legacy mode: parse failures are errors, non-standard values warnings. */
function validateIPBlock(block: IPBlockWire, sink: ProblemSink): void {
  if (block.cidr === '') {
    sink.error(block.cidrSite, 'validation', required());
    return;
  }
  const cidr = checkCidr({ value: block.cidr, site: block.cidrSite }, sink);
  if (cidr === undefined) return;
  for (const except of block.except) {
    const value = except.value as string;
    const parsed = checkCidr(except, sink);
    if (parsed !== undefined && !isStrictSubset(cidr, parsed)) {
      sink.error(except.site, 'validation', invalid(value, 'must be a strict subset of `cidr`'));
    }
  }
}

function checkCidr(field: Field, sink: ProblemSink): CIDRText | undefined {
  const value = field.value as string;
  const parsed = parseCIDRText(value);
  if (parsed === undefined) {
    sink.error(field.site, 'validation', invalid(value, CIDR_MESSAGE));
    return undefined;
  }
  for (const warning of cidrWarnings(value, parsed)) sink.warning(field.site, 'validation', warning);
  return parsed;
}

/** §7.7 (only a written list can fail: the defaulted one is always valid). */
function validatePolicyTypes(policy: PolicyWire, sink: ProblemSink): void {
  const types = policy.policyTypes;
  if (!types.written) return;
  if (types.values.length > 2) {
    // Go prints the bad value with %#v: []networking.PolicyType{"Ingress", ...}
    const shown = `[]networking.PolicyType{${types.values.map(goQuote).join(', ')}}`;
    sink.error(types.site, 'validation', `Invalid value: ${shown}: may not specify more than two policyTypes`);
    return;
  }
  types.values.forEach((value, i) => {
    if (value !== 'Ingress' && value !== 'Egress') {
      const site = types.sites[i] ?? siteWith(types.site, { path: `${types.site.path}[${i}]` });
      sink.error(site, 'validation', notSupported(value, ['Ingress', 'Egress']));
    }
  });
}
