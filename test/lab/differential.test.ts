/**
 * Kernel vs engine on seeded random clusters (test/lab/random-cluster.ts): every probe's fate in
 * real network namespaces with the nftables rulesets nft-render.ts compiles from the policies must
 * be what evaluate() says. Root-only: skipped with the reason printed when the lab cannot run.
 * NETWARDEN_LAB_CLUSTERS and NETWARDEN_LAB_SEED change how many clusters and from which seed.
 */
import { differentialSuite } from './differential-suite.js';
import { randomCluster } from './random-cluster.js';

await differentialSuite({
  what: 'random cluster',
  lab: 'ltdiff',
  generate: randomCluster,
  clusters: Number(process.env['NETWARDEN_LAB_CLUSTERS'] ?? 100),
  firstSeed: Number(process.env['NETWARDEN_LAB_SEED'] ?? 1),
});
