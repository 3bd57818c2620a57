// The header: what is loaded (sources, counts), live-reload state, and the load problems as the
// CLI prints them (every name in them is data: rendered as text).
import { useState } from 'preact/hooks';
import type { ClusterView } from '../../api-types.ts';
import { formatCount } from './format.ts';

function count(n: number, one: string, many = `${one}s`) {
  return (
    <span class="count">
      <b>{formatCount(n)}</b> {n === 1 ? one : many}
    </span>
  );
}

export function Header({ cluster, live }: { cluster: ClusterView | undefined; live: boolean }) {
  const [open, setOpen] = useState(false);
  const problems = cluster?.problems ?? [];
  const errors = problems.filter((p) => p.severity === 'error').length;
  return (
    <header class="header">
      <div class="brand">
        <span class="logo" aria-hidden="true">◆</span> netwarden <span class="sub">dashboard</span>
      </div>
      <div class="sources" title={cluster?.sources.join('\n') ?? ''}>
        {cluster === undefined ? 'loading…' : cluster.sources.join(', ')}
      </div>
      {cluster !== undefined ? (
        <div class="counts">
          {count(cluster.counts.namespaces, 'namespace')}
          {count(cluster.counts.workloads, 'workload')}
          {count(cluster.counts.pods, 'pod')}
          {count(cluster.counts.policies + cluster.counts.clusterPolicies, 'policy', 'policies')}
        </div>
      ) : null}
      <button type="button" class={problems.length === 0 ? 'problems-button ok' : errors > 0 ? 'problems-button bad' : 'problems-button warn'} data-testid="problems-button" onClick={() => setOpen(!open)} disabled={problems.length === 0}>
        {problems.length === 0 ? 'no load problems' : `${problems.length} load problem${problems.length === 1 ? '' : 's'}`}
      </button>
      <span class={live ? 'live on' : 'live'} title={live ? 'connected: the page reloads when the manifests change (netwarden ui --watch)' : 'not connected to the server'}>
        {live ? '● live' : '○ offline'}
      </span>
      {open && problems.length > 0 ? (
        <div class="problems" data-testid="problems">
          <ul>
            {problems.map((p) => (
              <li class={p.severity}>
                <span class="sev">{p.severity}</span> <code>{p.text}</code>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </header>
  );
}
