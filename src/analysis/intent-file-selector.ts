// The `from` and `to` of an intent: which form it is, and its fields checked (docs/test.md).
import { isScalar } from 'yaml';
import type { Node } from 'yaml';
import { assertNever } from '../model/common.js';
import { WORKLOAD_KIND_WORDS } from '../model/cluster.js';
import { EVERYTHING, SELECTOR_OPERATORS } from '../model/label-selector.js';
import type { LabelRequirement, LabelSelector, SelectorOperator } from '../model/label-selector.js';
import { formatIP, parseCIDRText, parseIP } from '../algebra/cidr.js';
import type { IntentSelector } from './intent.js';
import { describe, join } from './intent-yaml.js';
import type { IntentYaml, MapEntries } from './intent-yaml.js';

const SELECTOR_FIELDS = ['namespace', 'namespaceSelector', 'podSelector', 'workload', 'service', 'pod', 'ip'] as const;
const FORMS = ['workload', 'service', 'pod', 'ip'] as const;
const FORMS_TEXT = 'namespace or namespaceSelector (each with an optional podSelector), workload, service, pod or ip';

/** Workload kinds in lowercase, with kubectl's short names (as `eval --from NS/KIND/NAME`). */
const KIND_WORDS = WORKLOAD_KIND_WORDS;

/** A DNS label (RFC 1123), what a namespace name is. */
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

export function parseSelector(yaml: IntentYaml, node: Node | undefined, path: string, line: number): IntentSelector | undefined {
  const fields = yaml.map(node, path, line, SELECTOR_FIELDS);
  if (fields === undefined) return undefined;
  const podsForm = fields.has('namespace') || fields.has('namespaceSelector') || fields.has('podSelector');
  const forms = [...(podsForm ? ['namespace/podSelector'] : []), ...FORMS.filter((form) => fields.has(form))];
  const at = yaml.lineOf(node, line);
  if (forms.length === 0) return yaml.error(at, path, `empty; give one of ${FORMS_TEXT}`);
  if (forms.length > 1) return yaml.error(at, path, `${forms.join(' and ')} together; give only one of ${FORMS_TEXT}`);
  if (podsForm) return podsSelector(yaml, fields, path, at);
  const [form] = forms as [(typeof FORMS)[number]];
  const entry = fields.get(form)!;
  const text = yaml.string(entry.value, join(path, form), entry.line);
  if (text === undefined) return undefined;
  const fieldPath = join(path, form);
  switch (form) {
    case 'workload':
      return workloadSelector(yaml, text, fieldPath, entry.line);
    case 'service':
    case 'pod': {
      const parts = namespacedName(yaml, text, fieldPath, entry.line);
      return parts && { kind: form, namespace: parts[0], name: parts[1] };
    }
    case 'ip':
      return ipSelector(yaml, text, fieldPath, entry.line);
    default:
      return assertNever(form);
  }
}

function podsSelector(yaml: IntentYaml, fields: MapEntries, path: string, line: number): IntentSelector | undefined {
  const namespace = fields.get('namespace');
  const namespaceSelector = fields.get('namespaceSelector');
  const podSelector = fields.get('podSelector');
  if (namespace !== undefined && namespaceSelector !== undefined) {
    return yaml.error(line, path, 'namespace and namespaceSelector together; give one (a name, or a selector of namespaces)');
  }
  const pods = podSelector === undefined ? EVERYTHING : labelSelector(yaml, podSelector.value, join(path, 'podSelector'), podSelector.line);
  if (namespace !== undefined) {
    const name = yaml.string(namespace.value, join(path, 'namespace'), namespace.line);
    if (name !== undefined && !DNS_LABEL.test(name)) yaml.error(namespace.line, join(path, 'namespace'), `${JSON.stringify(name)} is not a namespace name (a DNS label)`);
    return name === undefined || pods === undefined || !DNS_LABEL.test(name) ? undefined : { kind: 'pods', namespaces: { kind: 'name', name }, podSelector: pods };
  }
  if (namespaceSelector === undefined) {
    return yaml.error(line, path, 'podSelector needs namespace or namespaceSelector (namespaceSelector: {} for every namespace)');
  }
  const namespaces = labelSelector(yaml, namespaceSelector.value, join(path, 'namespaceSelector'), namespaceSelector.line);
  return namespaces === undefined || pods === undefined ? undefined : { kind: 'pods', namespaces: { kind: 'selector', selector: namespaces }, podSelector: pods };
}

function workloadSelector(yaml: IntentYaml, text: string, path: string, line: number): IntentSelector | undefined {
  const parts = text.split('/');
  const [namespace = '', word = '', name = ''] = parts;
  if (parts.length !== 3 || parts.some((part) => part === '')) return yaml.error(line, path, `${JSON.stringify(text)}: expected NAMESPACE/KIND/NAME, e.g. default/deployment/backend`);
  const workloadKind = KIND_WORDS.get(word);
  if (workloadKind === undefined) return yaml.error(line, path, `${JSON.stringify(text)}: unknown kind "${word}"; expected one of ${[...KIND_WORDS.keys()].join(', ')}`);
  return { kind: 'workload', namespace, workloadKind, name };
}

function namespacedName(yaml: IntentYaml, text: string, path: string, line: number): readonly [string, string] | undefined {
  const parts = text.split('/');
  const [namespace = '', name = ''] = parts;
  if (parts.length !== 2 || namespace === '' || name === '') return yaml.error(line, path, `${JSON.stringify(text)}: expected NAMESPACE/NAME`);
  return [namespace, name];
}

