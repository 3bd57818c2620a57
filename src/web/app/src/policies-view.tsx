// The Policies tab: every policy, what it selects, and what it does in plain English.
import { useState } from 'preact/hooks';
import type { ClusterView, PolicyView } from '../../api-types.ts';
import { YamlBlock } from './yaml-block.tsx';
import { formatCount } from './format.ts';

function matches(p: PolicyView, text: string): boolean {
  const t = text.trim().toLowerCase();
  return t === '' || p.id.toLowerCase().includes(t) || p.summary.some((s) => s.toLowerCase().includes(t));
}

function PolicyCard({ policy, open, onEdit }: { policy: PolicyView; open: boolean; onEdit(id: string): void }) {
  const w = policy.selects.workloads;
  return (
    <article class="policy-card" data-policy={policy.id}>
      <div class="policy-head">
        <b>{policy.id}</b> <span class="badge">{policy.kind}</span>
        {policy.priority !== undefined ? <span class="badge soft">priority {policy.priority}</span> : null}
        {policy.tier !== undefined ? <span class="badge soft">{policy.tier}</span> : null}
        <span class="muted">{policy.file}:{policy.line}</span>
        <span class="spacer" />
        <button type="button" onClick={() => onEdit(policy.id)}>Edit in what-if</button>
      </div>
      <ul class="summary">{policy.summary.map((s) => <li>{s}</li>)}</ul>
      <div class="muted">
        Selects {formatCount(policy.selects.pods)} pod{policy.selects.pods === 1 ? '' : 's'}
        {w.length > 0 ? `: ${w.slice(0, 8).join(', ')}${w.length > 8 ? `, and ${w.length - 8} more` : ''}` : ''}
      </div>
      <details open={open}>
        <summary>YAML</summary>
        <YamlBlock yaml={policy.yaml} firstLine={policy.line} highlight={[]} />
      </details>
    </article>
  );
}

export function PoliciesView({ cluster, onEdit }: { cluster: ClusterView | undefined; onEdit(id: string): void }) {
  const [text, setText] = useState('');
  const [limit, setLimit] = useState(200);
  const all = cluster?.policies ?? [];
  const shown = all.filter((p) => matches(p, text));
  return (
    <div class="policies-view" data-testid="policies-panel">
      <div class="toolbar">
        <input type="search" placeholder="Filter by name or by what the policy does" value={text} onInput={(e) => setText(e.currentTarget.value)} />
        <span class="muted">{formatCount(shown.length)} of {formatCount(all.length)} policies</span>
      </div>
      {all.length === 0 && cluster !== undefined ? <p class="hint">No policies: every pod accepts and sends everything.</p> : null}
      <div class="policy-list">
        {shown.slice(0, limit).map((p) => <PolicyCard policy={p} open={all.length <= 3} onEdit={onEdit} />)}
      </div>
      {shown.length > limit ? <button type="button" onClick={() => setLimit(limit + 200)}>Show 200 more</button> : null}
    </div>
  );
}
