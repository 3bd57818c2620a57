import { assertNever } from '../model/common.js';
import type { Direction } from '../model/common.js';
import { podId } from '../model/cluster.js';
import { formatSource } from '../model/source.js';
import { policyId } from '../model/network-policy.js';
import type { LabelSelector } from '../model/label-selector.js';
import type { NetworkPolicy, Peer, PolicyRule } from '../model/network-policy.js';
import { formatSelector } from '../algebra/label-selector.js';
import type { DirectionVerdict, Endpoint, PolicyRef, RuleRef } from '../engine/types.js';
import type { EvalResult, PortChoice, ResolvedEnd } from './eval-result.js';
import { formatPolicyPort, formatProtocolPort } from './ports-text.js';
import { ruleText, tierLines } from './tier-steps-text.js';

/**
 * The verdict in words: a header line, how the command-line names were chosen, then one line
 * per direction saying whether the end is isolated, by which policies, and which rule, peer and
 * port entry allowed the connection (or that none did).
 */
export function formatVerdictText(result: EvalResult): string {
  const { verdict } = result;
  const { connection } = verdict;
  const header =
    `${endpointName(connection.from)} -> ${endpointName(connection.to)} ` +
    `${formatProtocolPort(connection.protocol, connection.port)}: ${verdict.allowed ? 'ALLOWED' : 'DENIED'}`;
  const lines = [
    header,
    ...choiceLines('from', result.from),
    ...choiceLines('to', result.to),
    ...portChoiceLines(result.portChoice, connection.port),
    ...directionLines(result, verdict.egress),
    ...directionLines(result, verdict.ingress),
  ];
  return lines.join('\n') + '\n';
}

function endpointName(endpoint: Endpoint): string {
  return endpoint.kind === 'pod' ? podId(endpoint.pod) : endpoint.ip;
}

function choiceLines(side: 'from' | 'to', end: ResolvedEnd): string[] {
  const choice = end.choice;
  const chosen = endpointName(end.endpoint);
  switch (choice.kind) {
    case 'pod':
    case 'ip':
      return [];
    case 'workload':
      return [`  ${side} ${end.input}: ${choice.workloadKind} with ${pods(choice.podCount)}, evaluated as its first pod ${chosen}`];
    case 'service':
      return [`  ${side} ${end.input}: Service selecting ${pods(choice.podCount)}, evaluated as its first pod ${chosen}`];
    default:
      return assertNever(choice);
  }
}

function pods(count: number): string {
  return count === 1 ? '1 pod' : `${count} pods`;
}

function portChoiceLines(choice: PortChoice, port: number): string[] {
  switch (choice.kind) {
    case 'number':
      return [];
    case 'service-port': {
      const name = choice.portName === undefined ? '' : ` (${JSON.stringify(choice.portName)})`;
      const target = typeof choice.targetPort === 'number' ? `${port}` : `${JSON.stringify(choice.targetPort)} = ${port}`;
      return [`  port ${choice.port}${name} of Service ${choice.service}: target port ${target}`];
    }
    case 'container-port':
      return [`  port ${JSON.stringify(choice.name)}: container port ${port} of the destination pod`];
    default:
      return assertNever(choice);
  }
}

function directionLines(result: EvalResult, verdict: DirectionVerdict): string[] {
  return [...reasonLines(result, verdict), ...tierLines(verdict, '    ')];
}

