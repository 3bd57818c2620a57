// The exposure report as plain data, in the shape -o json and -o yaml write (docs/exposure.md):
// one function per part, so both formats say the same thing field for field.
import { PROTOCOLS } from '../model/common.js';
import type { LabelSelector } from '../model/label-selector.js';
import type { DirectionExposure, ExposurePeer, SubjectExposure } from '../analysis/exposure.js';
import { listedNames, type ExposurePorts } from '../analysis/exposure-ports.js';

export type Plain = string | number | boolean | readonly Plain[] | { readonly [key: string]: Plain };

/** The subject's identity, as the map's endpoints (docs/map-json.md) plus its pods. */
export function subjectHead(subject: SubjectExposure): { readonly [key: string]: Plain } {
  return { id: subject.id, kind: subject.kind, namespace: subject.namespace, name: subject.name, pods: subject.pods };
}

export function directionHead(side: DirectionExposure): { readonly [key: string]: Plain } {
  return { protected: side.protected, policies: side.policies };
}

export function peerDocument(peer: ExposurePeer): Plain {
  switch (peer.kind) {
    case 'entire-cluster':
      return { kind: 'entire-cluster' };
    case 'external':
      return { kind: 'external', cidrs: peer.cidrs, blocks: peer.blocks.map((b) => ({ cidr: b.cidr, except: b.except })) };
    case 'representative': {
      const ns = peer.namespaces;
      const namespaces: Plain =
        ns.kind === 'all' ? { kind: 'all' } : ns.kind === 'named' ? { kind: 'named', name: ns.name } : { kind: 'labelled', selector: selectorDocument(ns.selector) };
      const pods: Plain = peer.pods.kind === 'all' ? { kind: 'all' } : { kind: 'labelled', selector: selectorDocument(peer.pods.selector) };
      return { kind: 'representative', namespaces, pods };
    }
  }
}

/** As written in the rule: matchLabels, then matchExpressions (each key present, possibly empty). */
function selectorDocument(selector: LabelSelector): Plain {
  return {
    matchLabels: { ...selector.matchLabels },
    matchExpressions: selector.matchExpressions.map((r) => ({ key: r.key, operator: r.operator, values: r.values })),
  };
}

/**
 * As the map's `allow`: only protocols with ports, each a list of inclusive [from, to] ranges;
 * then `named`, the named ports whose number is unknown, when there are any.
 */
export function portsDocument(ports: ExposurePorts): Plain {
  const out: Record<string, Plain> = {};
  for (const protocol of PROTOCOLS) {
    if (ports.ports[protocol].length > 0) out[protocol] = ports.ports[protocol].map(([from, to]) => [from, to]);
  }
  const names = listedNames(ports);
  if (names.length > 0) out['named'] = names.map((n) => (n.protocol === undefined ? { name: n.name } : { protocol: n.protocol, name: n.name }));
  return out;
}
