import { diffConnectivity, hasChanges } from '../analysis/diff.js';
import { compileCluster, connectivity } from '../engine/index.js';
import type { ConnectivityMap, MapLevel } from '../engine/types.js';
import { formatters } from '../report/index.js';
import { parseArgv, reportUsageErrors } from './command.js';
import type { InputFlags } from './command.js';
import { diffCommand, resolveDiffOptions } from './diff-options.js';
import type { DiffOptions } from './diff-options.js';
import { nodeGit, revisionInputs } from './git-revision.js';
import type { GitRunner } from './git-revision.js';
import type { CliIO, ExitCode } from './io.js';
import { EXIT } from './io.js';
import { loadInput } from './load-input.js';
import type { Progress } from './progress.js';
import { startProgress } from './progress.js';
import { writeOutput } from './write-output.js';

/** What `diff` needs beyond CliIO: git, for --git-ref (tests run it in a temporary repository). */
export interface DiffDeps {
  readonly git: GitRunner;
}

/**
 * `netwarden diff`: parse -> load both sides -> connectivity of each -> diff -> format -> exit
 * code: 2 usage or unreadable input; 1 invalid objects in either side, or --exit-code and
 * something changed; else 0.
 */
export async function runDiff(argv: readonly string[], io: CliIO, deps: DiffDeps = { git: nodeGit(process.cwd()) }): Promise<ExitCode> {
  const parsed = parseArgv(diffCommand(io), argv);
  if (parsed.kind === 'exit') return parsed.code;
  const options = resolveDiffOptions(parsed.opts);
  if (!options.ok) return reportUsageErrors('diff', options.errors, io);
  const progress = startProgress(io.stderr, io.clock);
  try {
    const sides = await loadSides(options.value, io, deps, progress);
    if (sides.kind === 'exit') return sides.code;
    progress.phase({ kind: 'computing', what: 'connectivity' });
    const diff = diffConnectivity(sides.before, sides.after);
    const written = await writeOutput(formatters.diff[options.value.output](diff), io, progress);
    if (written.kind === 'failed') return EXIT.usage;
    if (sides.exitCode !== EXIT.ok) return sides.exitCode;
    return options.value.exitCode && hasChanges(diff) ? EXIT.invalidInput : EXIT.ok;
  } finally {
    progress.stop();
  }
}

type Sides =
  | { readonly kind: 'maps'; readonly before: ConnectivityMap; readonly after: ConnectivityMap; readonly exitCode: ExitCode }
  | { readonly kind: 'exit'; readonly code: ExitCode };

/** Before: the -f inputs, or the -f paths at the git revision. After: --against, or the -f paths in the working tree. */
async function loadSides(options: DiffOptions, io: CliIO, deps: DiffDeps, progress: Progress): Promise<Sides> {
  const { against, namespace, level } = options;
  if (against.kind === 'inputs') {
    const before = await mapOf({ filenames: options.filenames, namespace }, io, progress, level);
    const after = await mapOf({ filenames: against.filenames, namespace }, io, progress, level);
    return combine(before, after);
  }
  const revision = await revisionInputs(deps.git, against.ref, options.filenames);
  if (!revision.ok) return { kind: 'exit', code: reportUsageErrors('diff', revision.errors, io) };
  for (const path of revision.value.missing) io.stderr.write(`${path}: warning: not in ${against.ref}; compared as absent before the change\n`);
  const before = await mapOf({ filenames: revision.value.filenames, namespace }, { ...io, load: revision.value.load }, progress, level);
  const after = await mapOf({ filenames: options.filenames, namespace }, io, progress, level);
  return combine(before, after);
}

type SideMap = { readonly map: ConnectivityMap; readonly exitCode: ExitCode } | undefined;

/** One side's map; undefined when an input could not be read (already reported). */
async function mapOf(flags: InputFlags, io: CliIO, progress: Progress, level: MapLevel): Promise<SideMap> {
  const input = await loadInput(flags, io, progress);
  if (input.kind === 'unreadable') return undefined;
  progress.phase({ kind: 'computing', what: 'connectivity' });
  return { map: connectivity(compileCluster(input.cluster), { level }), exitCode: input.exitCode };
}

function combine(before: SideMap, after: SideMap): Sides {
  if (before === undefined || after === undefined) return { kind: 'exit', code: EXIT.usage };
  const exitCode = before.exitCode !== EXIT.ok ? before.exitCode : after.exitCode;
  return { kind: 'maps', before: before.map, after: after.map, exitCode };
}
