// Namespaces (implicit ones and the metadata.name label), Services, and container ports.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { loadFixture, loadText, printed } from './helpers.js';

describe('namespaces', () => {
  const result = loadFixture('namespaces-implicit-and-declared.yaml');
  const byName = new Map(result.cluster.namespaces.map((n) => [n.name, n]));

  it('every referenced namespace exists, sorted by name', () => {
    assert.deepEqual(printed(result), []);
    assert.deepEqual([...byName.keys()], ['default', 'empty', 'other', 'prod', 'staging']);
  });

  it('an undeclared namespace is implicit and carries its metadata.name label', () => {
    assert.deepEqual(byName.get('staging'), { name: 'staging', labels: { 'kubernetes.io/metadata.name': 'staging' }, declared: false });
  });

  it('a declared namespace always gets the metadata.name label, overriding what was written', () => {
    const prod = byName.get('prod');
    assert.equal(prod?.declared, true);
    assert.deepEqual(prod?.labels, { team: 'x', 'kubernetes.io/metadata.name': 'prod' });
    assert.deepEqual(prod?.source, { file: 'namespaces-implicit-and-declared.yaml', line: 1 });
  });
});

describe('services', () => {
  const result = loadFixture('services-ports-and-selectors.yaml');
  const [web, external, emptySelector] = result.cluster.services;

  it('ports default targetPort to port and protocol to TCP', () => {
    assert.deepEqual(printed(result), []);
    assert.deepEqual(web, {
      namespace: 'shop',
      name: 'web',
      selector: { app: 'web' },
      clusterIP: '10.96.0.10',
      ports: [
        { name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' },
        { port: 443, targetPort: 8443, protocol: 'TCP' },
        { name: 'dns', port: 53, targetPort: 53, protocol: 'UDP' },
      ],
      source: { file: 'services-ports-and-selectors.yaml', line: 1 },
    });
  });

  it('a Service without selector, or with an empty one, has no selector', () => {
    assert.equal(external?.selector, undefined);
    assert.equal(emptySelector?.selector, undefined);
  });
});

describe('pods', () => {
  it('container ports are validated like the API server does', () => {
    const result = loadFixture('container-ports-invalid.yaml');
    const at = 'container-ports-invalid.yaml';
    assert.deepEqual(printed(result), [
      `${at}:8: spec.containers[0].ports[0].name: Invalid value: "HTTP": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)`,
      `${at}:8: spec.containers[0].ports[0].name: Invalid value: "HTTP": must contain at least one letter (a-z)`,
      `${at}:9: spec.containers[0].ports[1].containerPort: Required value`,
      `${at}:10: spec.containers[0].ports[2].name: Duplicate value: "web"`,
      `${at}:10: spec.containers[0].ports[2].protocol: Unsupported value: "ICMP": supported values: "SCTP", "TCP", "UDP"`,
    ]);
    // Names are unique per container only (semantics §2.8), so the second pod is valid.
    assert.deepEqual(result.cluster.pods.map((p) => p.ports.map((c) => c.containerPort)), [[80, 8080]]);
  });

  it('YAML 1.1 booleans are booleans, as kubectl reads them: an unquoted yes is not a label value', () => {
    const result = loadText('kind: Pod\nmetadata:\n  name: p\n  labels:\n    enabled: yes\n');
    assert.deepEqual(printed(result), ['input.yaml:5: metadata.labels.enabled: Invalid type: expected string, got boolean true']);
  });

  it('merge keys and aliases are expanded within a document', () => {
    const result = loadText(
      'kind: List\nitems:\n- kind: Pod\n  metadata:\n    name: p\n    labels: &base {app: web, tier: front}\n' +
        '- kind: Pod\n  metadata:\n    name: q\n    labels:\n      <<: *base\n      tier: back\n',
    );
    assert.deepEqual(printed(result), []);
    assert.deepEqual(result.cluster.pods.map((p) => p.labels), [{ app: 'web', tier: 'front' }, { tier: 'back', app: 'web' }]);
  });

  it('an alias to an anchor of another document is an error for that document', () => {
    const result = loadText('kind: Pod\nmetadata: {name: p, labels: &base {app: web}}\n---\nkind: Pod\nmetadata: {name: q, labels: *base}\n');
    assert.deepEqual(printed(result), ['input.yaml:4: unknown alias *base']);
    assert.deepEqual(result.cluster.pods.map((p) => p.name), ['p']);
  });

  it('a null label value is the empty string, as Go decodes it', () => {
    const result = loadText('kind: Pod\nmetadata:\n  name: p\n  labels:\n    flag:\n');
    assert.deepEqual(result.cluster.pods[0]?.labels, { flag: '' });
  });

  it('a key such as "constructor" is an ordinary label, never a prototype property', () => {
    const result = loadText('kind: Pod\nmetadata:\n  name: p\n  labels:\n    constructor: x\n');
    assert.deepEqual(result.cluster.pods[0]?.labels, { constructor: 'x' });
    const noSpec = loadText('kind: Pod\nmetadata:\n  name: toString\n');
    assert.equal(noSpec.cluster.pods.length, 0, 'toString is not a valid pod name');
  });
});

describe('metadata', () => {
  it('an object without a name is an error at metadata.name', () => {
    assert.deepEqual(printed(loadText('kind: Pod\nmetadata:\n  labels: {a: b}\n')), [
      'input.yaml:2: metadata.name: Required value: name or generateName is required',
    ]);
    assert.deepEqual(printed(loadText('kind: Pod\nmetadata:\n  generateName: web-\n')), [
      'input.yaml:2: metadata.name: Required value: only generateName is set; the object needs a name to be analysed',
    ]);
  });

  it('object labels are validated like selector labels', () => {
    assert.match(printed(loadText('kind: Pod\nmetadata:\n  name: p\n  labels:\n    app: "has space"\n'))[0] ?? '', /^input\.yaml:5: metadata\.labels: Invalid value: "has space": a valid label must be/);
  });

  it('a metadata.namespace that is not a DNS-1123 label is an error', () => {
    assert.match(printed(loadText('kind: Pod\nmetadata:\n  name: p\n  namespace: Prod\n'))[0] ?? '', /^input\.yaml:4: metadata\.namespace: Invalid value: "Prod": a lowercase RFC 1123 label must/);
  });
});
