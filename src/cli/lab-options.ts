import { Command } from 'commander';
import { DEFAULT_LAB_OPTIONS } from '../lab/plan.js';
import { LAB_NAME_PATTERN } from '../lab/topology.js';
import { PROBE_OUTPUTS } from '../lab/probe-format.js';
import type { ProbeOutput } from '../lab/probe-format.js';
import { parsePortList } from '../lab/probe-plan.js';
import type { PortRef } from '../lab/dataplane.js';
import type { DenyAction } from '../lab/nft-render.js';
import { inputFlags, newCommand, oneOf } from './command.js';
import type { InputFlags } from './command.js';
import type { CliIO } from './io.js';
import { fail, ok } from './result.js';
import type { Result } from './result.js';

export const LAB_USAGE = `Usage: netwarden lab <up|probe|down|run> [options]

Builds the cluster's pods as Linux network namespaces, compiles its policies (AdminNetworkPolicy,
NetworkPolicy, BaselineAdminNetworkPolicy, ClusterNetworkPolicy) to nftables, sends real
TCP/UDP/SCTP traffic and compares what the kernel did with what the engine says.
Needs root, iproute2 and nftables. Docs: docs/lab.md.

Commands:
  up     build the lab and print how to use it
  probe  probe every relevant (pod, pod, port) of a lab that is up; exit 1 on any disagreement
  down   remove a lab (--all: every lab and leftover)
  run    up, probe, down in one go (--check: exit 1 on any disagreement)
`;

export interface LabBuildFlags {
  readonly name: string;
  readonly podCidr: string;
  readonly serviceCidr: string;
  readonly deny: DenyAction;
}

const DENY_ACTIONS = ['drop', 'reject'] as const satisfies readonly DenyAction[];

export interface LabProbeFlags {
  readonly name: string;
  /** undefined: the relevant ports. */
  readonly ports?: readonly PortRef[];
  readonly output: ProbeOutput;
  readonly timeoutMs: number;
}

export type LabUpOptions = InputFlags & LabBuildFlags;
export type LabDownOptions = { readonly name: string } | { readonly all: true };
export type LabRunOptions = InputFlags & LabBuildFlags & LabProbeFlags & { readonly disagreement: 'exit-0' | 'exit-1' };

const NAME_HELP = 'the lab\'s name: 1-12 lowercase letters and digits; every namespace it makes is nw-NAME-...';

/** A command for `netwarden lab <sub>` that writes through io and never exits (see newCommand), without the input flags. */
function bareCommand(sub: string, description: string, io: CliIO): Command {
  return new Command(`netwarden lab ${sub}`)
    .description(description)
    .helpOption('-h, --help', 'show this help')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => void io.stdout.write(text),
      writeErr: (text) => void io.stderr.write(text),
      outputError: (text, write) => write(`netwarden lab ${sub}: ${text}`),
    })
    .showHelpAfterError(`(run "netwarden lab ${sub} --help" for usage)`);
}

function withBuildFlags(command: Command): Command {
  return command
    .option('--name <name>', NAME_HELP, DEFAULT_LAB_OPTIONS.name)
    .option('--pod-cidr <cidr>', 'addresses for pods without status.podIP', DEFAULT_LAB_OPTIONS.podCidr)
    .option('--service-cidr <cidr>', 'ClusterIPs for Services without spec.clusterIP', DEFAULT_LAB_OPTIONS.serviceCidr)
    .option('--deny <action>', 'what isolated pods do with what no rule allows: drop (a timeout, as most plugins) or reject (a reset or ICMP error: faster probes)', DEFAULT_LAB_OPTIONS.deny);
}

function withProbeFlags(command: Command): Command {
  return command
    .option('--ports <list>', 'probe these ports on every destination, e.g. 80,443/TCP,53/UDP (default: each pod\'s container ports and the ports policies name)')
    .option('-o, --output <format>', `output format: ${PROBE_OUTPUTS.join(', ')}`, 'table')
    .option('--timeout <ms>', 'how long a probe waits for its answer; a timeout the engine disagrees with is retried with 3x the wait', '1000');
}

