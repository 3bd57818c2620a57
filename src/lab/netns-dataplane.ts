// The Dataplane (src/lab/dataplane.ts) made of Linux network namespaces: one per host, wired to a
// bridge in the lab's node namespace; nftables in each pod's namespace; an agent in each
// namespace that listens and probes.
import { availableParallelism } from 'node:os';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AGENT_FILE, AGENT_SOURCE } from './agent-source.js';
import { connectAgent, socketPathOf, startAgent } from './agent-client.js';
import type { AgentConnection, AgentProbe } from './agent-client.js';
import { removeLab } from './cleanup.js';
import type { Dataplane, PortRef, Probe, ProbeOptions, ProbeResult } from './dataplane.js';
import { configureHosts, createNamespaces, writeNetnsEtc } from './netns-setup.js';
import { applyRuleset } from './nft-apply.js';
import { inParallel } from './run-command.js';
import type { Topology } from './topology.js';

export interface BuildOptions {
  /** The lab's state directory (exists already): the agent program and control sockets go there. */
  readonly stateDir: string;
  /** Ports each host listens on from the start, by host index. */
  readonly listen: ReadonlyMap<number, readonly PortRef[]>;
  /** Files for /etc/netns/<netns>/ by host index (hosts, resolv.conf). */
  readonly etcFiles: ReadonlyMap<number, Readonly<Record<string, string>>>;
  /** Stops the build between steps (nothing new is started once it fires); the caller then removes the lab. */
  readonly abort?: AbortSignal;
}

export interface BuiltLab {
  readonly dataplane: Dataplane;
  /** Agents' pids by host index. */
  readonly agents: ReadonlyMap<number, number>;
  /** Ports a host could not open (e.g. SCTP without kernel support), by host index. */
  readonly failed: ReadonlyMap<number, readonly PortRef[]>;
}

/** How many namespaces are configured, or agents started, at a time. */
function parallelism(): number {
  return Math.max(4, availableParallelism() * 2);
}

/** Builds the namespaces, wiring and agents of `topology`. On failure, the caller removes the lab (by name). */
export async function buildNetnsLab(topology: Topology, options: BuildOptions): Promise<BuiltLab> {
  const agentPath = join(options.stateDir, AGENT_FILE);
  const check = (): void => options.abort?.throwIfAborted();
  await writeFile(agentPath, AGENT_SOURCE);
  check();
  await createNamespaces(topology);
  check();
  await configureHosts(topology, parallelism(), check);
  for (const [index, files] of options.etcFiles) {
    const host = topology.hosts[index];
    check();
    if (host !== undefined) await writeNetnsEtc(host.netns, files);
  }
  const started = await inParallel(topology.hosts, parallelism(), (host) => {
    check();
    return startAgent(host, options.stateDir, agentPath, options.listen.get(host.index) ?? []);
  });
  const agents = new Map(started.map((s, index) => [index, s.pid]));
  const failed = new Map(started.map((s, index) => [index, s.failed] as const).filter(([, f]) => f.length > 0));
  return { dataplane: await attachNetnsLab(topology, options.stateDir), agents, failed };
}

/** Connects to the agents of a lab that is up (built by this process or an earlier `lab up`). */
export async function attachNetnsLab(topology: Topology, stateDir: string): Promise<Dataplane> {
  const connections = await Promise.all(topology.hosts.map((host) => connectAgent(socketPathOf(stateDir, host))));
  return netnsDataplane(topology, connections);
}

function netnsDataplane(topology: Topology, connections: readonly AgentConnection[]): Dataplane {
  const agent = (index: number): AgentConnection => {
    const connection = connections[index];
    if (connection === undefined) throw new Error(`no host ${index} in lab ${topology.name}`);
    return connection;
  };
  return {
    topology,
    async identify(identities) {
      await Promise.all([...identities].map(([index, identity]) => agent(index).request({ op: 'identity', identity })));
    },
    async listen(ports) {
      const replies = await Promise.all([...ports].map(async ([index, list]) => [index, await agent(index).request({ op: 'listen', ports: list })] as const));
      return new Map(replies.filter(([, reply]) => reply.failed.length > 0).map(([index, reply]) => [index, reply.failed]));
    },
    async apply(rulesets) {
      await inParallel([...rulesets], parallelism(), async ([index, script]) => {
        const host = topology.hosts[index];
        if (host === undefined) throw new Error(`no host ${index} in lab ${topology.name}`);
        await applyRuleset(host.netns, script);
      });
    },
    probe: (probes, options) => probeAll(agent, probes, options),
    async close({ remove }) {
      for (const connection of connections) connection.close();
      if (remove) await removeLab(topology.name);
    },
  } satisfies Dataplane;
}

/** Each source host's probes go to its agent in one batch; every agent works at once. */
async function probeAll(agent: (index: number) => AgentConnection, probes: readonly Probe[], options: ProbeOptions): Promise<ProbeResult[]> {
  const bySource = new Map<number, number[]>();
  probes.forEach((probe, i) => {
    const list = bySource.get(probe.from);
    if (list === undefined) bySource.set(probe.from, [i]);
    else list.push(i);
  });
  const results = new Array<ProbeResult>(probes.length);
  await Promise.all(
    [...bySource].map(async ([from, indexes]) => {
      const batch: AgentProbe[] = indexes.map((i) => {
        const probe = probes[i] as Probe;
        return { ip: probe.to, port: probe.port, protocol: probe.protocol, timeoutMs: options.timeoutMs };
      });
      const reply = await agent(from).request({ op: 'probe', probes: batch });
      indexes.forEach((probeIndex, k) => (results[probeIndex] = reply.results[k] ?? { outcome: 'error', error: 'no result' }));
    }),
  );
  return results;
}
