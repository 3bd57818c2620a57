// Building the lab's namespaces with iproute2. Nothing here touches the host's root namespace:
// namespaces are created (files under /run/netns), the bridge and every veth pair are created
// inside the lab's node namespace (`ip -n <node> link add eth0 netns <host> ...`), and addresses,
// routes and neighbours are set inside each host's namespace.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseAddress } from './addresses.js';
import { inParallel, mustRun } from './run-command.js';
import { BRIDGE, hostPrefix, vethOf } from './topology.js';
import type { LabHost, Topology } from './topology.js';

export const NETNS_ETC = '/etc/netns';

/** Every namespace, then the bridge and the veth pairs (one `ip -batch` each). */
export async function createNamespaces(topology: Topology): Promise<void> {
  const names = [topology.nodeNetns, ...topology.hosts.map((host) => host.netns)];
  await mustRun(['ip', '-batch', '-'], names.map((name) => `netns add ${name}\n`).join(''));
  const node = [
    'link set lo up',
    `link add ${BRIDGE} type bridge`,
    `link set ${BRIDGE} up`,
    ...topology.hosts.flatMap((host) => [
      `link add eth0 netns ${host.netns} address ${host.mac} type veth peer name ${vethOf(host)}`,
      `link set ${vethOf(host)} master ${BRIDGE} up`,
    ]),
  ];
  await mustRun(['ip', '-n', topology.nodeNetns, '-batch', '-'], `${node.join('\n')}\n`);
}

/**
 * Addresses (host prefixes, no connected routes), routes for the lab's prefixes only (no default
 * route), and a permanent neighbour entry for every other address of the lab, so that no probe
 * waits for ARP or neighbour discovery.
 */
export async function configureHosts(topology: Topology, parallel: number, beforeEach: () => void): Promise<void> {
  await inParallel(topology.hosts, parallel, (host) => {
    beforeEach();
    return mustRun(['ip', '-n', host.netns, '-batch', '-'], `${hostCommands(topology, host).join('\n')}\n`);
  });
}

export function hostCommands(topology: Topology, host: LabHost): string[] {
  const commands = ['link set lo up', 'link set eth0 up'];
  for (const address of host.addresses) {
    const v6 = address.includes(':');
    commands.push(`address add ${address}/${hostPrefix(address)} dev eth0${v6 ? ' nodad' : ''}`);
  }
  const families = new Set(host.addresses.map((a) => parseAddress(a)?.family));
  for (const route of topology.routes) {
    const family = route.includes(':') ? 6 : 4;
    // A route needs a source address of its family; without one the kernel refuses the route.
    if (families.has(family)) commands.push(`route add ${route} dev eth0`);
  }
  for (const other of topology.hosts) {
    if (other === host) continue;
    for (const address of other.addresses) {
      if (families.has(parseAddress(address)?.family)) commands.push(`neigh replace ${address} lladdr ${other.mac} dev eth0 nud permanent`);
    }
  }
  return commands;
}

/** /etc/netns/<netns>/{hosts,resolv.conf}, which `ip netns exec` mounts over /etc. */
export async function writeNetnsEtc(netns: string, files: Readonly<Record<string, string>>): Promise<void> {
  const dir = join(NETNS_ETC, netns);
  await mkdir(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
}
