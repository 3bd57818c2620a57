import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { parseIntentFile } from '../../src/analysis/intent-file.js';
import { SHOWN_PAIRS, checkIntents } from '../../src/analysis/intents.js';
import type { IntentCheck } from '../../src/analysis/intents.js';
import type { Cluster, Pod, Service } from '../../src/model/cluster.js';
import type { Protocol } from '../../src/model/common.js';
import { formatProblem } from '../../src/model/problem.js';
import { selectorMatches } from '../../src/algebra/label-selector.js';
import { formatPortSet } from '../../src/report/ports-text.js';
import { compileCluster, evaluate } from '../../src/engine/index.js';
import { cluster, ipBlock, namespace, pod, podPeer, policy, port, rule, selector } from '../helpers/builders.js';
import { EXTERNAL_IPS, PORT_UNIVERSE, PROTOCOLS, randomCluster } from '../engine/random-cluster.js';

/** Checks one intent, written as the YAML of one list item (without the leading "- "). */
function check(world: Cluster, intent: string): IntentCheck {
  const text = `intents:\n  - ${intent.trim().split('\n').join('\n    ')}\n`;
  const parsed = parseIntentFile('intents.yaml', text);
  if (parsed.kind === 'invalid') assert.fail(parsed.problems.map(formatProblem).join('\n'));
  const [result] = checkIntents(world, parsed.file).checks;
  assert.ok(result !== undefined);
  return result;
}

const pairs = (result: IntentCheck) => result.offending.map((pair) => `${pair.from.id} -> ${pair.to.id}`);

function withServices(world: Cluster, services: Service[]): Cluster {
  return { ...world, services };
}

/** shop: web-0..2 and db-0..2, no policy. */
function openShop(policies = [policy('shop/none', { podSelector: selector({ app: 'nothing' }) })]): Cluster {
  const pods = [0, 1, 2].flatMap((i) => [pod(`shop/web-${i}`, { app: 'web' }), pod(`shop/db-${i}`, { app: 'db' }, { ports: [port(5432, 'pg')] })]);
  return cluster({ namespaces: [namespace('shop', { team: 'shop' })], pods, policies });
}

describe('allow and deny over every pair', () => {
  test('deny on a port fails on every allowed pair: the first five are shown, all are counted', () => {
    const result = check(openShop(), 'from: {namespace: shop, podSelector: {app: web}}\nto: {namespace: shop, podSelector: {app: db}}\nport: 5432\nexpect: deny');
    assert.equal(result.outcome, 'fail');
    assert.equal(result.pairCount, 9);
    assert.equal(result.offendingCount, 9);
    assert.equal(result.offending.length, SHOWN_PAIRS);
    assert.deepEqual(pairs(result).slice(0, 2), ['shop/web-0 -> shop/db-0', 'shop/web-0 -> shop/db-1']);
    assert.equal(result.offending[0]?.verdict.allowed, true);
    assert.equal(result.offending[0]?.verdict.connection.port, 5432);
  });

  test('allow means every pair: one pair denied fails the intent, and only that pair is shown', () => {
    const onlyWeb01 = policy('shop/db', { podSelector: selector({ app: 'db' }), ingress: [rule([podPeer(selector({ app: 'web' }, [{ key: 'idx', operator: 'NotIn', values: ['2'] }]))])] });
    const world = openShop([onlyWeb01]);
    const labelled = { ...world, pods: world.pods.map((p) => (p.name === 'web-2' ? { ...p, labels: { ...p.labels, idx: '2' } } : p)) };
    const result = check(labelled, 'from: {namespace: shop, podSelector: {app: web}}\nto: {pod: shop/db-1}\nport: 5432\nexpect: allow');
    assert.equal(result.outcome, 'fail');
    assert.deepEqual(pairs(result), ['shop/web-2 -> shop/db-1']);
    assert.equal(result.offending[0]?.verdict.ingress.reason, 'no-rule-matched');
  });

  test('a pod and itself are not a pair: a pod may always reach itself', () => {
    const result = check(openShop(), 'from: {namespace: shop}\nto: {namespace: shop}\nport: 80\nexpect: allow');
    assert.equal(result.outcome, 'pass');
    assert.equal(result.pairCount, 6 * 5);
  });
});

