// The dashboard shell: header with the cluster's counts and problems, tabs, and the five views.
// Views stay mounted when hidden so a laid-out graph or an edited policy survives a tab change.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { MapLevel, WhatIfEdit } from '../../api-types.ts';
import { subscribeReload } from './api.ts';
import type { ExplainQuery } from './api.ts';
import { TABS, applyWhatIf, loadSnapshot } from './app-state.ts';
import type { Snapshot, Tab, WhatIfState } from './app-state.ts';
import { Header } from './header.tsx';
import { registry } from './hook.ts';
import { ExplainView } from './explain-view.tsx';
import { GraphView } from './graph-view.tsx';
import { MatrixView } from './matrix-view.tsx';
import { PoliciesView } from './policies-view.tsx';
import { WhatIfView } from './whatif-view.tsx';

export interface ExplainRequest extends ExplainQuery {
  seq: number;
}

export function App() {
  const [snapshot, setSnapshot] = useState<Snapshot>();
  const [error, setError] = useState<string>();
  const [tab, setTab] = useState<Tab>('graph');
  const [whatIf, setWhatIf] = useState<WhatIfState>();
  const [explain, setExplain] = useState<ExplainRequest>();
  const [live, setLive] = useState(false);
  const [notice, setNotice] = useState<string>();
  const [editRequest, setEditRequest] = useState<{ policyId: string; seq: number }>();
  const whatIfRef = useRef<WhatIfState | undefined>(undefined);
  whatIfRef.current = whatIf;

  const load = useCallback(async (level: MapLevel | undefined) => {
    const result = await loadSnapshot(level);
    if (result.kind === 'error') return setError(result.message);
    setError(undefined);
    setSnapshot(result.snapshot);
    registry.level = result.snapshot.map.level;
    registry.generation = result.snapshot.cluster.generation;
    registry.ready = true;
    const edits = whatIfRef.current?.edits;
    if (edits !== undefined) await runWhatIf(edits, result.snapshot.map.level);
  }, []);

  const runWhatIf = useCallback(async (edits: WhatIfEdit[], level: MapLevel): Promise<string | undefined> => {
    const result = await applyWhatIf(edits, level);
    if (result.kind === 'error') return result.message;
    setWhatIf(result.state);
    registry.whatIf = true;
    return undefined;
  }, []);

  useEffect(() => void load(undefined), [load]);
  useEffect(
    () =>
      subscribeReload(
        (event) => {
          setNotice(`Manifests changed on disk: reloaded (generation ${event.generation}).`);
          void load(registry.level as MapLevel | undefined);
        },
        setLive,
      ),
    [load],
  );
  // A view is built the first time its tab opens (then kept): the first paint of a big cluster
  // only pays for the graph.
  const [visited, setVisited] = useState<ReadonlySet<Tab>>(new Set(['graph']));
  useEffect(() => {
    registry.tab = tab;
    if (!visited.has(tab)) setVisited(new Set([...visited, tab]));
  }, [tab]);

  const level = snapshot?.map.level;
  const map = whatIf?.view.map ?? snapshot?.map;
  registry.map = map;
  const openExplain = (query: ExplainQuery) => {
    setExplain({ ...query, seq: (explain?.seq ?? 0) + 1 });
    setTab('explain');
  };
  const clearWhatIf = () => {
    setWhatIf(undefined);
    registry.whatIf = false;
  };

  return (
    <div class="shell">
      <Header cluster={snapshot?.cluster} live={live} />
      <nav class="tabs" role="tablist">
        {TABS.map((t) => (
          <button type="button" role="tab" aria-selected={tab === t.id} class={tab === t.id ? 'tab active' : 'tab'} data-testid={`tab-${t.id}`} onClick={() => setTab(t.id)}>
            {t.label}
            {t.id === 'whatif' && whatIf !== undefined ? <span class="dot" title="a what-if is applied" /> : null}
          </button>
        ))}
        {whatIf !== undefined ? (
          <div class="whatif-banner">
            What-if applied: {whatIf.view.diff.summary.added} added, {whatIf.view.diff.summary.removed} removed, {whatIf.view.diff.summary.changed} changed
            <button type="button" class="link" onClick={clearWhatIf}>
              show the loaded map
            </button>
          </div>
        ) : null}
      </nav>
      {error !== undefined ? <div class="banner error">{error}</div> : null}
      {notice !== undefined ? (
        <div class="banner info" role="status">
          {notice}
          <button type="button" class="link" onClick={() => setNotice(undefined)}>
            dismiss
          </button>
        </div>
      ) : null}
      <main class="views">
        <section hidden={tab !== 'graph'} class="view">
          <GraphView map={map} cluster={snapshot?.cluster} diff={whatIf?.view.diff} visible={tab === 'graph'} onLevel={(l) => void load(l)} onExplain={openExplain} onNotice={setNotice} />
        </section>
        <section hidden={tab !== 'matrix'} class="view">
          {visited.has('matrix') || tab === 'matrix' ? (
            <MatrixView map={map} cluster={snapshot?.cluster} visible={tab === 'matrix'} onExplain={openExplain} />
          ) : null}
        </section>
        <section hidden={tab !== 'explain'} class="view">
          {visited.has('explain') || tab === 'explain' ? (
            <ExplainView request={explain} map={map} />
          ) : null}
        </section>
        <section hidden={tab !== 'policies'} class="view">
          {visited.has('policies') || tab === 'policies' ? (
            <PoliciesView cluster={snapshot?.cluster} onEdit={(policyId) => { setEditRequest({ policyId, seq: (editRequest?.seq ?? 0) + 1 }); setTab('whatif'); }} />
          ) : null}
        </section>
        <section hidden={tab !== 'whatif'} class="view">
          {visited.has('whatif') || tab === 'whatif' ? (
            <WhatIfView cluster={snapshot?.cluster} whatIf={whatIf} level={level ?? 'workload'} editRequest={editRequest} onApply={runWhatIf} onClear={clearWhatIf} />
          ) : null}
        </section>
      </main>
    </div>
  );
}
