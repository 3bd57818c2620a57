// An intents file (docs/test.md) -> checked intents, or every problem in it as `file:line: field: message`.
import type { Node } from 'yaml';
import { PROTOCOLS } from '../model/common.js';
import type { Protocol } from '../model/common.js';
import type { LoadProblem } from '../model/problem.js';
import { describePort, describeSelector } from './intent.js';
import type { Intent, IntentExpectation, IntentFile, IntentPort, IntentSelector } from './intent.js';
import { parseSelector } from './intent-file-selector.js';
import { IntentYaml, describe, join } from './intent-yaml.js';

const INTENT_FIELDS = ['name', 'from', 'to', 'port', 'protocol', 'expect'] as const;
const EXPECTATIONS = ['allow', 'deny'] as const satisfies readonly IntentExpectation[];

/** IANA_SVC_NAME, what a named port is (at most 15 characters, a letter, no `--`). */
const PORT_NAME = /^(?=.{1,15}$)(?=.*[a-z])(?!.*--)[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

export type IntentFileResult =
  | { readonly kind: 'valid'; readonly file: IntentFile }
  /** Every problem found, in file order; nothing of the file is used. */
  | { readonly kind: 'invalid'; readonly problems: readonly LoadProblem[] };

/** Reads `text`, the content of `file`: one YAML document, `intents:` and a non-empty list. */
export function parseIntentFile(file: string, text: string): IntentFileResult {
  const yaml = new IntentYaml(file, text);
  const intents = yaml.problems.length === 0 ? readIntents(yaml) : [];
  if (yaml.problems.length > 0) return { kind: 'invalid', problems: [...yaml.problems].sort((a, b) => a.line - b.line) };
  return { kind: 'valid', file: { file, intents } };
}

function readIntents(yaml: IntentYaml): Intent[] {
  if (yaml.root === undefined) {
    yaml.error(0, '', 'empty; expected `intents:` and a list of intents');
    return [];
  }
  const top = yaml.map(yaml.root, '', 1, ['intents']);
  if (top === undefined) return [];
  const entry = top.get('intents');
  if (entry === undefined) return yaml.error(yaml.lineOf(yaml.root, 1), 'intents', 'required: the list of intents') ?? [];
  const items = yaml.list(entry.value, 'intents', entry.line) ?? [];
  if (items.length === 0 && yaml.problems.length === 0) yaml.error(entry.line, 'intents', 'no intents; the list is empty');
  const intents: (Intent | undefined)[] = [];
  for (const [i, item] of items.entries()) {
    if (yaml.exhausted) return [];
    intents.push(readIntent(yaml, item.value, `intents[${i}]`, item.line));
  }
  checkNamesUnique(yaml, intents);
  return intents.filter((intent) => intent !== undefined);
}

function readIntent(yaml: IntentYaml, node: Node | undefined, path: string, line: number): Intent | undefined {
  const fields = yaml.map(node, path, line, INTENT_FIELDS);
  if (fields === undefined) return undefined;
  const field = (name: (typeof INTENT_FIELDS)[number]) => fields.get(name);
  const endOf = (name: 'from' | 'to'): IntentSelector | undefined => {
    const entry = field(name);
    return entry === undefined ? yaml.error(line, join(path, name), 'required') : parseSelector(yaml, entry.value, join(path, name), entry.line);
  };
  const from = endOf('from');
  const to = endOf('to');
  const expect = expectation(yaml, field('expect'), join(path, 'expect'), line);
  const portEntry = field('port');
  const port = portEntry === undefined ? undefined : portOf(yaml, portEntry.value, join(path, 'port'), portEntry.line);
  const protocolEntry = field('protocol');
  const protocol = protocolEntry === undefined ? undefined : protocolOf(yaml, protocolEntry.value, join(path, 'protocol'), protocolEntry.line);
  const nameEntry = field('name');
  const name = nameEntry === undefined ? undefined : yaml.string(nameEntry.value, join(path, 'name'), nameEntry.line);
  if (from?.kind === 'ip' && to?.kind === 'ip') yaml.error(line, path, 'from and to are both ip; at least one end must be pods of the cluster');
  if (to?.kind === 'ip' && port?.kind === 'name') yaml.error(portEntry?.line ?? line, join(path, 'port'), `"${port.name}": a port name needs pods as to, not an ip`);
  if (from === undefined || to === undefined || expect === undefined || (portEntry && !port) || (protocolEntry && !protocol) || (nameEntry && !name)) return undefined;
  if (from.kind === 'ip' && to.kind === 'ip') return undefined;
  const written = { from, to, expect, ...(port === undefined ? {} : { port }), ...(protocol === undefined ? {} : { protocol }) };
  return { name: name ?? madeUpName(written), ...written, source: { file: yaml.file, line } };
}

function expectation(yaml: IntentYaml, entry: { line: number; value: Node | undefined } | undefined, path: string, line: number): IntentExpectation | undefined {
  if (entry === undefined) return yaml.error(line, path, 'required: allow or deny');
  const value = yaml.scalar(entry.value, path, entry.line);
  const found = EXPECTATIONS.find((candidate) => candidate === value);
  if (found === undefined && value !== undefined) yaml.error(entry.line, path, `${describe(value)}: expected allow or deny`);
  return found;
}

/** A number 1-65535 (a string of digits too), or a port name. */
function portOf(yaml: IntentYaml, node: Node | undefined, path: string, line: number): IntentPort | undefined {
  const value = yaml.scalar(node, path, line);
  if (value === undefined) return undefined;
  const number = typeof value === 'number' ? value : typeof value === 'string' && /^[0-9]+$/.test(value) ? Number(value) : undefined;
  if (number !== undefined) {
    if (Number.isInteger(number) && number >= 1 && number <= 65535) return { kind: 'number', port: number };
    return yaml.error(line, path, `${describe(value)}: a port number is 1 to 65535`);
  }
  if (typeof value === 'string' && PORT_NAME.test(value)) return { kind: 'name', name: value };
  return yaml.error(line, path, `${describe(value)}: expected a port number (1 to 65535) or a port name (lowercase letters, digits and -, at most 15)`);
}

function protocolOf(yaml: IntentYaml, node: Node | undefined, path: string, line: number): Protocol | undefined {
  const value = yaml.scalar(node, path, line);
  const found = PROTOCOLS.find((candidate) => candidate === value);
  if (found === undefined && value !== undefined) yaml.error(line, path, `${describe(value)}: expected one of ${PROTOCOLS.join(', ')}`);
  return found;
}

/** `default/deployment/backend -> default/svc/database on TCP/80: deny`. */
function madeUpName(intent: Omit<Intent, 'name' | 'source'>): string {
  return `${describeSelector(intent.from)} -> ${describeSelector(intent.to)} on ${describePort(intent.port, intent.protocol)}: ${intent.expect}`;
}

/** Names are test case names in JUnit: two alike could not be told apart. */
function checkNamesUnique(yaml: IntentYaml, intents: readonly (Intent | undefined)[]): void {
  const first = new Map<string, number>();
  intents.forEach((intent, i) => {
    if (intent === undefined) return;
    const earlier = first.get(intent.name);
    if (earlier === undefined) first.set(intent.name, intent.source.line);
    else yaml.error(intent.source.line, `intents[${i}].name`, `${JSON.stringify(intent.name)} is also the name of the intent at line ${earlier}; give each a distinct name`);
  });
}
