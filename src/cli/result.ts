// The Result type lives in the core (src/analysis/result.ts): endpoint and port resolution, shared
// by the CLI and the dashboard server, return it too.
export { fail, ok } from '../analysis/result.js';
export type { Result } from '../analysis/result.js';
