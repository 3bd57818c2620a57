import { labAttach, labDown, labProbe, labRun, labUp } from '../lab/lab.js';
import type { ProbeReport, ProbeRequest } from '../lab/lab.js';
import { DEFAULT_LAB_OPTIONS } from '../lab/plan.js';
import type { LabOptions } from '../lab/plan.js';
import { labUnavailable } from '../lab/preflight.js';
import { probeFormatters } from '../lab/probe-format.js';
import { formatLabUp } from '../lab/up-format.js';
import { parseArgv, reportUsageErrors } from './command.js';
import type { CliIO, ExitCode } from './io.js';
import { EXIT } from './io.js';
import {
  LAB_USAGE,
  labDownCommand,
  labProbeCommand,
  labRunCommand,
  labUpCommand,
  resolveLabDownOptions,
  resolveLabProbeOptions,
  resolveLabRunOptions,
  resolveLabUpOptions,
} from './lab-options.js';
import type { LabBuildFlags, LabProbeFlags } from './lab-options.js';
import { loadInput } from './load-input.js';
import { startProgress } from './progress.js';
import { writeOutput } from './write-output.js';

type SubCommand = (argv: readonly string[], io: CliIO) => Promise<ExitCode>;

const SUBCOMMANDS = { up: runLabUp, probe: runLabProbe, down: runLabDown, run: runLabRun } as const satisfies Record<string, SubCommand>;

/** `netwarden lab <up|probe|down|run>`: parse -> lab -> format -> exit code (docs/lab.md). */
export async function runLab(argv: readonly string[], io: CliIO): Promise<ExitCode> {
  const [sub, ...rest] = argv;
  if (sub === '--help' || sub === '-h') {
    io.stdout.write(LAB_USAGE);
    return EXIT.ok;
  }
  if (sub === undefined || !Object.hasOwn(SUBCOMMANDS, sub)) {
    io.stderr.write(`${sub === undefined ? '' : `netwarden lab: unknown command "${sub}"\n\n`}${LAB_USAGE}`);
    return EXIT.usage;
  }
  return SUBCOMMANDS[sub as keyof typeof SUBCOMMANDS](rest, io);
}

/** Root, ip and nft: without them the lab cannot do its job (exit 2). */
async function preflight(io: CliIO): Promise<boolean> {
  const problems = await labUnavailable();
  if (problems.length > 0) io.stderr.write(problems.map((p) => `netwarden lab: ${p}\n`).join(''));
  return problems.length === 0;
}

function labOptions(flags: LabBuildFlags): LabOptions {
  return { ...DEFAULT_LAB_OPTIONS, name: flags.name, podCidr: flags.podCidr, serviceCidr: flags.serviceCidr, deny: flags.deny };
}

async function runLabUp(argv: readonly string[], io: CliIO): Promise<ExitCode> {
  const parsed = parseArgv(labUpCommand(io), argv);
  if (parsed.kind === 'exit') return parsed.code;
  const options = resolveLabUpOptions(parsed.opts);
  if (!options.ok) return reportUsageErrors('lab up', options.errors, io);
  if (!(await preflight(io))) return EXIT.usage;
  const progress = startProgress(io.stderr, io.clock);
  try {
    const input = await loadInput(options.value, io, progress);
    if (input.kind === 'unreadable') return EXIT.usage;
    const up = await labUp(input.cluster, labOptions(options.value));
    if (up.kind !== 'up') return reportUpFailure(up, io);
    await up.dataplane.close({ remove: false });
    const written = await writeOutput([formatLabUp(up.plan, up.millis)], io, progress);
    return written.kind === 'failed' ? EXIT.usage : input.exitCode;
  } finally {
    progress.stop();
  }
}

function reportUpFailure(up: { kind: 'invalid'; errors: readonly string[] } | { kind: 'exists'; name: string }, io: CliIO): ExitCode {
  const lines = up.kind === 'invalid' ? up.errors : [`lab "${up.name}" exists already: probe it, or remove it with "netwarden lab down --name ${up.name}"`];
  io.stderr.write(lines.map((line) => `netwarden lab: ${line}\n`).join(''));
  return EXIT.usage;
}

async function runLabProbe(argv: readonly string[], io: CliIO): Promise<ExitCode> {
  const parsed = parseArgv(labProbeCommand(io), argv);
  if (parsed.kind === 'exit') return parsed.code;
  const options = resolveLabProbeOptions(parsed.opts);
  if (!options.ok) return reportUsageErrors('lab probe', options.errors, io);
  if (!(await preflight(io))) return EXIT.usage;
  const lab = await labAttach(options.value.name);
  if (lab.kind === 'missing') {
    io.stderr.write(`netwarden lab: ${lab.message}\n`);
    return EXIT.usage;
  }
  let report: ProbeReport;
  try {
    report = await labProbe(lab.plan, lab.dataplane, probeRequest(options.value));
  } finally {
    await lab.dataplane.close({ remove: false });
  }
  const progress = startProgress(io.stderr, io.clock);
  const written = await writeOutput([probeFormatters[options.value.output](report)], io, progress);
  if (written.kind === 'failed') return EXIT.usage;
  return report.summary.disagreements > 0 ? EXIT.invalidInput : EXIT.ok;
}

function probeRequest(flags: Omit<LabProbeFlags, 'name' | 'output'>): ProbeRequest {
  return flags.ports === undefined ? { timeoutMs: flags.timeoutMs } : { timeoutMs: flags.timeoutMs, ports: flags.ports };
}

async function runLabDown(argv: readonly string[], io: CliIO): Promise<ExitCode> {
  const parsed = parseArgv(labDownCommand(io), argv);
  if (parsed.kind === 'exit') return parsed.code;
  const options = resolveLabDownOptions(parsed.opts);
  if (!options.ok) return reportUsageErrors('lab down', options.errors, io);
  if (!(await preflight(io))) return EXIT.usage;
  const removed = await labDown(options.value);
  const what = removed.labs.length === 0 ? 'no lab to remove' : `removed ${removed.labs.map((l) => `"${l}"`).join(', ')}`;
  io.stdout.write(`${what}: ${removed.namespaces} network namespaces, ${removed.processes} agents.\n`);
  return EXIT.ok;
}

async function runLabRun(argv: readonly string[], io: CliIO): Promise<ExitCode> {
  const parsed = parseArgv(labRunCommand(io), argv);
  if (parsed.kind === 'exit') return parsed.code;
  const options = resolveLabRunOptions(parsed.opts);
  if (!options.ok) return reportUsageErrors('lab run', options.errors, io);
  if (!(await preflight(io))) return EXIT.usage;
  const progress = startProgress(io.stderr, io.clock);
  try {
    const input = await loadInput(options.value, io, progress);
    if (input.kind === 'unreadable') return EXIT.usage;
    const run = await labRun(input.cluster, labOptions(options.value), probeRequest(options.value));
    if (run.kind !== 'probed') return reportUpFailure(run, io);
    const written = await writeOutput([probeFormatters[options.value.output](run.report)], io, progress);
    if (written.kind === 'failed') return EXIT.usage;
    return run.report.summary.disagreements > 0 && options.value.disagreement === 'exit-1' ? EXIT.invalidInput : input.exitCode;
  } finally {
    progress.stop();
  }
}
