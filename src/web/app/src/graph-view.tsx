// The Graph tab: who can talk to whom. Clicking an edge explains it; clicking a node shows its
// details; double-clicking a namespace (namespace level) shows its workloads. The cluster-wide
// peers of the exposure report are drawn with the map (graph-peers.ts), except during a what-if
// (the report is the loaded cluster's) and, at namespace level on a big cluster, only for the
// node clicked.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ClusterView, DiffJson, MapLevel, MapView } from '../../api-types.ts';
import { fetchExposure, fetchMap } from './api.ts';
import type { ExplainQuery } from './api.ts';
import { GraphController } from './graph-controller.ts';
import { graphElements } from './graph-elements.ts';
import { GraphToolbar } from './graph-toolbar.tsx';
import { NodeDetails } from './node-details.tsx';
import { PeerDetails } from './peer-details.tsx';
import { isPeerNode, peerElements, peerIndex } from './graph-peers.ts';
import type { PeerIndex } from './graph-peers.ts';
import { Legend } from './legend.tsx';
import { registry } from './hook.ts';
import { EXPAND_LIMIT, expandNamespaces } from './map-model.ts';
import { explainQueryFor } from './explain-query.ts';
import { formatCount } from './format.ts';

/** At namespace level, up to this many workloads the peers are drawn with the map; above, for the node clicked. */
const PEERS_INLINE_WORKLOADS = 300;

/** The exposure report behind the peer nodes, for one generation and level; null when it could not be loaded. */
interface Peers {
  key: string;
  index: PeerIndex | null;
}

interface Props {
  map: MapView | undefined;
  cluster: ClusterView | undefined;
  diff: DiffJson | undefined;
  visible: boolean;
  onLevel(level: MapLevel): void;
  onExplain(query: ExplainQuery): void;
  onNotice(text: string): void;
}

