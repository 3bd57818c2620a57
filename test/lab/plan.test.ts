import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Cluster } from '../../src/model/cluster.js';
import type { Service } from '../../src/model/cluster.js';
import { renderHostsFile } from '../../src/lab/hosts-file.js';
import { hostCommands } from '../../src/lab/netns-setup.js';
import { DEFAULT_LAB_OPTIONS, planLab } from '../../src/lab/plan.js';
import type { LabPlan } from '../../src/lab/plan.js';
import { parsePortList, planProbes } from '../../src/lab/probe-plan.js';
import { cluster, ipBlock, pod, policy, port, rule } from '../helpers/builders.js';
import { anp, crule, networksPeer, nodesPeer } from '../engine/cluster-policy-builders.js';

function plan(c: Cluster, name = 'lab'): LabPlan {
  const planned = planLab(c, { ...DEFAULT_LAB_OPTIONS, name });
  if (!planned.ok) assert.fail(planned.errors.join('; '));
  return planned.plan;
}

const service = (name: string, selector: Record<string, string>, extra: Partial<Service> = {}): Service => ({
  namespace: 'default',
  name,
  selector,
  ports: [{ port: 80, targetPort: 'http', protocol: 'TCP' }],
  ...extra,
});

test('pods keep status.podIP and the others get the next free address of the pod CIDR', () => {
  const p = plan(cluster({ pods: [pod('default/a', {}, { ips: ['10.244.0.2'] }), pod('default/b'), pod('default/c')] }));
  assert.deepEqual(p.cluster.pods.map((x) => x.ips), [['10.244.0.2'], ['10.244.0.3'], ['10.244.0.4']]);
});

test('every name the lab makes carries its prefix, and names stay unique', () => {
  const p = plan(cluster({ pods: [pod('a-b/c'), pod('a/b-c')] }), 'x1');
  assert.deepEqual(p.topology.hosts.map((h) => h.netns), ['nw-x1-a-b-c', 'nw-x1-a-b-c-2']);
  assert.equal(p.topology.nodeNetns, 'nw-x1-node');
  assert.equal(p.table, 'netwarden_x1');
});

test('a lab name with capitals, dashes or more than 12 characters is refused', () => {
  for (const name of ['Lab', 'my-lab', 'abcdefghijklm', '']) assert.equal(planLab(cluster({}), { ...DEFAULT_LAB_OPTIONS, name }).ok, false, name);
});

test('hostNetwork pods are left out of the lab, with a note', () => {
  const p = plan(cluster({ pods: [pod('default/a'), pod('default/node-agent', {}, { hostNetwork: true })] }));
  assert.deepEqual(p.cluster.pods.map((x) => x.name), ['a']);
  assert.match(p.notes.join('\n'), /node-agent uses the host network/);
});

test('an external host stands inside every ipBlock cidr and except, and one outside them all', () => {
  const c = cluster({ pods: [pod('default/a')], policies: [policy('default/np', { ingress: [rule([ipBlock('10.0.0.0/8', ['10.1.0.0/16'])])] })] });
  const externals = plan(c).topology.hosts.filter((h) => h.kind === 'external').map((h) => h.addresses[0]);
  assert.deepEqual(externals, ['10.0.0.1', '10.1.0.1', '192.0.2.1']);
});

test('an IPv6 ipBlock makes the lab dual-stack', () => {
  const c = cluster({ pods: [pod('default/a')], policies: [policy('default/np', { ingress: [rule([ipBlock('2001:db8::/32')])] })] });
  const p = plan(c);
  assert.deepEqual(p.cluster.pods[0]?.ips, ['10.244.0.2', 'fd00:10:244::2']);
  assert.ok(p.topology.routes.includes('fd00:10:244::/64'));
});

test('Services get a ClusterIP and DNAT to their backends, a named targetPort resolved per pod', () => {
  const c: Cluster = {
    ...cluster({ pods: [pod('default/web-0', { app: 'web' }, { ports: [port(8080, 'http')] }), pod('default/web-1', { app: 'web' }, { ports: [port(9090, 'http')] })] }),
    services: [service('web', { app: 'web' }), service('fixed', { app: 'web' }, { clusterIP: '10.96.5.5' }), service('headless', { app: 'web' }, { clusterIP: 'None' })],
  };
  const p = plan(c);
  assert.deepEqual(p.serviceNames.map((s) => [s.name, s.clusterIP]), [['web', '10.96.0.10'], ['fixed', '10.96.5.5']]);
  assert.deepEqual(p.services[0]?.endpoints, [{ ip: '10.244.0.2', port: 8080 }, { ip: '10.244.0.3', port: 9090 }]);
  assert.match(p.notes.join('\n'), /headless/);
});

