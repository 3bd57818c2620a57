// The words of an intent check, shared by `netwarden test -o text` and `-o junit`: a failure's
// summary, each offending pair, and the engine's explanation as `netwarden eval` prints it.
import { assertNever } from '../model/common.js';
import type { NetworkPolicy } from '../model/network-policy.js';
import type { Intent } from '../analysis/intent.js';
import type { IntentEnd } from '../analysis/intent-ends.js';
import { endpointOf } from '../analysis/intent-pairs.js';
import type { IntentCheck, OffendingPair } from '../analysis/intents.js';
import { formatPortSet } from './ports-text.js';
import { formatVerdictText } from './verdict-text.js';

/** `expected deny on TCP/80: 3 of 9 pairs are allowed`. */
export function failureSummary(check: IntentCheck): string {
  const { intent } = check;
  const of = `${check.offendingCount} of ${count(check.pairCount, 'pair')}`;
  const verb = check.offendingCount === 1 ? 'is' : 'are';
  if (intent.port !== undefined) return `expected ${intent.expect} on ${portWords(intent)}: ${of} ${verb} ${intent.expect === 'allow' ? 'denied' : 'allowed'}`;
  const broken = intent.expect === 'allow' ? `${check.offendingCount === 1 ? 'allows' : 'allow'} no port` : `${check.offendingCount === 1 ? 'allows' : 'allow'} some port`;
  return `expected ${intent.expect} on ${portWords(intent)}: ${of} ${broken}`;
}

/** `port 80 of Service default/db`, `TCP/80`, `any port`, `any UDP port of Service default/db`. */
function portWords(intent: Intent): string {
  const service = intent.to.kind === 'service' ? ` of Service ${intent.to.namespace}/${intent.to.name}` : '';
  const { port, protocol } = intent;
  if (port === undefined) return `any ${protocol === undefined ? '' : `${protocol} `}port${service}`;
  const text = port.kind === 'number' ? `${port.port}` : `"${port.name}"`;
  if (service !== '') return `port ${text}${protocol === undefined ? '' : `/${protocol}`}${service}`;
  return port.kind === 'number' ? `${protocol ?? 'TCP'}/${text}` : `port ${text}${protocol === undefined ? '' : `/${protocol}`}`;
}

/** `default/web-0 -> 0.0.0.0/0: allows TCP/80, UDP/53`. */
export function pairLine(pair: OffendingPair): string {
  return `${pair.from.id} -> ${pair.to.id}: ${findingWords(pair)}`;
}

function findingWords(pair: OffendingPair): string {
  const { finding } = pair;
  switch (finding.kind) {
    case 'port':
      return finding.allowed ? 'allowed' : 'denied';
    case 'any-port': {
      const ports = formatPortSet(finding.allowed);
      return ports === 'none' ? 'allows no port' : `allows ${ports}`;
    }
    case 'service-ports': {
      const words = (ports: typeof finding.checked) => ports.map((p) => `${p.port}/${p.protocol}`).join(', ');
      return finding.allowed.length === 0 ? `allowed on none of the Service's ports (${words(finding.checked)})` : `allowed on Service port ${words(finding.allowed)}`;
    }
    default:
      return assertNever(finding);
  }
}

/** The verdict explaining a pair, exactly as `netwarden eval` prints it, one line per item. */
export function explanationLines(pair: OffendingPair, policies: readonly NetworkPolicy[]): string[] {
  const result = {
    from: resolvedEnd(pair.from),
    to: resolvedEnd(pair.to),
    portChoice: pair.portChoice,
    verdict: pair.verdict,
    policies,
  };
  return formatVerdictText(result).trimEnd().split('\n');
}

function resolvedEnd(end: IntentEnd) {
  return { input: end.id, endpoint: endpointOf(end), choice: { kind: end.kind === 'pod' ? 'pod' : 'ip' } } as const;
}

/** The lines under a failed or erroneous intent: the summary or errors, then each shown pair and its explanation. */
export function detailLines(check: IntentCheck, policies: readonly NetworkPolicy[]): string[] {
  const lines = [...check.errors];
  if (check.offendingCount === 0) return lines;
  lines.push(`${failureSummary(check)}:`);
  for (const pair of check.offending) {
    lines.push(pairLine(pair), ...explanationLines(pair, policies).map((line) => `  ${line}`));
  }
  const more = check.offendingCount - check.offending.length;
  if (more > 0) lines.push(`and ${count(more, 'more pair')}`);
  return lines;
}

export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
