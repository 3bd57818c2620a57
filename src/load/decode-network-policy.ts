// A networking.k8s.io/v1 NetworkPolicy as written -> a typed, defaulted wire form, the way the
// API server decodes and then defaults it ([D] SetDefaults_NetworkPolicy / _NetworkPolicyPort)
// before validation. Wrong types are schema errors; nothing is validated here.

import type { Site } from './positions.js';
import type { ProblemSink } from './problem-sink.js';
import type { InputObject } from './split-objects.js';
import { decodeMetadata, type ObjectMeta } from './decode-metadata.js';
import { decodeSelector, type SelectorWire } from './decode-label-selector.js';
import {
  child,
  items,
  readInt32,
  readIntOrString,
  readList,
  readObject,
  readString,
  readStringList,
  type Field,
} from './read-fields.js';

export interface PortWire {
  readonly index: number;
  readonly site: Site;
  /** Defaulted to "TCP" when absent (semantics §2.7); anything written is kept for validation. */
  readonly protocol: string;
  readonly protocolSite: Site;
  readonly port?: number | string;
  readonly portSite: Site;
  readonly endPort?: number;
  readonly endPortSite: Site;
}

export interface IPBlockWire {
  readonly site: Site;
  readonly cidr: string;
  readonly cidrSite: Site;
  readonly except: readonly Field[];
}

export interface PeerWire {
  readonly index: number;
  readonly site: Site;
  readonly podSelector?: SelectorWire;
  readonly namespaceSelector?: SelectorWire;
  readonly ipBlock?: IPBlockWire;
}

export interface RuleWire {
  readonly index: number;
  readonly site: Site;
  /** undefined: `ports` absent or null. */
  readonly ports?: readonly PortWire[];
  /** undefined: `from`/`to` absent or null. */
  readonly peers?: readonly PeerWire[];
}

export interface PolicyTypesWire {
  readonly values: readonly string[];
  readonly site: Site;
  readonly sites: readonly Site[];
  /** false when defaulted (semantics §2.2). */
  readonly written: boolean;
}

export interface PolicyWire {
  readonly meta: ObjectMeta;
  readonly site: Site;
  readonly podSelector: SelectorWire;
  readonly policyTypes: PolicyTypesWire;
  readonly ingress: readonly RuleWire[];
  readonly egress: readonly RuleWire[];
}

export function decodeNetworkPolicy(input: InputObject, defaultNamespace: string, sink: ProblemSink): PolicyWire | undefined {
  const before = sink.errorCount;
  const meta = decodeMetadata(input.value, input.site, { namespaced: true, defaultNamespace, nameRule: 'dns1123-subdomain' }, sink);
  const specField = child(input.value, 'spec', input.site);
  const spec = readObject(specField, sink) ?? {};
  // podSelector is a value, not a pointer: absent and null decode to {} (semantics §2.1).
  const podSelector = decodeSelector(child(spec, 'podSelector', specField.site), sink);
  const ingress = decodeRules(child(spec, 'ingress', specField.site), 'from', sink);
  const egress = decodeRules(child(spec, 'egress', specField.site), 'to', sink);
  const typesField = child(spec, 'policyTypes', specField.site);
  const written = readStringList(typesField, sink) ?? [];
  if (meta === undefined || podSelector === undefined || sink.errorCount > before) return undefined;
  const policyTypes = withDefaultPolicyTypes(typesField, written, egress.length);
  return { meta, site: input.site, podSelector, policyTypes, ingress, egress };
}

/** semantics §2.2: a written list is kept; an absent or empty one becomes Ingress, plus Egress iff there are egress rules. */
function withDefaultPolicyTypes(field: Field, written: readonly string[], egressRules: number): PolicyTypesWire {
  if (written.length > 0) {
    const sites = Array.isArray(field.value) ? items(field.value, field.site).map((f) => f.site) : [];
    return { values: written, site: field.site, sites, written: true };
  }
  return { values: egressRules > 0 ? ['Ingress', 'Egress'] : ['Ingress'], site: field.site, sites: [], written: false };
}

function decodeRules(field: Field, peersKey: 'from' | 'to', sink: ProblemSink): RuleWire[] {
  return items(readList(field, sink) ?? [], field.site).map((rule, index) => {
    const object = readObject(rule, sink) ?? {}; // a null rule decodes to the empty rule
    const portsField = child(object, 'ports', rule.site);
    const peersField = child(object, peersKey, rule.site);
    const portList = readList(portsField, sink);
    const peerList = readList(peersField, sink);
    const ports = portList && items(portList, portsField.site).map((f, i) => decodePort(f, i, sink));
    const peers = peerList && items(peerList, peersField.site).map((f, i) => decodePeer(f, i, sink));
    return { index, site: rule.site, ...(ports && { ports }), ...(peers && { peers }) };
  });
}

function decodePort(field: Field, index: number, sink: ProblemSink): PortWire {
  const object = readObject(field, sink) ?? {};
  const protocolField = child(object, 'protocol', field.site);
  const portField = child(object, 'port', field.site);
  const endPortField = child(object, 'endPort', field.site);
  const port = readIntOrString(portField, sink);
  const endPort = readInt32(endPortField, sink);
  return {
    index,
    site: field.site,
    protocol: readString(protocolField, sink) ?? 'TCP', // semantics §2.7
    protocolSite: protocolField.site,
    ...(port !== undefined && { port }),
    portSite: portField.site,
    ...(endPort !== undefined && { endPort }),
    endPortSite: endPortField.site,
  };
}

function decodePeer(field: Field, index: number, sink: ProblemSink): PeerWire {
  const object = readObject(field, sink) ?? {};
  const podField = child(object, 'podSelector', field.site);
  const nsField = child(object, 'namespaceSelector', field.site);
  const ipField = child(object, 'ipBlock', field.site);
  // Peer fields are pointers: null is "not set" (semantics §7.4 counts non-null fields).
  const podSelector = podField.value == null ? undefined : decodeSelector(podField, sink);
  const namespaceSelector = nsField.value == null ? undefined : decodeSelector(nsField, sink);
  const ipBlock = ipField.value == null ? undefined : decodeIPBlock(ipField, sink);
  return {
    index,
    site: field.site,
    ...(podSelector && { podSelector }),
    ...(namespaceSelector && { namespaceSelector }),
    ...(ipBlock && { ipBlock }),
  };
}

function decodeIPBlock(field: Field, sink: ProblemSink): IPBlockWire | undefined {
  const object = readObject(field, sink);
  if (object === undefined) return undefined;
  const cidrField = child(object, 'cidr', field.site);
  const exceptField = child(object, 'except', field.site);
  const cidr = readString(cidrField, sink) ?? '';
  const exceptValues = readStringList(exceptField, sink) ?? [];
  const exceptSites = Array.isArray(exceptField.value) ? items(exceptField.value, exceptField.site) : [];
  const except = exceptValues.map((value, i) => ({ value, site: exceptSites[i]?.site ?? exceptField.site }));
  return { site: field.site, cidr, cidrSite: cidrField.site, except };
}
