// The tabs, and while a what-if is applied, what it changed and the way back to the loaded map.
import type { WhatIfState, Tab } from './app-state.ts';
import { TABS } from './app-state.ts';

interface Props {
  tab: Tab;
  whatIf: WhatIfState | undefined;
  onTab(tab: Tab): void;
  onClearWhatIf(): void;
}

export function TabBar({ tab, whatIf, onTab, onClearWhatIf }: Props) {
  const summary = whatIf?.view.diff.summary;
  return (
    <nav class="tabs" role="tablist">
      {TABS.map((t) => (
        <button type="button" role="tab" aria-selected={tab === t.id} class={tab === t.id ? 'tab active' : 'tab'} data-testid={`tab-${t.id}`} onClick={() => onTab(t.id)}>
          {t.label}
          {t.id === 'whatif' && whatIf !== undefined ? <span class="dot" title="a what-if is applied" /> : null}
        </button>
      ))}
      {summary !== undefined ? (
        <div class="whatif-banner">
          What-if applied: {summary.added} added, {summary.removed} removed, {summary.changed} changed
          <button type="button" class="link" onClick={onClearWhatIf}>
            show the loaded map
          </button>
        </div>
      ) : null}
    </nav>
  );
}

/** The load error, and a dismissable note (a live reload, a hint from the graph). */
export function Banners({ error, notice, onDismiss }: { error: string | undefined; notice: string | undefined; onDismiss(): void }) {
  return (
    <>
      {error !== undefined ? <div class="banner error">{error}</div> : null}
      {notice !== undefined ? (
        <div class="banner info" role="status">
          {notice}
          <button type="button" class="link" onClick={onDismiss}>
            dismiss
          </button>
        </div>
      ) : null}
    </>
  );
}