describe('without a port', () => {
  const dnsOnly = policy('shop/db', { podSelector: selector({ app: 'db' }), ingress: [rule([podPeer(selector({ app: 'web' }))], [{ protocol: 'UDP', port: 53 }])] });
  const web0ToDb = 'from: {pod: shop/web-0}\nto: {namespace: shop, podSelector: {app: db}}';

  test('deny fails when any port of any protocol is allowed, UDP included', () => {
    const result = check(openShop([dnsOnly]), `${web0ToDb}\nexpect: deny`);
    assert.equal(result.outcome, 'fail');
    const [first] = result.offending;
    assert.equal(first?.finding.kind === 'any-port' ? formatPortSet(first.finding.allowed) : '', 'UDP/53');
    assert.deepEqual([first?.verdict.connection.protocol, first?.verdict.connection.port, first?.verdict.allowed], ['UDP', 53, true]);
  });

  test('with a protocol, only that protocol\'s ports count', () => {
    assert.equal(check(openShop([dnsOnly]), `${web0ToDb}\nprotocol: TCP\nexpect: deny`).outcome, 'pass');
  });

  test('allow passes when some port is allowed, and fails with an explained denial when none is', () => {
    assert.equal(check(openShop([dnsOnly]), `${web0ToDb}\nexpect: allow`).outcome, 'pass');
    const result = check(openShop([dnsOnly]), `${web0ToDb}\nprotocol: TCP\nexpect: allow`);
    assert.equal(result.outcome, 'fail');
    // Nothing is allowed, so the destination's container port (5432) explains the denial.
    assert.deepEqual([result.offending[0]?.verdict.connection.port, result.offending[0]?.verdict.allowed], [5432, false]);
  });
});

describe('Services: ports are Service ports, translated per backend pod', () => {
  const db = (name: string, http: number): Pod => pod(`shop/${name}`, { app: 'db' }, { ports: [port(http, 'http'), port(8443, 'https')] });
  const world = withServices(
    cluster({
      pods: [pod('shop/web-0', { app: 'web' }), db('db-0', 8080), db('db-1', 9090)],
      policies: [policy('shop/db', { podSelector: selector({ app: 'db' }), ingress: [rule(undefined, [{ port: 8080 }, { port: 8443 }])] })],
    }),
    [{ namespace: 'shop', name: 'db', selector: { app: 'db' }, ports: [{ name: 'web', port: 80, targetPort: 'http', protocol: 'TCP' }, { port: 443, targetPort: 'https', protocol: 'TCP' }] }],
  );

  test('a named targetPort resolves on each pod: port 80 is 8080 on db-0 (allowed) and 9090 on db-1 (denied)', () => {
    const result = check(world, 'from: {pod: shop/web-0}\nto: {service: shop/db}\nport: 80\nexpect: allow');
    assert.equal(result.outcome, 'fail');
    assert.deepEqual(pairs(result), ['shop/web-0 -> shop/db-1']);
    assert.equal(result.offending[0]?.verdict.connection.port, 9090);
    assert.deepEqual(result.offending[0]?.portChoice, { kind: 'service-port', service: 'shop/db', port: 80, portName: 'web', targetPort: 'http' });
    assert.equal(check(world, 'from: {pod: shop/web-0}\nto: {service: shop/db}\nport: web\nexpect: allow').offendingCount, 1);
  });

  test('without a port, allow needs one of the Service\'s ports for every pair, deny none', () => {
    assert.equal(check(world, 'from: {pod: shop/web-0}\nto: {service: shop/db}\nexpect: allow').outcome, 'pass');
    const deny = check(world, 'from: {pod: shop/web-0}\nto: {service: shop/db}\nexpect: deny');
    assert.equal(deny.outcome, 'fail');
    assert.equal(deny.offendingCount, 2);
    const finding = deny.offending[1]?.finding;
    assert.deepEqual(finding?.kind === 'service-ports' ? finding.allowed.map((p) => p.port) : [], [443]);
  });

  test('a port the Service does not have makes the intent an error', () => {
    const result = check(world, 'from: {pod: shop/web-0}\nto: {service: shop/db}\nport: 5432\nexpect: deny');
    assert.deepEqual([result.outcome, result.errors], ['error', ['Service shop/db has no port 5432']]);
  });
});

