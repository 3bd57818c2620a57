// Reading documents: multi-document YAML, JSON, List and typed lists, malformed and hostile
// input. Bad documents are reported and skipped; everything else still loads.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatProblem } from '../../src/model/problem.js';
import { loadFixture, loadText, printed } from './helpers.js';

function podNames(fixture: string): string[] {
  return loadFixture(fixture).cluster.pods.map((p) => `${p.namespace}/${p.name}`);
}

describe('documents', () => {
  it('multi-document YAML with empty documents and comments loads every object', () => {
    const result = loadFixture('multi-document-with-empty-documents.yaml');
    assert.deepEqual(printed(result), []);
    assert.deepEqual(podNames('multi-document-with-empty-documents.yaml'), ['default/a', 'default/b']);
  });

  it('JSON loads like YAML, with lines for problems inside a List', () => {
    const result = loadFixture('json-pod-and-list.json');
    assert.deepEqual(printed(result), [
      'json-pod-and-list.json:15: spec.ingress[0].ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive',
    ]);
    assert.deepEqual(result.cluster.pods.map((p) => [p.name, p.namespace, p.labels, p.ports]), [
      ['web', 'shop', { app: 'web' }, [{ name: 'http', containerPort: 8080, protocol: 'TCP' }]],
    ]);
  });

  it('a PodList as kubectl writes it loads its items with owners, ports and IPs', () => {
    const result = loadFixture('pod-list-as-kubectl-writes-it.yaml');
    assert.deepEqual(printed(result), []);
    const [web, debug] = result.cluster.pods;
    assert.deepEqual(web, {
      namespace: 'shop',
      name: 'web-7d9f8b6c5-abcde',
      labels: { app: 'web', 'pod-template-hash': '7d9f8b6c5' },
      ports: [
        { name: 'http', containerPort: 80, protocol: 'TCP' },
        { name: 'metrics', containerPort: 9090, protocol: 'TCP' },
      ],
      ips: ['10.244.1.5', 'fd00::5'],
      hostNetwork: false,
      owner: { kind: 'ReplicaSet', name: 'web-7d9f8b6c5' },
      source: { file: 'pod-list-as-kubectl-writes-it.yaml', line: 3 },
    });
    assert.equal(debug?.hostNetwork, true);
    assert.equal(debug?.owner, undefined, 'an ownerReference without controller: true is not the owner');
  });

  it('items of a typed list inherit kind and apiVersion; field paths are relative to the item', () => {
    const result = loadFixture('network-policy-list-items-without-kind.yaml');
    assert.deepEqual(printed(result), [
      'network-policy-list-items-without-kind.yaml:12: spec.ingress[0].ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive',
    ]);
    assert.deepEqual(result.cluster.policies.map((p) => [p.name, p.source.line]), [['ok', 4]]);
  });
});

