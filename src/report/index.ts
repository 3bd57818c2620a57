// The reporter registry: one formatter per output format and result (style rule 9).
import type { ConnectivityMap } from '../engine/types.js';
import type { ConnectivityDiff } from '../analysis/diff.js';
import { formatDiffCsv } from './diff-csv.js';
import { formatDiffDot } from './diff-dot.js';
import { formatDiffJson } from './diff-json.js';
import { formatDiffMarkdown } from './diff-md.js';
import { formatDiffMermaid } from './diff-mermaid.js';
import { formatDiffTable } from './diff-table.js';
import { formatDiffYaml } from './diff-yaml.js';
import type { IntentReport } from '../analysis/intents.js';
import type { EvalResult } from './eval-result.js';
import type { ExposureReport } from '../analysis/exposure.js';
import { formatExposureCsv } from './exposure-csv.js';
import { formatExposureDot } from './exposure-dot.js';
import { formatExposureJson } from './exposure-json.js';
import { formatExposureMarkdown } from './exposure-md.js';
import { formatExposureMermaid } from './exposure-mermaid.js';
import { formatExposureTable } from './exposure-table.js';
import { formatExposureYaml } from './exposure-yaml.js';
import type { LintResult } from '../analysis/lint/index.js';
import { formatLintJson } from './lint-json.js';
import { formatLintSarif } from './lint-sarif.js';
import { formatLintText } from './lint-text.js';
import { oneChunk } from './formatter.js';
import type { Formatter } from './formatter.js';
import { formatMapCsv } from './map-csv.js';
import { formatMapDot } from './map-dot.js';
import { formatMapJson } from './map-json.js';
import { formatMapMarkdown } from './map-markdown.js';
import { formatMapMermaid } from './map-mermaid.js';
import { formatMapTable } from './map-table.js';
import { formatMapWide } from './map-wide.js';
import { formatMapYaml } from './map-yaml.js';
import { formatTestJunit } from './test-junit.js';
import { formatTestText } from './test-text.js';
import { formatVerdictJson } from './verdict-json.js';
import { formatVerdictText } from './verdict-text.js';

export const MAP_OUTPUTS = ['table', 'wide', 'json', 'yaml', 'csv', 'md', 'dot', 'mermaid'] as const;
export type MapOutput = (typeof MAP_OUTPUTS)[number];

export const EVAL_OUTPUTS = ['text', 'json'] as const;
export type EvalOutput = (typeof EVAL_OUTPUTS)[number];

export const TEST_OUTPUTS = ['text', 'junit'] as const;
export type TestOutput = (typeof TEST_OUTPUTS)[number];

export const DIFF_OUTPUTS = ['table', 'json', 'yaml', 'csv', 'md', 'dot', 'mermaid'] as const;
export type DiffOutput = (typeof DIFF_OUTPUTS)[number];

export const LINT_OUTPUTS = ['text', 'json', 'sarif'] as const;
export type LintOutput = (typeof LINT_OUTPUTS)[number];

export const EXPOSURE_OUTPUTS = ['table', 'json', 'yaml', 'csv', 'md', 'dot', 'mermaid'] as const;
export type ExposureOutput = (typeof EXPOSURE_OUTPUTS)[number];

export const formatters = {
  map: {
    table: formatMapTable,
    wide: formatMapWide,
    json: formatMapJson,
    yaml: formatMapYaml,
    csv: formatMapCsv,
    md: formatMapMarkdown,
    dot: formatMapDot,
    mermaid: formatMapMermaid,
  } satisfies Record<MapOutput, Formatter<ConnectivityMap>>,
  // A verdict is a few lines: built whole, handed out as one chunk.
  eval: { text: oneChunk(formatVerdictText), json: oneChunk(formatVerdictJson) } satisfies Record<EvalOutput, Formatter<EvalResult>>,
  // At most a few explained pairs per intent: built whole.
  test: { text: oneChunk(formatTestText), junit: oneChunk(formatTestJunit) } satisfies Record<TestOutput, Formatter<IntentReport>>,
  diff: {
    table: formatDiffTable,
    json: formatDiffJson,
    yaml: formatDiffYaml,
    csv: formatDiffCsv,
    md: formatDiffMarkdown,
    dot: formatDiffDot,
    mermaid: formatDiffMermaid,
  } satisfies Record<DiffOutput, Formatter<ConnectivityDiff>>,
  lint: {
    text: formatLintText,
    json: oneChunk(formatLintJson),
    sarif: oneChunk(formatLintSarif),
  } satisfies Record<LintOutput, Formatter<LintResult>>,
  exposure: {
    table: formatExposureTable,
    json: formatExposureJson,
    yaml: formatExposureYaml,
    csv: formatExposureCsv,
    md: formatExposureMarkdown,
    dot: formatExposureDot,
    mermaid: formatExposureMermaid,
  } satisfies Record<ExposureOutput, Formatter<ExposureReport>>,
} as const;

export { DEFAULT_CHUNK_LENGTH, formatToString } from './formatter.js';
export type { Formatter, FormatOptions } from './formatter.js';
export type { EvalResult, EndpointChoice, PortChoice, ResolvedEnd } from './eval-result.js';
