// Starting the agents (src/lab/agent-source.ts) in their namespaces and talking to them over
// their Unix control sockets. Path sockets are not tied to a network namespace, so the controller
// reaches every agent from the root namespace, and a later `lab probe` reaches the agents a
// `lab up` started.
import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import type { Socket } from 'node:net';
import { join } from 'node:path';
import type { PortRef, ProbeResult } from './dataplane.js';
import type { LabHost } from './topology.js';

export type AgentRequest =
  | { readonly op: 'ping' }
  | { readonly op: 'identity'; readonly identity: string }
  | { readonly op: 'listen'; readonly ports: readonly PortRef[] }
  | { readonly op: 'probe'; readonly probes: readonly AgentProbe[] }
  | { readonly op: 'exit' };

export interface AgentProbe extends PortRef {
  readonly ip: string;
  readonly timeoutMs: number;
}

export interface ListenReply {
  readonly ok: boolean;
  readonly failed: readonly (PortRef & { readonly error: string })[];
}

export interface AgentConnection {
  request(request: { readonly op: 'probe'; readonly probes: readonly AgentProbe[] }): Promise<{ readonly results: ProbeResult[] }>;
  request(request: { readonly op: 'listen'; readonly ports: readonly PortRef[] }): Promise<ListenReply>;
  request(request: AgentRequest): Promise<Record<string, unknown>>;
  close(): void;
}

const START_TIMEOUT_MS = 20_000;

/**
 * Set by each agent in its own namespace (never the host's): no rate limit on ICMP errors, so that
 * every rejected probe (deny 'reject') gets its ICMP admin-prohibited back instead of a timeout
 * when many probes are rejected at once.
 */
const NAMESPACE_SYSCTLS = ['net/ipv4/icmp_ratelimit=0', 'net/ipv4/icmp_msgs_per_sec=1000000', 'net/ipv4/icmp_msgs_burst=1000000', 'net/ipv6/icmp/ratelimit=0'];

export function socketPathOf(stateDir: string, host: LabHost): string {
  return join(stateDir, `agent-${host.index}.sock`);
}

function portSpec(ports: readonly PortRef[]): string {
  return ports.map((p) => `${p.protocol}:${p.port}`).join(',');
}

/**
 * Starts the host's agent, detached (it outlives `lab up`), listening on `ports`. Resolves with its
 * pid and the ports it could not open once its control socket accepts connections.
 */
export function startAgent(host: LabHost, stateDir: string, agentPath: string, ports: readonly PortRef[]): Promise<{ pid: number; failed: readonly PortRef[] }> {
  const args = ['netns', 'exec', host.netns, process.execPath, '--max-semi-space-size=1', agentPath];
  args.push('--socket', socketPathOf(stateDir, host), '--identity', host.identity, '--listen', portSpec(ports), '--sysctl', NAMESPACE_SYSCTLS.join(','));
  const child = spawn('ip', args, { detached: true, stdio: ['ignore', 'pipe', 'ignore'] });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`the agent of ${host.netns} did not start within ${START_TIMEOUT_MS} ms`)), START_TIMEOUT_MS);
    const fail = (error: Error): void => {
      clearTimeout(timer);
      child.stdout.destroy();
      reject(error);
    };
    child.once('error', fail);
    child.once('exit', (code) => fail(new Error(`the agent of ${host.netns} exited (${code}) before it was ready`)));
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      const newline = output.indexOf('\n');
      if (newline < 0) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      child.stdout.destroy();
      child.unref();
      const ready = JSON.parse(output.slice(0, newline)) as { pid: number; failed: readonly PortRef[] };
      resolve({ pid: ready.pid, failed: ready.failed });
    });
  });
}

/** Connects to an agent's control socket. Requests are answered in order, one reply line each. */
export function connectAgent(socketPath: string): Promise<AgentConnection> {
  return new Promise((resolve, reject) => {
    const socket = connect(socketPath);
    socket.once('error', reject);
    socket.once('connect', () => {
      socket.removeListener('error', reject);
      resolve(agentConnection(socket));
    });
  });
}

function agentConnection(socket: Socket): AgentConnection {
  const pending: { resolve: (value: Record<string, unknown>) => void; reject: (error: Error) => void }[] = [];
  let buffer = '';
  const failAll = (error: Error): void => {
    for (const waiter of pending.splice(0)) waiter.reject(error);
  };
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    buffer += chunk;
    for (let newline = buffer.indexOf('\n'); newline >= 0; newline = buffer.indexOf('\n')) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + 1);
      pending.shift()?.resolve(JSON.parse(line) as Record<string, unknown>);
    }
  });
  socket.on('error', failAll);
  socket.on('close', () => failAll(new Error('the agent closed its control connection')));
  const request = (message: AgentRequest): Promise<Record<string, unknown>> =>
    new Promise((resolve, reject) => {
      pending.push({ resolve, reject });
      socket.write(`${JSON.stringify(message)}\n`);
    });
  return { request: request as AgentConnection['request'], close: () => socket.destroy() };
}
