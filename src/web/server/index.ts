// The dashboard server's public surface: `netwarden ui` and the tests start it through these.
export { DEFAULT_ADDRESS, DEFAULT_PORT, ListenError, serveDashboard, startDashboard } from './start-dashboard.js';
export type { Dashboard, DashboardOptions } from './start-dashboard.js';
export { loadSnapshot } from './snapshot.js';
export type { Snapshot } from './snapshot.js';