/** An address (its /32 or /128) or a CIDR without host bits set. */
function ipSelector(yaml: IntentYaml, text: string, path: string, line: number): IntentSelector | undefined {
  const address = parseIP(text);
  if (address !== undefined) return { kind: 'ip', cidr: `${formatIP(address.family, address.value)}/${address.family === 'IPv4' ? 32 : 128}` };
  const cidr = parseCIDRText(text);
  if (cidr === undefined) return yaml.error(line, path, `${JSON.stringify(text)} is not an IP address or CIDR`);
  if (cidr.network.hostBitsSet) return yaml.error(line, path, `${JSON.stringify(text)} has host bits set; the network is ${cidr.network.canonical}`);
  return { kind: 'ip', cidr: cidr.network.canonical };
}

/**
 * A label selector: `{matchLabels, matchExpressions}` as in Kubernetes, or, for short, a map of
 * labels (`{app: web}` is `{matchLabels: {app: web}}`). Absent or `{}` selects everything.
 */
export function labelSelector(yaml: IntentYaml, node: Node | undefined, path: string, line: number): LabelSelector | undefined {
  const resolved = yaml.resolve(node, path, line);
  if (resolved === undefined || (isScalar(resolved) && resolved.value === null)) return EVERYTHING;
  const entries = yaml.map(resolved, path, line);
  if (entries === undefined) return undefined;
  const keys = [...entries.keys()];
  const full = keys.length > 0 && keys.every((key) => key === 'matchLabels' || key === 'matchExpressions');
  if (!full) return labelsOnly(yaml, entries, path);
  const labels = entries.get('matchLabels');
  const expressions = entries.get('matchExpressions');
  const matchLabels = labels === undefined ? {} : labelMap(yaml, yaml.map(labels.value, join(path, 'matchLabels'), labels.line), join(path, 'matchLabels'));
  const matchExpressions = expressions === undefined ? [] : requirements(yaml, expressions.value, join(path, 'matchExpressions'), expressions.line);
  return matchLabels === undefined || matchExpressions === undefined ? undefined : { matchLabels, matchExpressions };
}

function labelsOnly(yaml: IntentYaml, entries: MapEntries, path: string): LabelSelector | undefined {
  const matchLabels = labelMap(yaml, entries, path);
  return matchLabels === undefined ? undefined : { matchLabels, matchExpressions: [] };
}

/** Label values are strings: `version: 2` is a number, and no label equals it. */
function labelMap(yaml: IntentYaml, entries: MapEntries | undefined, path: string): Record<string, string> | undefined {
  if (entries === undefined) return undefined;
  const labels: Record<string, string> = {};
  let valid = true;
  for (const [key, { line, value }] of entries) {
    const text = yaml.scalar(value, join(path, key), line);
    if (typeof text === 'string') Object.defineProperty(labels, key, { value: text, enumerable: true, writable: true, configurable: true });
    else {
      valid = false;
      if (text !== undefined) yaml.error(line, join(path, key), `a label value is a string, got ${describe(text)}${text === null ? '' : `; quote it: "${String(text)}"`}`);
    }
  }
  return valid ? labels : undefined;
}

function requirements(yaml: IntentYaml, node: Node | undefined, path: string, line: number): LabelRequirement[] | undefined {
  const items = yaml.list(node, path, line);
  if (items === undefined) return undefined;
  const parsed = items.map((item, i) => requirement(yaml, item.value, `${path}[${i}]`, item.line));
  return parsed.every((r) => r !== undefined) ? parsed : undefined;
}

function requirement(yaml: IntentYaml, node: Node | undefined, path: string, line: number): LabelRequirement | undefined {
  const fields = yaml.map(node, path, line, ['key', 'operator', 'values']);
  if (fields === undefined) return undefined;
  const key = fields.get('key');
  const operator = fields.get('operator');
  const values = fields.get('values');
  const keyText = key === undefined ? yaml.error(line, join(path, 'key'), 'required') : yaml.string(key.value, join(path, 'key'), key.line);
  const operatorText = operator === undefined ? yaml.error(line, join(path, 'operator'), 'required') : yaml.string(operator.value, join(path, 'operator'), operator.line);
  const op = SELECTOR_OPERATORS.find((candidate): candidate is SelectorOperator => candidate === operatorText);
  if (operatorText !== undefined && op === undefined) yaml.error(operator?.line ?? line, join(path, 'operator'), `${JSON.stringify(operatorText)}: expected one of ${SELECTOR_OPERATORS.join(', ')}`);
  const list = values === undefined ? [] : yaml.list(values.value, join(path, 'values'), values.line);
  const texts = list?.map((item, i) => yaml.string(item.value, `${path}.values[${i}]`, item.line));
  if (keyText === undefined || op === undefined || texts === undefined || texts.some((t) => t === undefined)) return undefined;
  const needsValues = op === 'In' || op === 'NotIn';
  if (needsValues && texts.length === 0) return yaml.error(values?.line ?? line, join(path, 'values'), `required (not empty) when operator is ${op}`);
  if (!needsValues && texts.length > 0) return yaml.error(values?.line ?? line, join(path, 'values'), `must be empty when operator is ${op}`);
  return { key: keyText, operator: op, values: texts as string[] };
}
