// The side panel for a selected node: labels, pods, isolation; a namespace's workloads.
import type { ClusterView, MapView } from '../../api-types.ts';
import type { ExplainQuery } from './api.ts';
import { EXPAND_LIMIT, isExternal, isNamespace } from './map-model.ts';
import { portsText } from './ports.ts';
import { explainQueryFor } from './explain-query.ts';

interface Props {
  id: string;
  map: MapView;
  cluster: ClusterView | undefined;
  expandable: boolean;
  onExpand(namespace: string): void;
  onClose(): void;
  onExplain(query: ExplainQuery): void;
}

function Labels({ labels }: { labels: Record<string, string> | undefined }) {
  const entries = Object.entries(labels ?? {});
  if (entries.length === 0) return <span class="muted">no labels</span>;
  return <span class="chips">{entries.map(([k, v]) => <code class="chip">{k}={v}</code>)}</span>;
}

function Connections({ id, map, onExplain }: { id: string; map: MapView; onExplain(query: ExplainQuery): void }) {
  const outgoing = map.connections.filter((c) => c.from === id);
  const incoming = map.connections.filter((c) => c.to === id);
  // Every other endpoint that has no connection to this one (two outside ranges are no pair).
  const sources = new Set(incoming.map((c) => c.from));
  const self = map.endpoints.find((e) => e.id === id);
  const denied = map.endpoints.filter((e) => e.id !== id && !sources.has(e.id) && !(isExternal(e) && self !== undefined && isExternal(self)));
  const more = (n: number) => (n > 50 ? <li class="muted">and {n - 50} more</li> : null);
  const row = (other: string, from: string, to: string, ports: string) => {
    const query = explainQueryFor(map, from, to);
    return (
      <li>
        {query === undefined ? <span>{other}</span> : <button type="button" class="link" onClick={() => onExplain(query)}>{other}</button>} <span class="muted">{ports}</span>
      </li>
    );
  };
  return (
    <>
      <h4>Reaches ({outgoing.length})</h4>
      <ul class="plain">{outgoing.slice(0, 50).map((c) => row(c.to, c.from, c.to, portsText(c.allow)))}{more(outgoing.length)}</ul>
      <h4>Reached from ({incoming.length})</h4>
      <ul class="plain">{incoming.slice(0, 50).map((c) => row(c.from, c.from, c.to, portsText(c.allow)))}{more(incoming.length)}</ul>
      <h4>Not reached from ({denied.length})</h4>
      <ul class="plain">{denied.slice(0, 50).map((e) => row(e.id, e.id, id, 'denied'))}{more(denied.length)}</ul>
    </>
  );
}

export function NodeDetails({ id, map, cluster, expandable, onExpand, onClose, onExplain }: Props) {
  const endpoint = map.endpoints.find((e) => e.id === id);
  const workload = cluster?.workloads.find((w) => w.id === id);
  const namespace = endpoint !== undefined && isNamespace(endpoint) ? cluster?.namespaces.find((n) => n.name === id) : cluster?.namespaces.find((n) => `ns:${n.name}` === id);
  const iso = workload?.isolated ?? (endpoint !== undefined && !isExternal(endpoint) ? endpoint.isolated : undefined);
  const members = namespace === undefined ? [] : (cluster?.workloads ?? []).filter((w) => w.namespace === namespace.name);
  return (
    <aside class="details" data-testid="node-details">
      <button type="button" class="close" aria-label="close" onClick={onClose}>×</button>
      <h3>{endpoint !== undefined && isExternal(endpoint) ? endpoint.id : (workload?.name ?? namespace?.name ?? id)}</h3>
      <div class="muted">{endpoint !== undefined && isExternal(endpoint) ? `outside the cluster: ${endpoint.cidrs.join(', ')}` : (workload !== undefined ? `${workload.kind} in ${workload.namespace} · ${workload.podCount} pods` : namespace !== undefined ? `namespace · ${namespace.workloadCount} workloads · ${namespace.podCount} pods` : endpoint?.kind ?? '')}</div>
      {workload !== undefined || namespace !== undefined ? <p><Labels labels={workload?.labels ?? namespace?.labels} /></p> : null}
      {iso !== undefined ? <p>Isolated for ingress: <b>{iso.ingress ? 'yes' : 'no'}</b> · egress: <b>{iso.egress ? 'yes' : 'no'}</b></p> : null}
      {workload?.pods !== undefined ? <p class="muted">Pods: {workload.pods.slice(0, 20).join(', ')}{workload.pods.length > 20 ? ', …' : ''}</p> : null}
      {expandable && endpoint !== undefined && isNamespace(endpoint) && (cluster?.counts.workloads ?? 0) <= EXPAND_LIMIT ? <button type="button" onClick={() => onExpand(endpoint.id)}>Show its workloads</button> : null}
      {members.length > 0 && endpoint !== undefined && isNamespace(endpoint) ? (
        <>
          <h4>Workloads ({members.length})</h4>
          <ul class="plain">{members.slice(0, 200).map((w) => <li>{w.name} <span class="muted">{w.kind} · {w.podCount} pods{w.isolated.ingress ? ' · isolated' : ''}</span></li>)}</ul>
        </>
      ) : null}
      <Connections id={id} map={map} onExplain={onExplain} />
    </aside>
  );
}
