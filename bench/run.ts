// `npm run bench` / `npm run bench:quick`: for every size of the plan, generate a cluster, write it
// as manifests, measure it in a fresh child process (run-size.ts), then print the tables and the
// targets. Timeouts and crashes are results, reported where they happened; the exit code is 0
// whenever the benchmark itself ran, 2 for bad flags.

import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateCluster } from './generate/cluster.js';
import { writeManifests, type ManifestFormat } from './generate/write-manifests.js';
import { describeMachine, machineText, type Machine } from './machine.js';
import { parseBenchOptions, type BenchOptions } from './options.js';
import { seconds, megabytes, statusText, totalMs, type RunRecord } from './record.js';
import { runSize } from './run-size.js';
import { buildBench, runCli, type BenchBuild } from './run-cli.js';
import { PLANS, sizeKey, sizeLabel, type BenchSize, type Series } from './sizes.js';
import { doublingTable, sizesTable, tableMarkdown, tableText, type Table } from './tables.js';
import { targetsTable } from './targets.js';
import { summariseProfile, type CpuProfile } from './cpu-profile.js';

const EVAL_BUDGET_MS = 5_000;
const PROFILE_TOP = 25;

interface Plan {
  readonly series: readonly Series[];
  readonly runs: number;
}

function planOf(options: BenchOptions): Plan {
  const series = PLANS[options.plan]
    .filter((s) => options.series.includes(s.id))
    .map((s) => ({
      ...s,
      formats: options.formats ?? s.formats,
      sizes: s.sizes.filter((size) => options.only.length === 0 || options.only.some((o) => sizeKey(size, 'yaml').includes(o))),
    }))
    .filter((s) => s.sizes.length > 0);
  return { series, runs: series.reduce((n, s) => n + s.sizes.length * s.formats.length, 0) };
}

async function measureSize(series: Series, size: BenchSize, format: ManifestFormat, context: RunContext): Promise<RunRecord> {
  const cluster = context.generated.get(sizeKey(size, 'yaml')) ?? generateCluster({ seed: context.options.seed, ...size });
  context.generated.set(sizeKey(size, 'yaml'), cluster);
  const name = sizeKey(size, format);
  const dir = join(context.workDir, name);
  const written = await writeManifests(cluster, dir, format);
  const result = await runSize({
    request: { dir, outFile: join(context.workDir, `${name}.map.json`), seed: context.options.seed, evalSamples: context.options.evalSamples, evalBudgetMs: EVAL_BUDGET_MS },
    timeoutMs: context.options.timeoutMs,
    ...(context.options.cpuProfDir === undefined ? {} : { cpuProfile: { dir: context.options.cpuProfDir, name } }),
    ...(context.build === undefined ? {} : { compiledMeasure: context.build.measure }),
  });
  const cli =
    context.build === undefined || !context.options.cli || series.id !== 'main'
      ? undefined
      : await runCli(context.build.bin, dir, join(context.workDir, `${name}.cli.json`), context.options.timeoutMs);
  if (!context.options.keep) {
    await rm(dir, { recursive: true, force: true });
    for (const suffix of ['map', 'cli']) await rm(join(context.workDir, `${name}.${suffix}.json`), { force: true });
  }
  const { workloads, services } = cluster.counts;
  const record = { series: series.id, size, format, generated: { workloads, services, ...written }, timeoutMs: context.options.timeoutMs, result };
  return cli === undefined ? record : { ...record, cli };
}

interface RunContext {
  readonly options: BenchOptions;
  readonly workDir: string;
  /** Clusters generated so far this run, by size (both formats load the same cluster). */
  readonly generated: Map<string, ReturnType<typeof generateCluster>>;
  /** Results by size and format: a size shared by two series is measured once. */
  readonly measured: Map<string, RunRecord>;
  /** The compiled CLI and measuring child; undefined when compiling failed (sizes then run through tsx). */
  readonly build?: BenchBuild;
}

function progressLine(index: number, runs: number, record: RunRecord): string {
  const p = record.result.phaseMs;
  const parts = [
    `parse ${seconds(p.load)} s`,
    `compile ${seconds(p.compile)} s`,
    `connectivity ${seconds(p.connectivity)} s`,
    `JSON ${seconds(p.serialise)} s`,
    `total ${seconds(totalMs(record))} s`,
    `peak RSS ${megabytes(record.result.maxRssBytes)} MB`,
  ];
  const evalMs = record.result.facts.evalMedianMs;
  if (evalMs !== undefined) parts.push(`eval median ${(evalMs * 1000).toFixed(1)} µs`);
  return `[${index}/${runs}] ${sizeLabel(record.size)} ${record.format.toUpperCase()}: ${parts.join(', ')} — ${statusText(record)}`;
}

