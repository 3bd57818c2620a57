export * from './common.js';
export * from './source.js';
export * from './label-selector.js';
export * from './cluster.js';
export * from './network-policy.js';
export * from './problem.js';
export * from './cluster-policy.js';