export function labUpCommand(io: CliIO): Command {
  return withBuildFlags(newCommand('lab up', 'Build the lab: a network namespace per pod, nftables from the policies of every tier.', io));
}

export function labProbeCommand(io: CliIO): Command {
  const command = bareCommand('probe', 'Probe a lab that is up and compare the kernel with the engine; exit 1 on any disagreement.', io);
  return withProbeFlags(command.option('--name <name>', NAME_HELP, DEFAULT_LAB_OPTIONS.name));
}

export function labDownCommand(io: CliIO): Command {
  return bareCommand('down', 'Remove a lab, or with --all every lab and every leftover of a crashed run.', io)
    .option('--name <name>', NAME_HELP, DEFAULT_LAB_OPTIONS.name)
    .option('--all', 'every lab (namespaces nw-*, /etc/netns/nw-*, agents under /run/netwarden)');
}

export function labRunCommand(io: CliIO): Command {
  return withProbeFlags(withBuildFlags(newCommand('lab run', 'Up, probe, down in one go.', io))).option('--check', 'exit 1 when the kernel and the engine disagree on any probe');
}

function buildFlags(opts: Record<string, unknown>, errors: string[]): LabBuildFlags {
  const name = nameFlag(opts, errors);
  const deny = oneOf('--deny', opts['deny'], DENY_ACTIONS, errors) ?? DEFAULT_LAB_OPTIONS.deny;
  return { name, podCidr: String(opts['podCidr']), serviceCidr: String(opts['serviceCidr']), deny };
}

function nameFlag(opts: Record<string, unknown>, errors: string[]): string {
  const name = String(opts['name']);
  if (!LAB_NAME_PATTERN.test(name)) errors.push(`--name "${name}": use 1 to 12 lowercase letters and digits`);
  return name;
}

function probeFlags(opts: Record<string, unknown>, errors: string[]): Omit<LabProbeFlags, 'output' | 'name'> & { output: ProbeOutput | undefined } {
  const output = oneOf('-o/--output', opts['output'], PROBE_OUTPUTS, errors);
  const timeoutMs = Number(opts['timeout']);
  if (!Number.isInteger(timeoutMs) || timeoutMs < 50 || timeoutMs > 60_000) errors.push(`--timeout ${String(opts['timeout'])}: milliseconds between 50 and 60000`);
  let ports: PortRef[] | undefined;
  if (typeof opts['ports'] === 'string') {
    const parsed = parsePortList(opts['ports']);
    errors.push(...parsed.errors);
    ports = parsed.ports;
  }
  return { output, timeoutMs, ...(ports === undefined ? {} : { ports }) };
}

export function resolveLabUpOptions(opts: Record<string, unknown>): Result<LabUpOptions> {
  const errors: string[] = [];
  const input = inputFlags(opts, errors);
  const build = buildFlags(opts, errors);
  return errors.length > 0 ? fail(...errors) : ok(Object.freeze({ ...input, ...build }));
}

export function resolveLabProbeOptions(opts: Record<string, unknown>): Result<LabProbeFlags> {
  const errors: string[] = [];
  const name = nameFlag(opts, errors);
  const { output, ...rest } = probeFlags(opts, errors);
  return errors.length > 0 || output === undefined ? fail(...errors) : ok(Object.freeze({ ...rest, name, output }));
}

export function resolveLabDownOptions(opts: Record<string, unknown>): Result<LabDownOptions> {
  if (opts['all'] === true) return ok({ all: true });
  const errors: string[] = [];
  const name = nameFlag(opts, errors);
  return errors.length > 0 ? fail(...errors) : ok({ name });
}

export function resolveLabRunOptions(opts: Record<string, unknown>): Result<LabRunOptions> {
  const errors: string[] = [];
  const input = inputFlags(opts, errors);
  const build = buildFlags(opts, errors);
  const { output, ...probe } = probeFlags(opts, errors);
  if (errors.length > 0 || output === undefined) return fail(...errors);
  return ok(Object.freeze({ ...input, ...build, ...probe, output, disagreement: opts['check'] === true ? 'exit-1' : 'exit-0' }));
}
