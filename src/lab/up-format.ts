// What `lab up` prints: the namespaces it made and how to use them. Pure.
import type { LabPlan } from './plan.js';

export function formatLabUp(plan: LabPlan, millis: number): string {
  const { topology } = plan;
  const name = plan.options.name;
  const pods = topology.hosts.filter((h) => h.kind === 'pod');
  const externals = topology.hosts.filter((h) => h.kind === 'external');
  const counts = `${pods.length} pods, ${externals.length} external hosts, ${plan.serviceNames.length} Services`;
  const lines = [`lab "${name}" is up in ${(millis / 1000).toFixed(1)} s: ${counts}; nftables table ${plan.table} in each pod's namespace.`, ''];
  const rows = topology.hosts.map((h) => [h.netns, h.addresses.join(', '), h.identity]);
  const widths = [0, 1].map((i) => Math.max(i === 0 ? 'NETWORK NAMESPACE'.length : 'ADDRESS'.length, ...rows.map((r) => (r[i] ?? '').length)));
  const row = (cells: readonly string[]): string => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i] ?? 0) : c)).join('  ');
  lines.push(row(['NETWORK NAMESPACE', 'ADDRESS', 'ENDPOINT']), ...rows.map(row));
  for (const service of plan.serviceNames) {
    const ports = plan.services.filter((s) => s.service === `${service.namespace}/${service.name}`);
    const text = ports.map((p) => `${p.protocol}/${p.port} -> ${p.endpoints.length} endpoint${p.endpoints.length === 1 ? '' : 's'}`).join(', ');
    lines.push(`Service ${service.namespace}/${service.name}: ${service.clusterIP} ${text}`);
  }
  lines.push(...plan.notes.map((note) => `note: ${note}`), '', 'Try:', ...examples(plan));
  return `${lines.join('\n')}\n`;
}

/** A curl to each Service (at most three) from the last pod that is not behind it, then how to look and go on. */
function examples(plan: LabPlan): string[] {
  const name = plan.options.name;
  const pods = plan.topology.hosts.filter((h) => h.kind === 'pod');
  const out: string[] = [];
  for (const service of plan.serviceNames.slice(0, 3)) {
    const behind = new Set(plan.services.filter((s) => s.service === `${service.namespace}/${service.name}`).flatMap((s) => s.endpoints.map((e) => e.ip)));
    const client = pods.filter((h) => !h.addresses.some((a) => behind.has(a))).at(-1);
    if (client === undefined) continue;
    const sameNamespace = client.identity.startsWith(`${service.namespace}/`);
    out.push(`  ip netns exec ${client.netns} curl -m 3 http://${sameNamespace ? service.name : `${service.name}.${service.namespace}.svc.cluster.local`}`);
  }
  const first = pods[0];
  if (out.length === 0 && first !== undefined) {
    const other = plan.topology.hosts.find((h) => h !== first)?.addresses[0];
    if (other !== undefined) out.push(`  ip netns exec ${first.netns} curl -m 3 http://${other.includes(':') ? `[${other}]` : other}`);
  }
  if (first !== undefined) out.push(`  ip netns exec ${first.netns} nft list ruleset`);
  out.push(`  netwarden lab probe --name ${name}`, `  netwarden lab down --name ${name}`);
  return out;
}
