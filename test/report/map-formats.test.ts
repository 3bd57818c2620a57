// The map formats beyond table and json: each reads back as the same map in its own syntax, with any
// id (quotes, backslashes, markup, line breaks, control characters), and streams in chunks.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { parse as parseYaml } from 'yaml';
import { ALL_PORTS, EMPTY_PORT_SET, allPortsOf, portSetOf, unionPorts } from '../../src/algebra/port-set.js';
import type { PortSet } from '../../src/algebra/port-set.js';
import type { ConnectivityMap, MapEndpoint } from '../../src/engine/types.js';
import { MAP_OUTPUTS, formatToString, formatters } from '../../src/report/index.js';
import { formatPortRanges, formatPortSetCompact } from '../../src/report/ports-text.js';
import { csvField, dotString, markdownCell, mermaidString, yamlString } from '../../src/report/quoting.js';

const HOSTILE = ['ns/a"b', 'back\\slash', 'tab\tnl\nend', 'cr\rlf', '| pipe |', '<script>x</script>', '#quot; &amp; `tick`', '*em* _u_ ~s~ [l](u)', 'yes', 'null', '1e5', '2024-01-02', '0x1F', '-dash', ' lead', 'trail ', '\u2028\u0085\u007f\ufeff', 'end', 'a,b', '\\', '"', ''];

const workloads: ConnectivityMap = {
  level: 'workload',
  endpoints: [
    { id: 'prod/deployment/api', kind: 'Deployment', namespace: 'prod', name: 'api', pods: [] },
    { id: 'prod/statefulset/db', kind: 'StatefulSet', namespace: 'prod', name: 'db', pods: [] },
    { id: 'web/deployment/front', kind: 'Deployment', namespace: 'web', name: 'front', pods: [] },
    { id: '10.0.0.0/8', kind: 'External', start: '10.0.0.0', end: '10.255.255.255', cidrs: ['10.0.0.0/8'] },
  ],
  connections: [
    { from: 'prod/deployment/api', to: 'prod/statefulset/db', allow: unionPorts(portSetOf('TCP', 5432, 5432), portSetOf('TCP', 9000, 9100)) },
    { from: 'web/deployment/front', to: 'prod/deployment/api', allow: unionPorts(allPortsOf('TCP'), portSetOf('UDP', 53, 53)) },
    { from: 'web/deployment/front', to: '10.0.0.0/8', allow: ALL_PORTS },
  ],
};

describe('port text for cells and edges', () => {
  test('one protocol\'s ranges read 80,443,8000-8080; every port reads all; none reads empty', () => {
    const tcp = unionPorts(unionPorts(portSetOf('TCP', 80, 80), portSetOf('TCP', 443, 443)), portSetOf('TCP', 8000, 8080)).TCP;
    assert.equal(formatPortRanges(tcp), '80,443,8000-8080');
    assert.equal(formatPortRanges(ALL_PORTS.UDP), 'all');
    assert.equal(formatPortRanges(EMPTY_PORT_SET.SCTP), '');
  });

  test('an edge label names each protocol once: all, TCP all; UDP 53, none', () => {
    assert.equal(formatPortSetCompact(ALL_PORTS), 'all');
    assert.equal(formatPortSetCompact(unionPorts(allPortsOf('TCP'), portSetOf('UDP', 53, 53))), 'TCP all; UDP 53');
    assert.equal(formatPortSetCompact(EMPTY_PORT_SET), 'none');
  });
});

describe('graphs group pods by namespace and keep external ranges apart', () => {
  test('DOT: a cluster per namespace in the map\'s order, external ranges outside, edges labelled with ports', () => {
    assert.equal(
      formatToString(formatters.map.dot, workloads),
      [
        '// netwarden map: 3 connections between 4 endpoints (workload level); pairs not listed allow nothing.',
        'digraph "netwarden" {',
        '  rankdir=LR;',
        '  node [shape=box];',
        '  subgraph "cluster_prod" {',
        '    label="namespace prod";',
        '    "prod/deployment/api" [label="deployment/api"];',
        '    "prod/statefulset/db" [label="statefulset/db"];',
        '  }',
        '  subgraph "cluster_web" {',
        '    label="namespace web";',
        '    "web/deployment/front" [label="deployment/front"];',
        '  }',
        '  "10.0.0.0/8" [label="10.0.0.0/8", shape=ellipse, style=dashed];',
        '  "prod/deployment/api" -> "prod/statefulset/db" [label="TCP 5432,9000-9100"];',
        '  "web/deployment/front" -> "prod/deployment/api" [label="TCP all; UDP 53"];',
        '  "web/deployment/front" -> "10.0.0.0/8" [label="all"];',
        '}',
        '',
      ].join('\n'),
    );
  });

  test('Mermaid: a subgraph per namespace, generated node ids, external ranges as stadiums, labelled edges', () => {
    assert.equal(
      formatToString(formatters.map.mermaid, workloads),
      [
        '%% netwarden map: 3 connections between 4 endpoints (workload level); pairs not listed allow nothing.',
        'flowchart LR',
        '  subgraph ns0["namespace prod"]',
        '    n0["deployment/api"]',
        '    n1["statefulset/db"]',
        '  end',
        '  subgraph ns1["namespace web"]',
        '    n2["deployment/front"]',
        '  end',
        '  n3(["10.0.0.0/8"])',
        '  n0 -->|"TCP 5432,9000-9100"| n1',
        '  n2 -->|"TCP all; UDP 53"| n0',
        '  n2 -->|"all"| n3',
        '',
      ].join('\n'),
    );
  });
});

