import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseIntentFile } from '../../src/analysis/intent-file.js';
import type { Intent } from '../../src/analysis/intent.js';
import { formatProblem } from '../../src/model/problem.js';

function intents(text: string): readonly Intent[] {
  const result = parseIntentFile('intents.yaml', text);
  assert.equal(result.kind, 'valid', result.kind === 'invalid' ? result.problems.map(formatProblem).join('\n') : '');
  return result.kind === 'valid' ? result.file.intents : [];
}

function problems(text: string): string[] {
  const result = parseIntentFile('intents.yaml', text);
  assert.equal(result.kind, 'invalid');
  return result.kind === 'invalid' ? result.problems.map(formatProblem) : [];
}

const one = (from: string, to: string, rest = 'expect: deny') => `intents:\n  - from: ${from}\n    to: ${to}\n    ${rest}\n`;

describe('intents files that are valid', () => {
  test('the issue\'s example reads as three intents with their lines, names made up where none is given', () => {
    const read = intents(`intents:
  - name: only backend reaches the database
    from: {namespace: default, podSelector: {app: frontend}}
    to: {namespace: default, podSelector: {app: database}}
    port: 80
    expect: deny
  - from: {workload: default/deployment/backend}
    to: {service: default/database}
    expect: allow
  - from: {namespace: prod}
    to: {ip: 0.0.0.0/0}
    expect: deny        # nothing in prod egresses to the internet
`);
    assert.deepEqual(read.map((i) => [i.name, i.source.line, i.expect]), [
      ['only backend reaches the database', 2, 'deny'],
      ['default/deployment/backend -> default/svc/database on any port: allow', 7, 'allow'],
      ['all pods in prod -> 0.0.0.0/0 on any port: deny', 10, 'deny'],
    ]);
    assert.deepEqual(read[0]?.from, { kind: 'pods', namespaces: { kind: 'name', name: 'default' }, podSelector: { matchLabels: { app: 'frontend' }, matchExpressions: [] } });
    assert.deepEqual(read[0]?.port, { kind: 'number', port: 80 });
    assert.deepEqual(read[1]?.from, { kind: 'workload', namespace: 'default', workloadKind: 'Deployment', name: 'backend' });
    assert.deepEqual(read[2]?.to, { kind: 'ip', cidr: '0.0.0.0/0' });
  });

  test('podSelector is a map of labels or a full LabelSelector with matchExpressions', () => {
    const [short, full] = intents(`intents:
  - {from: {namespace: a, podSelector: {app: web}}, to: {pod: a/db-0}, expect: deny}
  - from: {namespaceSelector: {matchLabels: {team: x}}, podSelector: {matchExpressions: [{key: tier, operator: NotIn, values: [db]}, {key: app, operator: Exists}]}}
    to: {pod: a/db-0}
    expect: deny
`);
    assert.deepEqual(short?.from, { kind: 'pods', namespaces: { kind: 'name', name: 'a' }, podSelector: { matchLabels: { app: 'web' }, matchExpressions: [] } });
    assert.deepEqual(full?.from, {
      kind: 'pods',
      namespaces: { kind: 'selector', selector: { matchLabels: { team: 'x' }, matchExpressions: [] } },
      podSelector: { matchLabels: {}, matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['db'] }, { key: 'app', operator: 'Exists', values: [] }] },
    });
  });

  test('an address is its /32 or /128; kubectl\'s short kind names work; a port may be a name; protocol is kept', () => {
    const [a, b] = intents(`intents:
  - {from: {workload: shop/sts/db}, to: {ip: 10.1.2.3}, port: 5432, protocol: UDP, expect: deny}
  - {from: {ip: "2001:db8::1"}, to: {service: shop/db}, port: sql, expect: allow}
`);
    assert.deepEqual(a?.to, { kind: 'ip', cidr: '10.1.2.3/32' });
    assert.deepEqual(a?.from, { kind: 'workload', namespace: 'shop', workloadKind: 'StatefulSet', name: 'db' });
    assert.equal(a?.protocol, 'UDP');
    assert.deepEqual(b?.from, { kind: 'ip', cidr: '2001:db8::1/128' });
    assert.deepEqual(b?.port, { kind: 'name', name: 'sql' });
  });

  test('anchors and aliases may share a selector between intents', () => {
    const read = intents(`intents:
  - {from: &web {namespace: shop, podSelector: {app: web}}, to: {ip: 8.8.8.8}, expect: deny}
  - {from: *web, to: {pod: shop/db-0}, expect: allow}
`);
    assert.deepEqual(read[1]?.from, read[0]?.from);
  });
});