function reasonLines(result: EvalResult, verdict: DirectionVerdict): string[] {
  const { connection } = result.verdict;
  const [self, other] = verdict.direction === 'egress' ? [connection.from, connection.to] : [connection.to, connection.from];
  const head = `  ${verdict.direction} (${endpointName(self)}): ${verdict.allowed ? 'allowed' : 'denied'}: `;
  const isolatedBy = `isolated by ${verdict.selectingPolicies.map(formatPolicyRef).join(', ')}`;
  switch (verdict.reason) {
    case 'not-a-pod':
      return [`${head}an address outside the cluster; no NetworkPolicy applies to it`];
    case 'self':
      return [`${head}a pod can always reach itself`];
    case 'not-isolated':
      return [`${head}not isolated (no NetworkPolicy selects it for ${verdict.direction})`];
    case 'no-rule-matched': {
      const what = formatProtocolPort(connection.protocol, connection.port);
      return [`${head}${isolatedBy}; no ${verdict.direction} rule allows ${endpointName(other)} on ${what}`];
    }
    case 'allowed-by-rule':
      return [`${head}${isolatedBy}; allowed by:`, ...verdict.allowedBy.flatMap((ref) => ruleLines(result.policies, ref))];
    case 'cluster-policy': {
      const last = verdict.tiers[verdict.tiers.length - 1];
      const rule = last?.tier === 'admin' || last?.tier === 'baseline' ? last.rule : undefined;
      return [`${head}${rule === undefined ? 'decided by a cluster-wide policy' : ruleText(rule)}`];
    }
    default:
      return assertNever(verdict.reason);
  }
}

function formatPolicyRef(ref: PolicyRef): string {
  return `${policyId(ref)} (${formatSource(ref.source)})`;
}

function ruleLines(policies: readonly NetworkPolicy[], ref: RuleRef): string[] {
  const lines = [`    ${policyId(ref.policy)} ${ref.direction}[${ref.ruleIndex}] (${formatSource(ref.source)})`];
  const rule = findRule(policies, ref);
  lines.push(`      ${peerLine(rule, ref.direction, ref.peerIndex)}`);
  lines.push(`      ${portLine(rule, ref.portIndex)}`);
  return lines;
}

function findRule(policies: readonly NetworkPolicy[], ref: RuleRef): PolicyRule | undefined {
  const policy = policies.find((p) => p.namespace === ref.policy.namespace && p.name === ref.policy.name);
  const rules = ref.direction === 'ingress' ? policy?.ingress : policy?.egress;
  return rules?.find((rule) => rule.index === ref.ruleIndex);
}

function peerLine(rule: PolicyRule | undefined, direction: Direction, peerIndex: number | undefined): string {
  const field = direction === 'ingress' ? 'from' : 'to';
  if (peerIndex === undefined) return `${field}: every peer (the rule has no ${field})`;
  const peer = rule?.peers.kind === 'list' ? rule.peers.items.find((p) => p.index === peerIndex) : undefined;
  if (peer === undefined) return `${field}[${peerIndex}]`;
  return `${field}[${peerIndex}]: ${formatPeer(peer)} (${formatSource(peer.source)})`;
}

function formatPeer(peer: Peer): string {
  if (peer.kind === 'ipBlock') {
    return peer.except.length === 0 ? `ipBlock ${peer.cidr}` : `ipBlock ${peer.cidr} except ${peer.except.join(', ')}`;
  }
  const parts: string[] = [];
  if (peer.namespaceSelector !== null) parts.push(`namespaceSelector ${selectorText(peer.namespaceSelector)}`);
  if (peer.hasPodSelector || peer.namespaceSelector === null) parts.push(`podSelector ${selectorText(peer.podSelector)}`);
  return parts.join(', ');
}

/** The empty selector matches everything; say so rather than print nothing. */
function selectorText(selector: LabelSelector): string {
  const text = formatSelector(selector);
  return text === '' ? '{} (all)' : text;
}

function portLine(rule: PolicyRule | undefined, portIndex: number | undefined): string {
  if (portIndex === undefined) return 'ports: every port (the rule has no ports)';
  const entry = rule?.ports.kind === 'list' ? rule.ports.items.find((p) => p.index === portIndex) : undefined;
  if (entry === undefined) return `ports[${portIndex}]`;
  return `ports[${portIndex}]: ${formatPolicyPort(entry)} (${formatSource(entry.source)})`;
}