describe('malformed and hostile input', () => {
  it('a malformed document is reported with line and column, and the documents around it still load', () => {
    const result = loadFixture('malformed-document-between-valid-ones.yaml');
    const errors = result.problems.filter((p) => p.severity === 'error');
    assert.ok(errors.length > 0);
    for (const error of errors) {
      assert.equal(error.kind, 'yaml');
      assert.ok(error.line >= 10 && error.line <= 11, `line ${error.line}`);
      assert.equal(typeof error.column, 'number');
    }
    assert.match(printed(result)[0] ?? '', /^malformed-document-between-valid-ones\.yaml:11:1: Flow sequence in block collection/);
    assert.deepEqual(podNames('malformed-document-between-valid-ones.yaml'), ['default/before', 'default/after']);
  });

  it('malformed JSON is reported with the parser position and message', () => {
    assert.deepEqual(printed(loadFixture('malformed-json.json')), ['malformed-json.json:4:28: Unexpected , in flow map']);
  });

  it('an empty file is an error naming the file', () => {
    assert.deepEqual(printed(loadFixture('empty-file.yaml')), ['empty-file.yaml: no Kubernetes objects in this file']);
    assert.deepEqual(printed(loadFixture('only-comments.yaml')), ['only-comments.yaml: no Kubernetes objects in this file']);
  });

  it('a file with NUL bytes is an error naming the file and is not parsed', () => {
    const result = loadFixture('binary-with-nul-byte.yaml');
    assert.deepEqual(printed(result), ['binary-with-nul-byte.yaml: binary file (contains NUL bytes); not loaded']);
    assert.equal(result.cluster.pods.length, 0);
  });

  it('an alias bomb is rejected quickly and the next document still loads', () => {
    const started = performance.now();
    const result = loadFixture('alias-bomb.yaml');
    const elapsed = performance.now() - started;
    assert.deepEqual(printed(result), [
      'alias-bomb.yaml:1: aliases expand to more than 100000 nodes (a YAML alias bomb?); document skipped',
    ]);
    assert.deepEqual(result.cluster.pods.map((p) => p.name), ['survivor']);
    // Generous bound: the point is "does not hang", not a benchmark.
    assert.ok(elapsed < 5000, `took ${elapsed} ms`);
  });

  it('wrong types are errors at the field path and only that object is left out', () => {
    const result = loadFixture('wrong-types.yaml');
    assert.deepEqual(printed(result), [
      'wrong-types.yaml:5: spec: Invalid type: expected map, got number 5',
      'wrong-types.yaml:12: metadata.labels.version: Invalid type: expected string, got number 2',
      'wrong-types.yaml:21: spec.ingress[0].ports: Invalid type: expected list, got string "x"',
      'wrong-types.yaml:31: spec.egress[0].ports[0].port: Invalid type: expected integer or string, got number 80.5',
    ]);
    assert.deepEqual(result.cluster.pods.map((p) => p.name), ['fine']);
    assert.equal(result.cluster.policies.length, 0);
  });

  it('unsupported kinds are skipped with a one-line warning; objects without kind are errors', () => {
    const result = loadFixture('unsupported-kinds.yaml');
    assert.deepEqual(printed(result), [
      'unsupported-kinds.yaml:1: warning: skipping unsupported kind ConfigMap',
      'unsupported-kinds.yaml:5: warning: skipping unsupported kind Ingress',
      'unsupported-kinds.yaml:9: warning: skipping unsupported kind MultiNetworkPolicy',
      'unsupported-kinds.yaml:13: warning: skipping unsupported kind NetworkPolicy (apiVersion projectcalico.org/v3)',
      'unsupported-kinds.yaml:17: warning: skipping unsupported kind Service (apiVersion serving.knative.dev/v1)',
      'unsupported-kinds.yaml:21: kind: Required value: kind not set',
      'unsupported-kinds.yaml:23: Invalid value: ["just","a list"]: a Kubernetes object must be a map',
    ]);
    assert.ok(result.problems.slice(0, 5).every((p) => p.kind === 'unsupported' && p.severity === 'warning'));
    assert.deepEqual(result.cluster.pods.map((p) => p.name), ['kept']);
  });

  it('a duplicate object is a warning and the last definition wins', () => {
    const result = loadFixture('duplicate-objects-last-wins.yaml');
    assert.deepEqual(printed(result), [
      'duplicate-objects-last-wins.yaml:5: warning: duplicate Pod default/web (also defined at duplicate-objects-last-wins.yaml:1); the last definition wins',
    ]);
    const web = result.cluster.pods.find((p) => p.name === 'web');
    assert.deepEqual(web?.labels, { version: 'two' });
  });
});

describe('limits', () => {
  it('deeply nested input is reported, not a crash, and its cascade of syntax errors is capped', () => {
    const result = loadText('['.repeat(100_000));
    assert.ok(result.problems.length <= 11, `${result.problems.length} problems`);
    assert.ok(result.problems.every((p) => p.severity === 'error' && p.kind === 'yaml'));
    assert.match(formatProblem(result.problems.at(-1)!), /^input\.yaml:1: \d+ more syntax errors in this document$/);
  });

  it('an unresolved custom tag is a parser warning and the object still loads', () => {
    const result = loadText('kind: Pod\nmetadata: {name: t}\nspec: !custom {hostNetwork: true}\n');
    assert.deepEqual(printed(result), ['input.yaml:3:7: warning: Unresolved tag: !custom']);
    assert.deepEqual(result.cluster.pods.map((p) => p.name), ['t']);
  });

  it('duplicate keys are a syntax error of the document', () => {
    assert.deepEqual(printed(loadText('kind: Pod\nmetadata:\n  name: a\n  name: b\n')), ['input.yaml:4:3: Map keys must be unique']);
  });
});
