/**
 * Kernel vs engine on seeded random three-tier clusters (test/lab/random-tiers.ts): AdminNetworkPolicies,
 * the BaselineAdminNetworkPolicy and ClusterNetworkPolicies of both tiers, mixed with NetworkPolicies,
 * compiled by nft-render.ts to ordered chains; every probe's fate must be what evaluate() says.
 * Root-only. NETWARDEN_LAB_TIER_CLUSTERS and NETWARDEN_LAB_SEED change how many and from which seed.
 */
import { differentialSuite } from './differential-suite.js';
import { randomTierCluster } from './random-tiers.js';

await differentialSuite({
  what: 'random three-tier cluster',
  lab: 'lttiers',
  generate: randomTierCluster,
  clusters: Number(process.env['NETWARDEN_LAB_TIER_CLUSTERS'] ?? 100),
  firstSeed: Number(process.env['NETWARDEN_LAB_SEED'] ?? 1),
});