export function GraphView({ map, cluster, diff, visible, onLevel, onExplain, onNotice }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const controller = useRef<GraphController | undefined>(undefined);
  const [selected, setSelected] = useState<string>();
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [workloadMap, setWorkloadMap] = useState<MapView>();
  const [drawn, setDrawn] = useState<{ shown: MapView; peers: PeerIndex | null }>();
  const [peers, setPeers] = useState<Peers>();
  const shown = useMemo(() => (map !== undefined && map.level === 'namespace' && workloadMap !== undefined && diff === undefined ? expandNamespaces(map, workloadMap, expanded) : map), [map, workloadMap, expanded, diff]);
  const exposureLevel = shown?.level === 'pod' ? 'pod' : 'workload';
  const peersKey = cluster === undefined ? undefined : `${cluster.generation}:${exposureLevel}`;
  const inline = diff === undefined && shown !== undefined && (shown.level !== 'namespace' || (cluster?.counts.workloads ?? 0) <= PEERS_INLINE_WORKLOADS);
  const peersWanted = diff === undefined && shown !== undefined && (inline || selected !== undefined);
  const loadedPeers = peers !== undefined && peers.key === peersKey ? peers.index : undefined;
  const handlers = useRef({ onEdge: (_f: string, _t: string) => undefined as void, onExpand: (_id: string) => undefined as void });

  handlers.current.onEdge = (from, to) => {
    const peer = [from, to].find(isPeerNode);
    if (peer !== undefined) {
      setSelected(peer);
      return onNotice('This edge comes from the exposure report: a rule admits these pods, existing or not. The side panel lists what the peer reaches and is reached from.');
    }
    const query = shown === undefined ? undefined : explainQueryFor(shown, from, to);
    if (query === undefined) onNotice('A namespace-level connection groups many workload pairs: double-click a namespace to show its workloads, then click one of their edges to explain it.');
    else onExplain(query);
  };
  handlers.current.onExpand = (id) => void expand(id);

  async function expand(namespace: string) {
    if ((cluster?.counts.workloads ?? 0) > EXPAND_LIMIT) return onNotice(`This cluster has ${formatCount(cluster?.counts.workloads ?? 0)} workloads: showing one namespace's workloads would load the whole workload-level map, so they are listed in the side panel instead.`);
    if (diff !== undefined) return onNotice('Show the loaded map (not the what-if) to expand namespaces.');
    if (workloadMap === undefined) {
      const loaded = await fetchMap('workload');
      if (loaded.kind === 'error') return onNotice(loaded.message);
      setWorkloadMap(loaded.value);
    }
    setSelected(undefined);
    setExpanded(new Set([...expanded, namespace]));
  }

  useEffect(() => {
    if (container.current === null) return undefined;
    const c = new GraphController(container.current, { onEdge: (f, t) => handlers.current.onEdge(f, t), onNode: setSelected, onExpand: (id) => handlers.current.onExpand(id) });
    controller.current = c;
    registry.graph = {
      nodes: () => c.cy.nodes().map((n) => n.id()),
      edges: () => c.cy.edges().map((e) => [e.source().id(), e.target().id()] as [string, string]),
      edgePoint: (from, to) => c.edgePoint(from, to),
      nodePoint: (id) => c.nodePoint(id),
      laidOut: () => c.laidOut,
      nodeLabel: (id) => (c.cy.getElementById(id).empty() ? null : String(c.cy.getElementById(id).data('label'))),
      edgeLabel: (from, to) => {
        const edge = c.cy.edges().filter((e) => e.source().id() === from && e.target().id() === to);
        return edge.empty() ? null : String(edge.first().data('label'));
      },
    };
    return () => {
      registry.graph = undefined;
      c.destroy();
    };
  }, []);

  useEffect(() => {
    if (!peersWanted || peersKey === undefined || peers?.key === peersKey) return undefined;
    let current = true;
    void fetchExposure(exposureLevel).then((loaded) => {
      if (current) setPeers({ key: peersKey, index: loaded.kind === 'ok' ? peerIndex(loaded.value) : null });
    });
    return () => void (current = false);
  }, [peersWanted, peersKey]);

  // Hidden, the container has no size; cytoscape notices its return only after a 100 ms debounce,
  // and a click before that falls on empty canvases.
  useEffect(() => {
    if (visible) controller.current?.cy.resize();
  }, [visible]);

  // With the map: the peers drawn inline wait for the report, so the layout runs once.
  useEffect(() => {
    const c = controller.current;
    if (c === undefined || shown === undefined || !visible || (inline && loadedPeers === undefined)) return;
    const inlinePeers = inline ? (loadedPeers ?? null) : null;
    if (drawn !== undefined && drawn.shown === shown && drawn.peers === inlinePeers) return;
    c.cy.resize();
    c.setElements([...graphElements(shown, cluster, diff), ...(inlinePeers === null ? [] : peerElements(inlinePeers, shown))], () => undefined);
    setDrawn({ shown, peers: inlinePeers });
  }, [shown, visible, cluster, diff, drawn, inline, loadedPeers]);

  // A big cluster's namespace level: the peers of the node clicked, beside it.
  useEffect(() => {
    const c = controller.current;
    if (c === undefined || inline || shown === undefined || (selected !== undefined && isPeerNode(selected))) return;
    const focus = diff === undefined && selected !== undefined && loadedPeers ? peerElements(loadedPeers, shown, selected) : [];
    c.setOverlay(focus, selected);
  }, [selected, loadedPeers, drawn, inline, diff]);

  useEffect(() => {
    if (map?.level !== 'namespace') setExpanded(new Set());
  }, [map?.level]);
  // After a reload the workload map behind the open namespaces is fetched again.
  useEffect(() => {
    if (workloadMap === undefined) return;
    void fetchMap('workload').then((loaded) => setWorkloadMap(loaded.kind === 'ok' ? loaded.value : undefined));
  }, [cluster?.generation]);

  const level = map?.level;
  return (
    <div class="graph-view">
      <GraphToolbar level={level} workloads={cluster?.counts.workloads ?? 0} controller={controller.current} expanded={expanded} onLevel={onLevel} onCollapse={() => setExpanded(new Set())} endpoints={shown?.endpoints ?? []} onFind={(id) => controller.current?.focus(id) ?? false} />
      <div class="graph-area">
        <div class="graph-canvas" ref={container} data-testid="graph" />
        {selected !== undefined && isPeerNode(selected) && loadedPeers ? <PeerDetails id={selected} index={loadedPeers} onClose={() => setSelected(undefined)} /> : null}
        {selected !== undefined && shown !== undefined && (shown.endpoints.some((e) => e.id === selected) || selected.startsWith('ns:')) ? (
          <NodeDetails id={selected} map={shown} cluster={cluster} expandable={level === 'namespace'} onExpand={(ns) => void expand(ns)} onClose={() => setSelected(undefined)} onExplain={onExplain} />
        ) : null}
      </div>
      <Legend level={level} whatIf={diff !== undefined} large={controller.current?.large ?? false} peers={diff === undefined} />
    </div>
  );
}
