/**
 * The recipes corpus (corpus/recipes/README.md): one scenario per tutorial recipe, restated as
 * data. This file turns a scenario into the Kubernetes objects the recipe would have created, as
 * JSON documents for the loader, and names its checks.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readJson } from './corpus.js';

export interface ScenarioPort {
  readonly name?: string;
  readonly containerPort: number;
  readonly protocol: string;
}

export interface ScenarioCheck {
  readonly from: string;
  readonly to: string;
  readonly port: number | null;
  readonly protocol: string;
  readonly allowed: boolean;
  readonly note?: string;
  readonly servicePort?: number;
}

export interface Scenario {
  readonly name: string;
  readonly defaultNamespace: string;
  readonly namespaces: readonly { name: string; labels: Record<string, string> }[];
  readonly pods: readonly { namespace: string; name: string; labels: Record<string, string>; ip: string; ports: readonly ScenarioPort[] }[];
  readonly services: readonly {
    namespace: string;
    name: string;
    type: string;
    clusterIP: string;
    selector: Record<string, string>;
    ports: readonly { name?: string; port: number; targetPort: number | string; protocol: string }[];
  }[];
  readonly policies: readonly Record<string, unknown>[];
  readonly checks: readonly ScenarioCheck[];
  readonly baselineChecks?: readonly ScenarioCheck[];
}

export function readScenarios(dir: string): Scenario[] {
  return readdirSync(dir)
    .filter((f) => /^\d.*\.json$/.test(f))
    .sort()
    .map((f) => readJson(join(dir, f)) as Scenario);
}

export interface LoaderInput {
  readonly file: string;
  readonly text: string;
}

/**
 * Namespaces with their labels, Pods with labels, status.podIP(s) and container ports, Services,
 * and (unless `withPolicies` is false, for baseline checks) the policies exactly as written.
 * One JSON document per object, so a loader problem names the object.
 */
export function scenarioDocuments(scenario: Scenario, options: { withPolicies: boolean }): LoaderInput[] {
  const docs: LoaderInput[] = [];
  const add = (kind: string, name: string, object: unknown): void => {
    docs.push({ file: `recipes/${scenario.name}/${kind}-${name}.json`, text: JSON.stringify(object, null, 2) });
  };
  for (const ns of scenario.namespaces) {
    add('namespace', ns.name, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns.name, labels: ns.labels } });
  }
  for (const pod of scenario.pods) add('pod', `${pod.namespace}.${pod.name}`, podObject(pod));
  for (const svc of scenario.services) {
    add('service', `${svc.namespace}.${svc.name}`, {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: svc.name, namespace: svc.namespace },
      spec: { type: svc.type, clusterIP: svc.clusterIP, selector: svc.selector, ports: svc.ports },
    });
  }
  if (options.withPolicies) {
    scenario.policies.forEach((policy, i) => add('policy', String(i), policy));
  }
  return docs;
}

function podObject(pod: Scenario['pods'][number]): unknown {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: pod.name, namespace: pod.namespace, labels: pod.labels },
    spec: { containers: [{ name: pod.name, image: 'registry.k8s.io/e2e-test-images/agnhost:2.53', ports: pod.ports }] },
    status: { phase: 'Running', podIP: pod.ip, podIPs: [{ ip: pod.ip }] },
  };
}

/** Stable ids: `<scenario>/check-<n>` and `<scenario>/baseline-<n>` (1-based, file order). */
export function checkId(scenario: Scenario, kind: 'check' | 'baseline', index: number): string {
  return `${scenario.name}/${kind}-${index + 1}`;
}

/** Feature tags of a scenario (from its policies) and of one check (from its endpoints). */
export function scenarioTags(scenario: Scenario): string[] {
  const tags = new Set<string>();
  const text = JSON.stringify(scenario.policies);
  if (text.includes('"ipBlock"')) tags.add('ipblock');
  if (text.includes('"endPort"')) tags.add('endPort');
  if (/"port":\s*"[^"]+"/.test(text)) tags.add('named-port');
  if (text.includes('"namespaceSelector"')) tags.add('namespace-selector');
  if (scenario.policies.length > 1) tags.add('multi-policy');
  for (const policy of scenario.policies) {
    const spec = (policy['spec'] ?? {}) as { policyTypes?: string[]; egress?: unknown[] };
    if ((spec.policyTypes ?? []).includes('Egress') || (spec.egress ?? []).length > 0) tags.add('egress');
  }
  return [...tags];
}

export function checkTags(check: ScenarioCheck, kind: 'check' | 'baseline'): string[] {
  const tags: string[] = [];
  if (!check.from.includes('/') || !check.to.includes('/')) tags.push('external');
  if (check.protocol === 'ICMP') tags.push('icmp');
  if (check.servicePort !== undefined) tags.push('service-port');
  if (kind === 'baseline') tags.push('baseline');
  return tags;
}