describe('hostile ids read back as themselves', () => {
  const hostileMap = mapOfIds(HOSTILE);

  test('YAML: a 1.2 and a 1.1 reader both get exactly the JSON output\'s document', () => {
    const json: unknown = JSON.parse(formatToString(formatters.map.json, hostileMap));
    const yaml = formatToString(formatters.map.yaml, hostileMap);
    assert.deepEqual(parseYaml(yaml, { version: '1.2' }), json);
    assert.deepEqual(parseYaml(yaml, { version: '1.1' }), json);
  });

  test('YAML scalars: plain only when no reader can take them for anything but that string', () => {
    for (const text of ['default/deployment/web', '0.0.0.0/0', 'backend', 'Deployment', 'web-1']) assert.equal(yamlString(text), text);
    for (const text of ['yes', 'No', 'null', '1e5', '2024-01-02', '0x1F', '10.2.0.0-10.255.255.255', '-dash', '::/0', 'a b']) {
      assert.notEqual(yamlString(text), text);
      assert.equal(parseYaml(`[${yamlString(text)}]`, { version: '1.1' })[0], text);
    }
  });

  test('YAML: random strings of any characters survive both YAML versions', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 12 }), (text) => {
        for (const version of ['1.1', '1.2'] as const) assert.equal(parseYaml(`{k: [${yamlString(text)}]}`, { version }).k[0], text);
      }),
      { numRuns: 500 },
    );
  });

  test('CSV: an RFC 4180 reader gets each id and kind back, one record per connection', () => {
    const records = parseCsv(formatToString(formatters.map.csv, hostileMap));
    assert.deepEqual(records[0], ['from', 'from_kind', 'to', 'to_kind', 'tcp', 'udp', 'sctp']);
    assert.deepEqual(
      records.slice(1).map((r) => [r[0], r[2]]),
      hostileMap.connections.map((c) => [c.from, c.to]),
    );
    assert.ok(records.slice(1).every((r) => r.length === 7 && r[1] === 'Pod' && r[4] === '80,443'));
    assert.equal(csvField('a"b,c'), '"a""b,c"');
  });

  test('Markdown: every row has exactly three cells, and unescaped they are the ids (line breaks as spaces)', () => {
    const lines = formatToString(formatters.map.md, hostileMap).split('\n');
    const rows = lines.slice(2, 2 + hostileMap.connections.length);
    rows.forEach((row, i) => {
      const cells = splitMarkdownRow(row);
      const connection = hostileMap.connections[i]!;
      assert.deepEqual(cells, [connection.from, connection.to, 'TCP/80, TCP/443'].map((text) => text.replace(/[\r\n]+/g, ' ')), row);
    });
    assert.equal(markdownCell('<b>|x|</b>'), '\\<b\\>\\|x\\|\\</b\\>');
  });

  test('DOT: every quoted string decodes to its text; distinct ids stay distinct node names', () => {
    for (const text of HOSTILE) assert.equal(undoDotString(dotString(text)), text);
    const dot = formatToString(formatters.map.dot, hostileMap);
    const edges = dot.split('\n').filter((line) => line.includes(' -> '));
    assert.equal(edges.length, hostileMap.connections.length);
    edges.forEach((line, i) => {
      const [from, to] = [...line.matchAll(/"(?:[^"\\]|\\[\s\S])*"/g)].map((m) => undoDotString(m[0]));
      assert.deepEqual([from, to], [hostileMap.connections[i]!.from, hostileMap.connections[i]!.to]);
    });
  });

  test('DOT: Graphviz itself reads the hostile map as one node per endpoint and one edge per connection', (t) => {
    const dot = formatToString(formatters.map.dot, hostileMap);
    const run = spawnSync('dot', ['-Tjson0'], { input: dot, encoding: 'utf8' });
    if (run.error !== undefined) {
      t.skip('Graphviz `dot` is not installed');
      return;
    }
    assert.equal(run.status, 0, run.stderr);
    const graph = JSON.parse(run.stdout) as { objects: { name: string; nodes?: number[] }[]; edges: unknown[] };
    const nodes = graph.objects.filter((o) => o.nodes === undefined);
    const clusters = graph.objects.filter((o) => o.nodes !== undefined);
    assert.equal(nodes.length, hostileMap.endpoints.length);
    assert.equal(clusters.length, new Set(HOSTILE).size);
    assert.equal(graph.edges.length, hostileMap.connections.length);
  });

  test('Mermaid: labels hold no raw quote, entity start or markup; decoded they are the names (line breaks as spaces)', () => {
    for (const text of HOSTILE) {
      const label = mermaidString(text);
      assert.match(label, /^"[^"#&<>`]*(#(quot|35|amp|lt|gt|96);[^"#&<>`]*)*"$/);
      assert.equal(undoMermaidString(label), text.replace(/[\r\n]+/g, ' '));
    }
    const mermaid = formatToString(formatters.map.mermaid, hostileMap);
    for (const line of mermaid.split('\n').slice(2, -1)) {
      assert.match(line, /^ {2,4}(subgraph ns\d+\["[^"]*"\]|n\d+\["[^"]*"\]|n\d+\(\["[^"]*"\]\)|n\d+ -->\|"[^"]*"\| n\d+|end)$/, line);
    }
  });
});

describe('streamed output', () => {
  test('every format gives the same text whatever the chunk length, and never an empty chunk', () => {
    const maps = [workloads, mapOfIds(HOSTILE), { level: 'pod', endpoints: [], connections: [] } satisfies ConnectivityMap];
    fc.assert(
      fc.property(fc.constantFrom(...MAP_OUTPUTS), fc.constantFrom(...maps), fc.integer({ min: 1, max: 300 }), (output, map, chunkLength) => {
        const chunks = [...formatters.map[output](map, { chunkLength })];
        assert.equal(chunks.join(''), formatToString(formatters.map[output], map));
        assert.ok(chunks.every((chunk) => chunk.length > 0));
      }),
      { numRuns: 200 },
    );
  });

  test('an empty map is still a valid document in every format', () => {
    const empty: ConnectivityMap = { level: 'pod', endpoints: [], connections: [] };
    assert.deepEqual(parseYaml(formatToString(formatters.map.yaml, empty)), { level: 'pod', endpoints: [], connections: [] });
    assert.equal(formatToString(formatters.map.csv, empty), 'from,from_kind,to,to_kind,tcp,udp,sctp\n');
    assert.equal(formatToString(formatters.map.dot, empty).split('\n').at(-2), '}');
    assert.match(formatToString(formatters.map.mermaid, empty), /^%% .*\nflowchart LR\n$/);
    assert.match(formatToString(formatters.map.wide, empty), /^FROM {2}FROM KIND {2}TO {2}TO KIND {2}TCP {2}UDP {2}SCTP\n\n0 connections/);
  });
});

/** Pods with the given names, each in a namespace of the same name, connected in a ring on TCP 80 and 443. */
function mapOfIds(names: readonly string[]): ConnectivityMap {
  const unique = [...new Set(names)];
  const endpoints: MapEndpoint[] = unique.map((name) => ({ id: `${name}/${name}`, kind: 'Pod', namespace: name, name, pods: [] }));
  const allow: PortSet = unionPorts(portSetOf('TCP', 80, 80), portSetOf('TCP', 443, 443));
  const connections = endpoints.map((endpoint, i) => ({ from: endpoint.id, to: endpoints[(i + 1) % endpoints.length]!.id, allow }));
  return { level: 'pod', endpoints, connections };
}

/** RFC 4180, LF or CRLF record ends. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"' && field === '') {
      // A quoted field: up to the quote that is not doubled.
      let j = i + 1;
      for (;;) {
        const quote = text.indexOf('"', j);
        field += text.slice(j, quote);
        if (text[quote + 1] !== '"') {
          i = quote + 1;
          break;
        }
        field += '"';
        j = quote + 2;
      }
      continue;
    }
    if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\n' || (c === '\r' && text[i + 1] === '\n')) {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      if (c === '\r') i++;
    } else field += c;
    i++;
  }
  return records;
}

/** Cells between unescaped pipes, backslash escapes removed. */
function splitMarkdownRow(row: string): string[] {
  const cells: string[] = [];
  let cell = '';
  for (let i = 0; i < row.length; i++) {
    const c = row[i]!;
    if (c === '\\') cell += row[++i] ?? '';
    else if (c === '|') {
      cells.push(cell);
      cell = '';
    } else cell += c;
  }
  cells.push(cell);
  assert.equal(cells[0], '');
  assert.equal(cells.at(-1), '');
  return cells.slice(1, -1).map((c) => c.slice(1, -1));
}

function undoDotString(quoted: string): string {
  return quoted.slice(1, -1).replace(/\\([\s\S])/g, (_, c: string) => (c === 'n' ? '\n' : c === 'r' ? '\r' : c));
}

function undoMermaidString(quoted: string): string {
  const names: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>' };
  return quoted.slice(1, -1).replace(/#(\w+);/g, (_, name: string) => names[name] ?? String.fromCharCode(Number(name)));
}
