import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { compileCluster, connectivity } from '../../src/engine/index.js';
import { formatSelector } from '../../src/algebra/label-selector.js';
import { formatPortSet } from '../../src/report/ports-text.js';
import { exposure, type DirectionExposure, type ExposurePeer, type ExposureReport } from '../../src/analysis/exposure.js';
import { listedNames, namedPortKey, type ExposurePorts } from '../../src/analysis/exposure-ports.js';
import type { Cluster } from '../../src/model/cluster.js';
import { cluster, ipBlock, namespace, pod, podPeer, policy, port, rule, selector } from '../helpers/builders.js';
import { anp, crule, nsPeer, podsPeer } from '../engine/cluster-policy-builders.js';

function peerText(peer: ExposurePeer): string {
  if (peer.kind === 'entire-cluster') return 'entire cluster';
  if (peer.kind === 'external') return peer.cidrs.join(',');
  const ns = peer.namespaces;
  const nsText = ns.kind === 'all' ? '*' : ns.kind === 'named' ? ns.name : `{${formatSelector(ns.selector)}}`;
  return `${nsText}/${peer.pods.kind === 'all' ? '*' : `{${formatSelector(peer.pods.selector)}}`}`;
}

function portsText(ports: ExposurePorts): string {
  const names = listedNames(ports).map(namedPortKey);
  const numbers = formatPortSet(ports.ports);
  return names.length === 0 ? numbers : [...(numbers === 'none' ? [] : [numbers]), ...names].join(', ');
}

function lines(side: DirectionExposure): string[] {
  return side.exposures.map((e) => `${peerText(e.peer)}: ${portsText(e.ports)}`);
}

function report(c: Cluster, level: 'pod' | 'workload' = 'pod'): ExposureReport {
  return exposure(compileCluster(c), { level });
}

function side(r: ExposureReport, id: string, direction: 'ingress' | 'egress'): DirectionExposure {
  const subject = r.subjects.find((s) => s.id === id);
  assert.ok(subject, `no subject ${id}`);
  return subject[direction];
}

const web = pod('shop/web', { app: 'web' }, { ports: [port(8080, 'http'), port(9090, 'metrics')] });
const shop = namespace('shop');

