// The shared corpora as lab cases: every recipe scenario (with its policies), and every
// netpol-analyzer input folder with 1..MAX_PODS pods and at least one NetworkPolicy,
// AdminNetworkPolicy, BaselineAdminNetworkPolicy or ClusterNetworkPolicy.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadDocuments, loadSources } from '../../src/load/index.js';
import type { Cluster } from '../../src/model/cluster.js';
import { corpusRoot } from '../conformance/corpus.js';
import { readScenarios, scenarioDocuments } from '../conformance/recipes-scenario.js';

export const MAX_PODS = 20;

export interface CorpusCase {
  readonly name: string;
  load(): Promise<Cluster>;
}

/** undefined when ../shared/corpus is absent. */
export function corpusCases(): CorpusCase[] | undefined {
  const root = corpusRoot();
  if (root === undefined) return undefined;
  const recipes = readScenarios(join(root, 'recipes')).map((scenario) => ({
    name: `recipes/${scenario.name}`,
    load: async () => loadDocuments(scenarioDocuments(scenario, { withPolicies: true }), { defaultNamespace: scenario.defaultNamespace }).cluster,
  }));
  const tests = join(root, 'netpol-analyzer', 'tests');
  const analyzer = readdirSync(tests)
    .sort()
    .map((name) => ({ name: `netpol-analyzer/tests/${name}`, load: async () => (await loadSources([join(tests, name)], { defaultNamespace: 'default' })).cluster }));
  return [...recipes, ...analyzer];
}

/** Small enough for the lab, and with something to check: a NetworkPolicy or a cluster-wide policy. */
export function labSized(cluster: Cluster): boolean {
  const policies = cluster.policies.length + (cluster.clusterPolicies?.length ?? 0);
  return cluster.pods.length > 0 && cluster.pods.length <= MAX_PODS && policies > 0;
}
