// The engine's public surface. Implementations: compile.ts, evaluate.ts, connectivity.ts.
export type * from './types.js';
export { DEFAULT_ENGINE_OPTIONS, isExternalEndpoint } from './types.js';
export { compileCluster, type CompiledCluster } from './compile.js';
export { evaluate } from './evaluate.js';
export { classConnectivity, connectivity, expandConnectivity, workloadEndpoint, type ClassConnectivity, type ConnectivityOptions } from './connectivity.js';
