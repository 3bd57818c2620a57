// The dashboard shell: header with the cluster's counts and problems, tabs, and the five views.
// Views stay mounted when hidden so a laid-out graph or an edited policy survives a tab change.
import { useEffect, useState } from 'preact/hooks';
import type { ExplainQuery } from './api.ts';
import type { Tab } from './app-state.ts';
import { useDashboard } from './use-dashboard.ts';
import { Header } from './header.tsx';
import { Banners, TabBar } from './tab-bar.tsx';
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
  const { snapshot, error, whatIf, live, notice, setNotice, load, runWhatIf, clearWhatIf } = useDashboard();
  const [tab, setTab] = useState<Tab>('graph');
  const [explain, setExplain] = useState<ExplainRequest>();
  const [editRequest, setEditRequest] = useState<{ policyId: string; seq: number }>();
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
  const editInWhatIf = (policyId: string) => {
    setEditRequest({ policyId, seq: (editRequest?.seq ?? 0) + 1 });
    setTab('whatif');
  };
  const built = (t: Tab) => visited.has(t) || tab === t;
  const openExplain = (query: ExplainQuery) => {
    setExplain({ ...query, seq: (explain?.seq ?? 0) + 1 });
    setTab('explain');
  };

  return (
    <div class="shell">
      <Header cluster={snapshot?.cluster} live={live} />
      <TabBar tab={tab} whatIf={whatIf} onTab={setTab} onClearWhatIf={clearWhatIf} />
      <Banners error={error} notice={notice} onDismiss={() => setNotice(undefined)} />
      <main class="views">
        <section hidden={tab !== 'graph'} class="view">
          <GraphView map={map} cluster={snapshot?.cluster} diff={whatIf?.view.diff} visible={tab === 'graph'} onLevel={(l) => void load(l)} onExplain={openExplain} onNotice={setNotice} />
        </section>
        <section hidden={tab !== 'matrix'} class="view">
          {built('matrix') ? (
            <MatrixView map={map} cluster={snapshot?.cluster} visible={tab === 'matrix'} onExplain={openExplain} />
          ) : null}
        </section>
        <section hidden={tab !== 'explain'} class="view">
          {built('explain') ? (
            <ExplainView request={explain} map={map} workloads={snapshot?.cluster.workloads} />
          ) : null}
        </section>
        <section hidden={tab !== 'policies'} class="view">
          {built('policies') ? (
            <PoliciesView cluster={snapshot?.cluster} onEdit={editInWhatIf} />
          ) : null}
        </section>
        <section hidden={tab !== 'whatif'} class="view">
          {built('whatif') ? (
            <WhatIfView cluster={snapshot?.cluster} whatIf={whatIf} level={level ?? 'workload'} editRequest={editRequest} onApply={runWhatIf} onClear={clearWhatIf} />
          ) : null}
        </section>
      </main>
    </div>
  );
}
