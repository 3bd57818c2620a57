import type { NetworkPolicy } from '../../src/model/network-policy.js';

/** Feature tags read off loaded (normalised) policies: what a case exercises. */
export function policyTags(policies: readonly NetworkPolicy[]): string[] {
  const tags = new Set<string>();
  if (policies.length === 0) tags.add('no-policy');
  if (policies.length > 1) tags.add('multi-policy');
  for (const policy of policies) {
    if (policy.policyTypes.includes('egress')) tags.add('egress');
    for (const rule of [...policy.ingress, ...policy.egress]) {
      if (rule.peers.kind === 'list') {
        for (const peer of rule.peers.items) {
          if (peer.kind === 'ipBlock') tags.add('ipblock');
          else if (peer.namespaceSelector !== null) tags.add('namespace-selector');
        }
      }
      if (rule.ports.kind === 'list') {
        for (const port of rule.ports.items) {
          if (port.protocol !== 'TCP') tags.add('udp-sctp');
          if (port.port.kind === 'named') tags.add('named-port');
          if (port.port.kind === 'range' && port.port.to > port.port.from) tags.add('endPort');
        }
      }
    }
  }
  return [...tags];
}