describe('ip: ranges outside the cluster', () => {
  const egress = policy('shop/web', { podSelector: selector({ app: 'web' }), egress: [rule([ipBlock('10.0.0.0/8', ['10.1.0.0/16'])])] });
  const world = cluster({ pods: [pod('shop/web-0', { app: 'web' })], policies: [egress] });

  test('a CIDR stands for every range inside it that the policies treat alike', () => {
    const allow = check(world, 'from: {pod: shop/web-0}\nto: {ip: 10.0.0.0/8}\nport: 443\nexpect: allow');
    assert.deepEqual([allow.pairCount, pairs(allow)], [3, ['shop/web-0 -> 10.1.0.0/16']]);
    const deny = check(world, 'from: {pod: shop/web-0}\nto: {ip: 10.0.0.0/8}\nexpect: deny');
    assert.deepEqual(pairs(deny), ['shop/web-0 -> 10.0.0.0/16', 'shop/web-0 -> 10.2.0.0-10.255.255.255']);
  });

  test('a range narrower than any policy boundary is checked as itself', () => {
    const result = check(world, 'from: {pod: shop/web-0}\nto: {ip: 10.1.2.3}\nexpect: allow');
    assert.deepEqual(pairs(result), ['shop/web-0 -> 10.1.2.3/32']);
  });

  test('an intent\'s ranges do not depend on the other intents of the file', () => {
    const text = `intents:
  - {from: {pod: shop/web-0}, to: {ip: 10.0.0.0/8}, expect: deny}
  - {from: {pod: shop/web-0}, to: {ip: 10.2.0.0/16}, expect: deny}
`;
    const parsed = parseIntentFile('intents.yaml', text);
    assert.ok(parsed.kind === 'valid');
    const [wide, narrow] = checkIntents(world, parsed.file).checks;
    assert.deepEqual(pairs(wide!), ['shop/web-0 -> 10.0.0.0/16', 'shop/web-0 -> 10.2.0.0-10.255.255.255']);
    assert.deepEqual(pairs(narrow!), ['shop/web-0 -> 10.2.0.0/16']);
  });

  test('IPv6 is checked even when no policy names an IPv6 block', () => {
    assert.equal(check(world, 'from: {pod: shop/web-0}\nto: {ip: "::/0"}\nexpect: deny').outcome, 'pass');
    const open = cluster({ pods: [pod('shop/web-0', { app: 'web' })] });
    const result = check(open, 'from: {pod: shop/web-0}\nto: {ip: "2001:db8::/32"}\nexpect: deny');
    assert.deepEqual([result.outcome, pairs(result)], ['fail', ['shop/web-0 -> 2001:db8::/32']]);
  });
});

describe('intents that cannot be checked on this input are errors, never passes', () => {
  test('a selector that matches no pod, a missing workload, Service or pod', () => {
    const world = openShop();
    assert.deepEqual(check(world, 'from: {namespace: prod}\nto: {pod: shop/db-0}\nexpect: deny').errors, ['from: matches no pod in the input']);
    assert.deepEqual(check(world, 'from: {workload: shop/deploy/api}\nto: {service: shop/db}\nexpect: deny').errors, [
      'from: no Deployment shop/api in the input',
      'to: no Service shop/db in the input',
    ]);
    assert.deepEqual(check(world, 'from: {pod: shop/web-0}\nto: {pod: shop/db-9}\nexpect: deny').outcome, 'error');
  });

  test('a port name that a destination pod does not define names that pod', () => {
    const result = check(openShop(), 'from: {pod: shop/web-0}\nto: {namespace: shop}\nport: pg\nexpect: allow');
    assert.deepEqual(result.errors, ['shop/web-1 has no TCP container port named "pg"', 'shop/web-2 has no TCP container port named "pg"']);
  });
});

