// The reporter registry: one formatter per output format and result (style rule 9).
import type { ConnectivityMap } from '../engine/types.js';
import type { EvalResult } from './eval-result.js';
import { formatMapJson } from './map-json.js';
import { formatMapTable } from './map-table.js';
import { formatVerdictJson } from './verdict-json.js';
import { formatVerdictText } from './verdict-text.js';

export const MAP_OUTPUTS = ['table', 'json'] as const;
export type MapOutput = (typeof MAP_OUTPUTS)[number];

export const EVAL_OUTPUTS = ['text', 'json'] as const;
export type EvalOutput = (typeof EVAL_OUTPUTS)[number];

export type Formatter<Result> = (result: Result) => string;

export const formatters = {
  map: { table: formatMapTable, json: formatMapJson } satisfies Record<MapOutput, Formatter<ConnectivityMap>>,
  eval: { text: formatVerdictText, json: formatVerdictJson } satisfies Record<EvalOutput, Formatter<EvalResult>>,
} as const;

export type { EvalResult, EndpointChoice, PortChoice, ResolvedEnd } from './eval-result.js';