async function printProfile(options: BenchOptions, record: RunRecord): Promise<void> {
  if (options.cpuProfDir === undefined || record.result.outcome !== 'done') return;
  const file = join(options.cpuProfDir, `${sizeKey(record.size, record.format)}.cpuprofile`);
  const profile = JSON.parse(await readFile(file, 'utf8')) as CpuProfile;
  const tables = summariseProfile(profile, { top: PROFILE_TOP, root: pathToFileURL(`${process.cwd()}/`).href });
  const text = tables.map(tableText).join('\n\n');
  await writeFile(file.replace(/\.cpuprofile$/, '.summary.txt'), `${text}\n`);
  process.stdout.write(`\nCPU profile of ${sizeLabel(record.size)} ${record.format.toUpperCase()} (${file}):\n${text}\n\n`);
}

function resultTables(plan: Plan, records: readonly RunRecord[]): Table[] {
  return [
    ...plan.series.map((s) => {
      const own = records.filter((r) => r.series === s.id);
      return s.id === 'main' ? sizesTable(s, own) : doublingTable(s, own);
    }),
    targetsTable(records),
  ];
}

function markdownReport(machine: Machine, command: string, tables: readonly Table[]): string {
  return [`Machine: ${machineText(machine)}`, '', `Command: \`${command}\``, '', ...tables.flatMap((t) => [tableMarkdown(t), ''])].join('\n');
}

async function buildOrSay(): Promise<BenchBuild | undefined> {
  process.stdout.write('compiling src and bench into bench/.dist ...\n');
  const built = await buildBench();
  if ('bin' in built) return built;
  process.stdout.write(`compiling failed, sizes run through tsx and --cli is skipped: ${built.error}\n`);
  return undefined;
}

/** Every size of the plan, each measured once even when two series share it. */
async function measureAll(plan: Plan, options: BenchOptions, machine: Machine, command: string): Promise<RunRecord[]> {
  const build = await buildOrSay();
  const context: RunContext = {
    options,
    workDir: await mkdtemp(join(tmpdir(), 'netwarden-bench-')),
    generated: new Map(),
    measured: new Map(),
    ...(build === undefined ? {} : { build }),
  };
  process.stdout.write(`${machineText(machine)}\n${command}\n${plan.runs} runs, ${options.timeoutMs / 1000} s budget each, manifests in ${context.workDir}\n\n`);
  const records: RunRecord[] = [];
  try {
    for (const series of plan.series) {
      for (const size of series.sizes) {
        for (const format of series.formats) {
          const done = context.measured.get(sizeKey(size, format));
          const record = done === undefined ? await measureSize(series, size, format, context) : { ...done, series: series.id };
          context.measured.set(sizeKey(size, format), record);
          records.push(record);
          process.stdout.write(`${progressLine(records.length, plan.runs, record)}${done === undefined ? '' : ' (measured above)'}\n`);
          if (done === undefined) await printProfile(options, record);
        }
        context.generated.delete(sizeKey(size, 'yaml'));
      }
    }
  } finally {
    if (!options.keep) await rm(context.workDir, { recursive: true, force: true });
  }
  return records;
}

/** How this run was started, as a user would type it again (npm's script arguments not repeated). */
function commandLine(argv: readonly string[]): string {
  const event = process.env['npm_lifecycle_event'];
  const script = process.env['npm_lifecycle_script'];
  if (event === undefined || script === undefined) return ['node --import tsx bench/run.ts', ...argv].join(' ');
  const own = script.split('bench/run.ts')[1]?.trim().split(/\s+/).filter((a) => a !== '') ?? [];
  const extra = own.every((a, i) => argv[i] === a) ? argv.slice(own.length) : argv;
  return [`npm run ${event}`, ...(extra.length > 0 ? ['--', ...extra] : [])].join(' ');
}

interface SavedRun {
  readonly machine: Machine;
  readonly command: string;
  readonly options: BenchOptions;
  readonly records: readonly RunRecord[];
}

async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseBenchOptions(argv);
  if (parsed.kind === 'exit') return parsed.code;
  const { options } = parsed;
  let run: SavedRun;
  if (options.tablesFrom === undefined) {
    const machine = describeMachine();
    const command = commandLine(argv);
    run = { machine, command, options, records: await measureAll(planOf(options), options, machine, command) };
    if (options.jsonFile !== undefined) await writeFile(options.jsonFile, `${JSON.stringify(run, null, 2)}\n`);
  } else {
    // Tables again from a saved run: its own plan and records, this invocation's outputs.
    run = JSON.parse(await readFile(options.tablesFrom, 'utf8')) as SavedRun;
    process.stdout.write(`${machineText(run.machine)}\n${run.command}\n`);
  }
  const tables = resultTables(planOf(run.options), run.records);
  process.stdout.write(`\n${tables.map(tableText).join('\n\n')}\n`);
  if (options.markdownFile !== undefined) await writeFile(options.markdownFile, markdownReport(run.machine, run.command, tables));
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
