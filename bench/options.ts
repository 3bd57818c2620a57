// `npm run bench` flags: defaults, then validation of all of them at once, then a frozen object.

import { Command, CommanderError } from 'commander';
import { MANIFEST_FORMATS, type ManifestFormat } from './generate/write-manifests.js';
import { SERIES_IDS, type PlanName, type SeriesId } from './sizes.js';

export interface BenchOptions {
  readonly plan: PlanName;
  readonly series: readonly SeriesId[];
  /** Manifest formats; undefined: each series' own. */
  readonly formats?: readonly ManifestFormat[];
  /** Run only sizes whose "pods-policies-namespaces" key contains one of these. */
  readonly only: readonly string[];
  readonly timeoutMs: number;
  readonly seed: number;
  readonly evalSamples: number;
  readonly cpuProfDir?: string;
  readonly jsonFile?: string;
  readonly markdownFile?: string;
  readonly keep: boolean;
  /** Also time the built `netwarden map` on the main series' manifests. */
  readonly cli: boolean;
  /** Measure nothing: print the tables of a run saved with --json. */
  readonly tablesFrom?: string;
}

export type ParsedOptions = { readonly kind: 'ok'; readonly options: BenchOptions } | { readonly kind: 'exit'; readonly code: 0 | 2 };

const list = (value: string): string[] => value.split(',').map((s) => s.trim()).filter((s) => s !== '');

function command(): Command {
  return new Command('bench')
    .description('Generate synthetic clusters and time load -> compile -> connectivity -> JSON, one fresh process per size.')
    .exitOverride()
    .option('--quick', 'the small plan for CI (under a minute)')
    .option('--series <ids>', `comma-separated: ${SERIES_IDS.join(', ')}`, SERIES_IDS.join(','))
    .option('--formats <formats>', `manifest formats to load: ${MANIFEST_FORMATS.join(', ')} (default: per series)`)
    .option('--only <keys>', 'comma-separated size keys or parts of them, e.g. 100000-10000-2000 or 100000-')
    .option('--timeout <seconds>', 'time budget per size; a size over it is killed and reported', '120')
    .option('--seed <n>', 'generator seed', '1')
    .option('--eval-samples <n>', 'evaluate() calls timed per size (at most 5 s of them)', '1000')
    .option('--cpu-prof <dir>', 'profile each size (node --cpu-prof) into this folder and print a summary')
    .option('--json <file>', 'write every measurement as JSON')
    .option('--markdown <file>', 'write the tables as Markdown')
    .option('--cli', 'also time the built `netwarden map -o json --level workload` on the main sizes, from outside')
    .option('--tables-from <file>', 'measure nothing; print (and --markdown) the tables of a run saved with --json')
    .option('--keep', 'keep the generated manifests and maps (their folder is printed)');
}

export function parseBenchOptions(argv: readonly string[]): ParsedOptions {
  const cmd = command();
  try {
    cmd.parse([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return { kind: 'exit', code: error.exitCode === 0 ? 0 : 2 };
    throw error;
  }
  const opts = cmd.opts<Record<string, string | boolean | undefined>>();
  const errors: string[] = [];
  const series = list(String(opts['series'])).filter((id) => checkOne('--series', id, SERIES_IDS, errors)) as SeriesId[];
  const formats =
    typeof opts['formats'] === 'string'
      ? (list(opts['formats']).filter((f) => checkOne('--formats', f, MANIFEST_FORMATS, errors)) as ManifestFormat[])
      : undefined;
  const positive = (flag: string, value: unknown): number => {
    const n = Number(value);
    if (!Number.isSafeInteger(n) || n <= 0) errors.push(`${flag} ${String(value)}: expected a positive whole number`);
    return n;
  };
  const options: BenchOptions = {
    plan: opts['quick'] === true ? 'quick' : 'full',
    series,
    ...(formats === undefined ? {} : { formats }),
    only: typeof opts['only'] === 'string' ? list(opts['only']) : [],
    timeoutMs: positive('--timeout', opts['timeout']) * 1000,
    seed: positive('--seed', opts['seed']),
    evalSamples: positive('--eval-samples', opts['evalSamples']),
    ...(typeof opts['cpuProf'] === 'string' ? { cpuProfDir: opts['cpuProf'] } : {}),
    ...(typeof opts['json'] === 'string' ? { jsonFile: opts['json'] } : {}),
    ...(typeof opts['markdown'] === 'string' ? { markdownFile: opts['markdown'] } : {}),
    keep: opts['keep'] === true,
    cli: opts['cli'] === true,
    ...(typeof opts['tablesFrom'] === 'string' ? { tablesFrom: opts['tablesFrom'] } : {}),
  };
  if (errors.length > 0) {
    process.stderr.write(errors.map((e) => `bench: error: ${e}\n`).join(''));
    return { kind: 'exit', code: 2 };
  }
  return { kind: 'ok', options: Object.freeze(options) };
}

function checkOne(flag: string, value: string, allowed: readonly string[], errors: string[]): boolean {
  if (allowed.includes(value)) return true;
  errors.push(`${flag} ${value}: expected one of ${allowed.join(', ')}`);
  return false;
}