describe('exposure', () => {
  test('a pod that no policy selects is exposed to everything, both ways, and is not protected', () => {
    const r = report(cluster({ namespaces: [shop], pods: [web] }));
    for (const direction of ['ingress', 'egress'] as const) {
      assert.equal(side(r, 'shop/web', direction).protected, false);
      assert.deepEqual(lines(side(r, 'shop/web', direction)), ['entire cluster: all', '0.0.0.0/0,::/0: all']);
    }
  });

  test('a rule with namespaceSelector {} exposes the pod to the entire cluster on the rule\'s ports, and to nothing outside', () => {
    const p = policy('shop/allow-8080', { ingress: [rule([podPeer(undefined, selector())], [{ port: 8080 }])] });
    const r = report(cluster({ namespaces: [shop], pods: [web], policies: [p] }));
    assert.equal(side(r, 'shop/web', 'ingress').protected, true);
    assert.deepEqual(side(r, 'shop/web', 'ingress').policies, ['shop/allow-8080']);
    assert.deepEqual(lines(side(r, 'shop/web', 'ingress')), ['entire cluster: TCP/8080']);
  });

  test('a rule without from exposes the pod to the entire cluster and to every address outside it', () => {
    const p = policy('shop/open-https', { ingress: [rule(undefined, [{ port: 443 }])] });
    const r = report(cluster({ namespaces: [shop], pods: [web], policies: [p] }));
    assert.deepEqual(lines(side(r, 'shop/web', 'ingress')), ['entire cluster: TCP/443', '0.0.0.0/0,::/0: TCP/443']);
  });

  test('a podSelector alone names pods of the policy\'s own namespace, existing or not', () => {
    const p = policy('shop/from-monitoring', { ingress: [rule([podPeer(selector({ role: 'monitoring' }))], [{ port: 9090 }])] });
    const r = report(cluster({ namespaces: [shop], pods: [web], policies: [p] }));
    assert.deepEqual(lines(side(r, 'shop/web', 'ingress')), ['shop/{role=monitoring}: TCP/9090']);
  });

  test('a namespaceSelector that only names a namespace by kubernetes.io/metadata.name is that namespace', () => {
    const p = policy('shop/from-backend', {
      ingress: [rule([podPeer(undefined, selector({ 'kubernetes.io/metadata.name': 'backend' }))])],
    });
    const r = report(cluster({ namespaces: [shop], pods: [web], policies: [p] }));
    assert.deepEqual(lines(side(r, 'shop/web', 'ingress')), ['backend/*: all']);
  });

  test('namespaces named by labels and pods by labels in any namespace are shown as selectors, not expanded', () => {
    const p = policy('shop/mixed', {
      ingress: [
        rule([podPeer(undefined, selector({ env: 'prod' }))], [{ port: 8080 }]),
        rule([podPeer(selector({ app: 'prom' }), selector())], [{ port: 9090 }]),
      ],
    });
    const prod = namespace('prod-1', { env: 'prod' });
    const r = report(cluster({ namespaces: [shop, prod], pods: [web, pod('prod-1/api', { app: 'api' })], policies: [p] }));
    assert.deepEqual(lines(side(r, 'shop/web', 'ingress')), ['*/{app=prom}: TCP/9090', '{env=prod}/*: TCP/8080']);
  });

  test('a peer that gets no more than the entire cluster is not listed; one that gets more is listed with all it gets', () => {
    const p = policy('shop/p', {
      ingress: [
        rule([podPeer(undefined, selector())], [{ port: 8080 }]),
        rule([podPeer(undefined, selector({ team: 'a' }))], [{ port: 8080 }]),
        rule([podPeer(undefined, selector({ team: 'b' }))], [{ port: 9090 }]),
      ],
    });
    const r = report(cluster({ namespaces: [shop], pods: [web], policies: [p] }));
    assert.deepEqual(lines(side(r, 'shop/web', 'ingress')), ['entire cluster: TCP/8080', '{team=b}/*: TCP/8080, TCP/9090']);
  });

  test('a broader rule counts for a narrower peer: pods of namespaces env=prod,team=a get what env=prod gets too', () => {
    const p = policy('shop/p', {
      ingress: [
        rule([podPeer(undefined, selector({ env: 'prod' }))], [{ port: 80 }]),
        rule([podPeer(undefined, selector({ env: 'prod', team: 'a' }))], [{ port: 443 }]),
      ],
    });
    const r = report(cluster({ namespaces: [shop], pods: [web], policies: [p] }));
    assert.deepEqual(lines(side(r, 'shop/web', 'ingress')), ['{env=prod}/*: TCP/80', '{env=prod,team=a}/*: TCP/80, TCP/443']);
  });

  test('on ingress a named port resolves on the pod\'s own container ports; on egress to pods that may not exist it stays a name', () => {
    const p = policy('shop/named', {
      ingress: [rule([podPeer(undefined, selector())], [{ port: 'http' }, { port: 'nope' }])],
      egress: [rule([podPeer(undefined, selector())], [{ port: 'dns', protocol: 'UDP' }])],
    });
    const r = report(cluster({ namespaces: [shop], pods: [web], policies: [p] }));
    assert.deepEqual(lines(side(r, 'shop/web', 'ingress')), ['entire cluster: TCP/8080']);
    assert.deepEqual(lines(side(r, 'shop/web', 'egress')), ['entire cluster: UDP/dns']);
  });

  test('an ipBlock with except exposes the pod to exactly the block\'s addresses, grouped by equal ports', () => {
    const p = policy('shop/office', {
      ingress: [
        rule([ipBlock('10.0.0.0/8', ['10.1.0.0/16'])], [{ port: 443 }]),
        rule([ipBlock('10.0.0.0/8')], [{ port: 22 }]),
      ],
    });
    const r = report(cluster({ namespaces: [shop], pods: [web], policies: [p] }));
    assert.deepEqual(lines(side(r, 'shop/web', 'ingress')), [
      '10.0.0.0/16,10.2.0.0/15,10.4.0.0/14,10.8.0.0/13,10.16.0.0/12,10.32.0.0/11,10.64.0.0/10,10.128.0.0/9: TCP/22, TCP/443',
      '10.1.0.0/16: TCP/22',
    ]);
  });

  test('a pod isolated with no rule is protected and exposed to nothing; its other direction stays open', () => {
    const p = policy('shop/deny-ingress', { policyTypes: ['ingress'] });
    const r = report(cluster({ namespaces: [shop], pods: [web], policies: [p] }));
    assert.deepEqual(side(r, 'shop/web', 'ingress'), { direction: 'ingress', protected: true, policies: ['shop/deny-ingress'], exposures: [] });
    assert.equal(side(r, 'shop/web', 'egress').protected, false);
  });

  test('representative peers from other policies count when this pod\'s rules cover them; one selector stated twice is one peer', () => {
    const mine = policy('shop/any-ns-prom', { ingress: [rule([podPeer(selector({ app: 'prom' }), selector())])] });
    const other = policy('ops/prom-in-ops', { podSelector: selector({ app: 'x' }), ingress: [rule([podPeer(selector({ app: 'prom' }))])] });
    const again = policy('shop/again', { podSelector: selector({ app: 'none' }), ingress: [rule([podPeer(selector({ app: 'prom' }), selector())])] });
    const r = report(cluster({ namespaces: [shop, namespace('ops')], pods: [web], policies: [mine, other, again] }));
    assert.deepEqual(lines(side(r, 'shop/web', 'ingress')), ['*/{app=prom}: all', 'ops/{app=prom}: all']);
  });

  test('an admin-tier deny carves a peer out of an entire-cluster allow: it is listed with what is left', () => {
    const policyA = anp('carve', 10, {
      namespaces: selector({ 'kubernetes.io/metadata.name': 'shop' }),
      ingress: [crule('Deny', [nsPeer({ house: 'slytherin' })], { ports: [{ protocol: 'TCP', port: 8080 }] }), crule('Allow', [nsPeer()])],
    });
    const r = report({ ...cluster({ namespaces: [shop], pods: [web] }), clusterPolicies: [policyA] });
    assert.deepEqual(side(r, 'shop/web', 'ingress').policies, ['AdminNetworkPolicy/carve']);
    assert.deepEqual(lines(side(r, 'shop/web', 'ingress')), [
      'entire cluster: all',
      '{house=slytherin}/*: TCP/1-8079, TCP/8081-65535, UDP/all, SCTP/all',
      '0.0.0.0/0,::/0: all',
    ]);
  });

  test('an admin-tier Pass hands its ports to NetworkPolicy, which decides them for the peers it covers', () => {
    const pass = anp('pass-monitoring', 5, {
      namespaces: selector(),
      ingress: [crule('Pass', [podsPeer(selector(), selector({ app: 'prom' }))], { ports: [{ protocol: 'TCP', port: 9090 }] }), crule('Deny', [nsPeer()])],
    });
    const np = policy('shop/prom', { ingress: [rule([podPeer(selector({ app: 'prom' }), selector())], [{ port: 9090 }])] });
    const r = report({ ...cluster({ namespaces: [shop], pods: [web], policies: [np] }), clusterPolicies: [pass] });
    assert.deepEqual(lines(side(r, 'shop/web', 'ingress')), ['*/{app=prom}: TCP/9090']);
  });

  test('at workload level a workload is exposed to what any of its pods is, and protected only when all are', () => {
    const owner = { kind: 'Deployment', name: 'web' };
    const a = pod('shop/web-a', { app: 'web', canary: 'yes' }, { owner });
    const b = pod('shop/web-b', { app: 'web' }, { owner });
    const p = policy('shop/canary', { podSelector: selector({ canary: 'yes' }), ingress: [rule([podPeer(selector({ app: 'lb' }))])] });
    const r = report(cluster({ namespaces: [shop], pods: [a, b], policies: [p] }), 'workload');
    const ingress = side(r, 'shop/deployment/web', 'ingress');
    assert.equal(ingress.protected, false);
    assert.deepEqual(lines(ingress), ['entire cluster: all', '0.0.0.0/0,::/0: all']);
    assert.deepEqual(r.subjects[0]!.pods, ['shop/web-a', 'shop/web-b']);
  });

  test('subjects have the connectivity map\'s endpoint ids, in its order, at both levels', () => {
    const c = cluster({
      namespaces: [shop],
      pods: [web, pod('shop/db-0', { app: 'db' }, { owner: { kind: 'StatefulSet', name: 'db' } }), pod('shop/lone', {})],
    });
    for (const level of ['pod', 'workload'] as const) {
      const compiled = compileCluster(c);
      const ids = connectivity(compiled, { level }).endpoints.filter((e) => e.kind !== 'External').map((e) => e.id);
      assert.deepEqual(exposure(compiled, { level }).subjects.map((s) => s.id), ids);
    }
  });
});