describe('intents files that are not, every problem at its line', () => {
  test('unknown fields, a missing from and expect, a bad expectation, port and protocol', () => {
    assert.deepEqual(
      problems(`intents:
  - name: x
    to: {pod: a/b}
    port: 70000
    protocol: tcp
    expect: maybe
    extra: 1
  - from: {pod: a/b}
    to: {pod: a/c}
`),
      [
        'intents.yaml:2: intents[0].from: required',
        'intents.yaml:4: intents[0].port: number 70000: a port number is 1 to 65535',
        'intents.yaml:5: intents[0].protocol: "tcp": expected one of TCP, UDP, SCTP',
        'intents.yaml:6: intents[0].expect: "maybe": expected allow or deny',
        'intents.yaml:7: intents[0].extra: unknown field; expected one of name, from, to, port, protocol, expect',
        'intents.yaml:8: intents[1].expect: required: allow or deny',
      ],
    );
  });

  test('selectors: two forms at once, namespace with namespaceSelector, podSelector alone, bad names and CIDRs', () => {
    assert.deepEqual(
      problems(`intents:
  - from: {namespace: a, workload: a/deployment/b}
    to: {namespace: a, namespaceSelector: {}}
    expect: deny
  - from: {podSelector: {app: web}}
    to: {workload: a/widget/b}
    expect: deny
  - from: {namespace: Not_A_Name}
    to: {ip: 10.1.2.3/8}
    expect: deny
  - from: {service: a}
    to: {ip: nowhere}
    expect: deny
  - from: {}
    to: {nodes: all}
    expect: deny
`),
      [
        'intents.yaml:2: intents[0].from: namespace/podSelector and workload together; give only one of namespace or namespaceSelector (each with an optional podSelector), workload, service, pod or ip',
        'intents.yaml:3: intents[0].to: namespace and namespaceSelector together; give one (a name, or a selector of namespaces)',
        'intents.yaml:5: intents[1].from: podSelector needs namespace or namespaceSelector (namespaceSelector: {} for every namespace)',
        'intents.yaml:6: intents[1].to.workload: "a/widget/b": unknown kind "widget"; expected one of deployment, statefulset, daemonset, replicaset, replicationcontroller, job, cronjob, deploy, sts, ds, rs, rc, cj',
        'intents.yaml:8: intents[2].from.namespace: "Not_A_Name" is not a namespace name (a DNS label)',
        'intents.yaml:9: intents[2].to.ip: "10.1.2.3/8" has host bits set; the network is 10.0.0.0/8',
        'intents.yaml:11: intents[3].from.service: "a": expected NAMESPACE/NAME',
        'intents.yaml:12: intents[3].to.ip: "nowhere" is not an IP address or CIDR',
        'intents.yaml:14: intents[4].from: empty; give one of namespace or namespaceSelector (each with an optional podSelector), workload, service, pod or ip',
        'intents.yaml:15: intents[4].to.nodes: unknown field; expected one of namespace, namespaceSelector, podSelector, workload, service, pod, ip',
        'intents.yaml:15: intents[4].to: empty; give one of namespace or namespaceSelector (each with an optional podSelector), workload, service, pod or ip',
      ],
    );
  });

  test('label selectors: values are strings, operators and values checked', () => {
    assert.deepEqual(
      problems(one('{namespace: a, podSelector: {version: 2}}', `
      namespaceSelector:
        matchExpressions:
          - {key: team, operator: In}
          - {key: env, operator: Exists, values: [x]}
          - {key: tier, operator: Like, values: [x]}`)),
      [
        'intents.yaml:2: intents[0].from.podSelector.version: a label value is a string, got number 2; quote it: "2"',
        'intents.yaml:6: intents[0].to.namespaceSelector.matchExpressions[0].values: required (not empty) when operator is In',
        'intents.yaml:7: intents[0].to.namespaceSelector.matchExpressions[1].values: must be empty when operator is Exists',
        'intents.yaml:8: intents[0].to.namespaceSelector.matchExpressions[2].operator: "Like": expected one of In, NotIn, Exists, DoesNotExist',
      ],
    );
  });

  test('both ends outside the cluster, and a port name towards an address, cannot be checked', () => {
    assert.deepEqual(problems(one('{ip: 10.0.0.0/8}', '{ip: 0.0.0.0/0}')), ['intents.yaml:2: intents[0]: from and to are both ip; at least one end must be pods of the cluster']);
    assert.deepEqual(problems(one('{pod: a/b}', '{ip: 0.0.0.0/0}', 'port: https\n    expect: deny')), [
      'intents.yaml:4: intents[0].port: "https": a port name needs pods as to, not an ip',
    ]);
  });

  test('two intents with one name cannot be told apart in JUnit', () => {
    assert.deepEqual(problems(`intents:\n  - {name: a, from: {pod: x/y}, to: {pod: x/z}, expect: deny}\n  - {name: a, from: {pod: x/z}, to: {pod: x/y}, expect: deny}\n`), [
      'intents.yaml:3: intents[1].name: "a" is also the name of the intent at line 2; give each a distinct name',
    ]);
  });

  test('the file itself: empty, not a map, no intents, an empty list, malformed YAML, an unknown alias', () => {
    assert.deepEqual(problems(''), ['intents.yaml: empty; expected `intents:` and a list of intents']);
    assert.deepEqual(problems('- a\n'), ['intents.yaml:1: expected a map with the fields intents']);
    assert.deepEqual(problems('kind: Intents\n'), ['intents.yaml:1: kind: unknown field; expected one of intents', 'intents.yaml:1: intents: required: the list of intents']);
    assert.deepEqual(problems('intents: []\n'), ['intents.yaml:1: intents: no intents; the list is empty']);
    assert.deepEqual(problems('intents:\n  - from: {pod: a/b\n'), ['intents.yaml:3:1: Flow map in block collection must be sufficiently indented and end with a }']);
    assert.deepEqual(problems(one('*nowhere', '{pod: a/b}')), ['intents.yaml:2: intents[0].from: unknown alias *nowhere']);
  });

  test('aliases that expand to millions of values are refused quickly', () => {
    const many = (item: string) => `[${Array(200).fill(item).join(', ')}]`;
    const bomb = [
      `x-values: &v ${many('a')}`,
      'x-requirement: &r {key: k, operator: In, values: *v}',
      `x-requirements: &e ${many('*r')}`,
      'x-intent: &i {from: {namespace: a, podSelector: {matchExpressions: *e}}, to: {pod: a/b}, expect: deny}',
      `intents: ${many('*i')}`,
      '',
    ].join('\n');
    const started = Date.now();
    const found = problems(bomb);
    assert.equal(found.filter((line) => line.endsWith(': more than 100000 values once aliases are expanded; refusing the file')).length, 1, found.join('\n'));
    assert.ok(!found.some((line) => line.includes('distinct name')), 'nothing is read after the budget ran out');
    assert.ok(Date.now() - started < 2000, `${Date.now() - started} ms`);
  });
});
