// What `netwarden eval` reports is built in the core (src/analysis/eval-result.ts); the formatters
// of this folder import it from here.
export type { EndpointChoice, EvalResult, PortChoice, ResolvedEnd } from '../analysis/eval-result.js';
