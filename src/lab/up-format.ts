// What `lab up` prints: the namespaces it made and how to use them. Pure.
import type { LabPlan } from './plan.js';

export function formatLabUp(plan: LabPlan, millis: number): string {
  const { topology } = plan;
  const name = plan.options.name;
  const pods = topology.hosts.filter((h) => h.kind === 'pod');
  const externals = topology.hosts.filter((h) => h.kind === 'external');
  const lines = [
    `lab "${name}" is up in ${(millis / 1000).toFixed(1)} s: ${pods.length} pods, ${externals.length} external hosts, ${plan.serviceNames.length} Services; nftables table ${plan.table} in each pod's namespace.`,
    '',
  ];
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

function examples(plan: LabPlan): string[] {
  const name = plan.options.name;
  const first = plan.topology.hosts.find((h) => h.kind === 'pod');
  const out: string[] = [];
  if (first !== undefined) {
    const [namespace] = first.identity.split('/');
    const service = plan.serviceNames.find((s) => s.namespace === namespace && !first.identity.startsWith(`${s.namespace}/${s.name}`)) ?? plan.serviceNames[0];
    const target = service === undefined ? plan.topology.hosts.find((h) => h !== first)?.addresses[0] : service.namespace === namespace ? service.name : `${service.name}.${service.namespace}.svc.cluster.local`;
    if (target !== undefined) out.push(`  ip netns exec ${first.netns} curl -m 3 http://${target.includes(':') ? `[${target}]` : target}`);
    out.push(`  ip netns exec ${first.netns} nft list ruleset`);
  }
  out.push(`  netwarden lab probe --name ${name}`, `  netwarden lab down --name ${name}`);
  return out;
}