describe('intents agree with pairwise evaluate() on random clusters', () => {
  /** The reference: every pair, every probe port, straight from evaluate(). */
  function reference(world: Cluster, fromPods: Pod[] | string, toPods: Pod[] | string, portNumber: number | undefined, protocol: Protocol | undefined): boolean[] {
    const compiled = compileCluster(world);
    const ends = (e: Pod[] | string) => (typeof e === 'string' ? [{ kind: 'external' as const, ip: e }] : e.map((p) => ({ kind: 'pod' as const, pod: p })));
    const results: boolean[] = [];
    for (const from of ends(fromPods)) {
      for (const to of ends(toPods)) {
        if (from.kind === 'pod' && to.kind === 'pod' && from.pod === to.pod) continue;
        const probes = portNumber !== undefined ? [[protocol ?? 'TCP', portNumber] as const] : (protocol === undefined ? PROTOCOLS : [protocol]).flatMap((p) => PORT_UNIVERSE.map((n) => [p, n] as const));
        results.push(probes.some(([p, n]) => evaluate(compiled, { from, to, port: n, protocol: p }).allowed));
      }
    }
    return results;
  }

  test('outcome and breaking-pair count equal the reference for selectors, addresses, ports and protocols', () => {
    const end = fc.oneof(
      fc.record({ kind: fc.constant('ns' as const), ns: fc.nat(2), app: fc.option(fc.constantFrom('a', 'b'), { nil: undefined }) }),
      fc.record({ kind: fc.constant('ip' as const), ip: fc.constantFrom(...EXTERNAL_IPS) }),
    );
    fc.assert(
      fc.property(
        randomCluster,
        end,
        end,
        fc.option(fc.constantFrom(...PORT_UNIVERSE), { nil: undefined }),
        fc.option(fc.constantFrom(...PROTOCOLS), { nil: undefined }),
        fc.constantFrom('allow', 'deny'),
        (world, fromEnd, toEnd, portNumber, protocol, expect) => {
          fc.pre(fromEnd.kind !== 'ip' || toEnd.kind !== 'ip');
          const yamlOf = (e: typeof fromEnd) => (e.kind === 'ip' ? `{ip: "${e.ip}"}` : `{namespace: ns${e.ns}${e.app === undefined ? '' : `, podSelector: {app: ${e.app}}`}}`);
          const podsOf = (e: typeof fromEnd) => (e.kind === 'ip' ? e.ip : world.pods.filter((p) => p.namespace === `ns${e.ns}` && selectorMatches(selector(e.app === undefined ? {} : { app: e.app }), p.labels)));
          const lines = [`from: ${yamlOf(fromEnd)}`, `to: ${yamlOf(toEnd)}`, ...(portNumber === undefined ? [] : [`port: ${portNumber}`]), ...(protocol === undefined ? [] : [`protocol: ${protocol}`]), `expect: ${expect}`];
          const result = check(world, lines.join('\n'));
          const [fromPods, toPods] = [podsOf(fromEnd), podsOf(toEnd)];
          if ((Array.isArray(fromPods) && fromPods.length === 0) || (Array.isArray(toPods) && toPods.length === 0)) {
            assert.equal(result.outcome, 'error');
            return;
          }
          const connects = reference(world, fromPods, toPods, portNumber, protocol);
          const breaking = connects.filter((c) => c !== (expect === 'allow')).length;
          assert.equal(result.pairCount, connects.length);
          assert.equal(result.offendingCount, breaking);
          assert.equal(result.outcome, breaking > 0 ? 'fail' : 'pass');
        },
      ),
      { numRuns: 150 },
    );
  });
});