test('the hosts file names Services as a pod of that namespace resolves them', () => {
  const text = renderHostsFile('default', 'web-0', [{ namespace: 'default', name: 'db', clusterIP: '10.96.0.10' }, { namespace: 'ops', name: 'prom', clusterIP: '10.96.0.11' }]);
  assert.match(text, /^10\.96\.0\.10\tdb\.default\.svc\.cluster\.local db\.default\.svc db\.default db$/m);
  assert.match(text, /^10\.96\.0\.11\tprom\.ops\.svc\.cluster\.local prom\.ops\.svc prom\.ops$/m);
});

test('a host routes only the lab prefixes, with no default route, and knows every neighbour', () => {
  const p = plan(cluster({ pods: [pod('default/a'), pod('default/b', {}, { ips: ['192.168.7.7'] })] }));
  const commands = hostCommands(p.topology, p.topology.hosts[0] ?? assert.fail());
  assert.deepEqual(commands.filter((c) => c.startsWith('route')), ['route add 10.244.0.0/16 dev eth0', 'route add 10.96.0.0/16 dev eth0', 'route add 192.168.7.7 dev eth0']);
  assert.ok(commands.includes(`neigh replace 192.168.7.7 lladdr ${p.topology.hosts[1]?.mac} dev eth0 nud permanent`));
  assert.ok(!commands.some((c) => c.includes('default')));
});

test('probes: every pair of hosts but external to external, on the destination\'s container ports and the ports policies name', () => {
  const c = cluster({
    pods: [pod('default/a', {}, { ports: [port(8080)] }), pod('default/b')],
    policies: [policy('default/np', { egress: [rule([ipBlock('192.0.2.0/24')], [{ port: 5000, endPort: 5010 }])] })],
  });
  const p = plan(c);
  const probes = planProbes(p.cluster, p.topology, { protocols: ['TCP', 'UDP', 'SCTP'] }).probes;
  const text = probes.map((x) => `${p.topology.hosts[x.from]?.identity} -> ${x.to} ${x.protocol}/${x.port}`);
  assert.ok(text.includes('default/b -> 10.244.0.2 TCP/8080'));
  assert.ok(text.includes('default/b -> 10.244.0.2 TCP/5010'));
  assert.ok(text.includes('default/a -> 192.0.2.1 TCP/5000'));
  assert.ok(!text.some((t) => t.startsWith('external/') && /-> (192|203)\./.test(t)));
});

test('--ports reads PORT and PORT/PROTOCOL, TCP by default, and reports every bad item', () => {
  assert.deepEqual(parsePortList('80,53/udp, 9000/SCTP').ports, [{ protocol: 'TCP', port: 80 }, { protocol: 'UDP', port: 53 }, { protocol: 'SCTP', port: 9000 }]);
  assert.equal(parsePortList('0,http,80/ICMP').errors.length, 3);
});

test('cluster-wide policies stay in the lab: networks CIDRs get external hosts, their port ranges are probed, nodes and domainNames peers get a note', () => {
  const c: Cluster = {
    ...cluster({ pods: [pod('default/a', {}, { ips: ['10.244.0.2'] })] }),
    clusterPolicies: [
      anp('out', 10, { egress: [crule('Deny', [networksPeer('192.0.2.0/24')], { ports: [{ protocol: 'UDP', port: 5000, endPort: 5010 }] }), crule('Allow', [nodesPeer()])] }),
    ],
  };
  const p = plan(c);
  assert.equal(p.cluster.clusterPolicies?.length, 1);
  assert.deepEqual(p.topology.hosts.filter((h) => h.kind === 'external').map((h) => h.addresses[0]), ['192.0.2.1', '198.51.100.1']);
  assert.deepEqual(p.notes, ['ANP out egress[1]: a nodes peer matches nothing, in the engine and in the lab']);
  const ports = planProbes(p.cluster, p.topology, { protocols: ['TCP', 'UDP'] }).listen.get(0);
  assert.deepEqual(ports, [{ protocol: 'UDP', port: 5000 }, { protocol: 'UDP', port: 5010 }]);
});
