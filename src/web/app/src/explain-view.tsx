// The Explain tab: the engine's verdict for one connection (what `netwarden eval` prints), and
// every policy it names with the deciding lines highlighted.
import { useEffect, useState } from 'preact/hooks';
import type { EvalDirectionJson, ExplainView as ExplainJson, MapView, WorkloadView } from '../../api-types.ts';
import { fetchExplain } from './api.ts';
import type { ExplainQuery } from './api.ts';
import type { ExplainRequest } from './app.tsx';
import { YamlBlock } from './yaml-block.tsx';

type Outcome = { kind: 'none' } | { kind: 'loading' } | { kind: 'ok'; view: ExplainJson } | { kind: 'error'; message: string };

function Direction({ name, d }: { name: string; d: EvalDirectionJson }) {
  return (
    <div class={d.allowed ? 'direction ok' : 'direction bad'}>
      <div class="dir-head">
        <b>{name}</b> <span class={d.allowed ? 'pill ok' : 'pill bad'}>{d.allowed ? 'allowed' : 'denied'}</span> <span class="muted">{d.reason.replaceAll('-', ' ')}</span>
      </div>
      {d.isolated ? <div class="muted">isolated by {d.selectingPolicies.map((p) => `${p.namespace}/${p.name}`).join(', ')}</div> : <div class="muted">no policy selects it for this direction</div>}
      {d.allowedBy.map((r) => (
        <div>
          allowed by <code>{r.policy.namespace}/{r.policy.name}</code> rule {r.ruleIndex + 1}
          {r.peerIndex !== undefined ? `, peer ${r.peerIndex + 1}` : ''} <span class="muted">({r.file}:{r.line})</span>
        </div>
      ))}
    </div>
  );
}

export function ExplainView({ request, map, workloads }: { request: ExplainRequest | undefined; map: MapView | undefined; workloads: readonly WorkloadView[] | undefined }) {
  const [form, setForm] = useState<ExplainQuery>({ from: '', to: '', port: '', protocol: 'TCP' });
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'none' });
  const run = async (query: ExplainQuery) => {
    setOutcome({ kind: 'loading' });
    const result = await fetchExplain(query);
    setOutcome(result.kind === 'ok' ? { kind: 'ok', view: result.value } : { kind: 'error', message: result.message });
  };
  useEffect(() => {
    if (request === undefined) return;
    const query: ExplainQuery = { from: request.from, to: request.to, port: request.port ?? '', protocol: request.protocol };
    setForm(query);
    void run(query);
  }, [request?.seq]);
  // Suggestions: the map's pods or workloads; at namespace level, the cluster's workloads.
  const ids = (map?.level === 'namespace' ? (workloads ?? []).map((w) => ({ id: w.id })) : (map?.endpoints ?? [])).slice(0, 5000);
  return (
    <div class="explain-view" data-testid="explain-panel">
      <form class="toolbar explain-form" onSubmit={(e) => { e.preventDefault(); void run(form); }}>
        <label>From <input required name="from" list="explain-ids" placeholder="ns/deployment/name, ns/pod, ns/svc/name or an IP" value={form.from} onInput={(e) => setForm({ ...form, from: e.currentTarget.value })} /></label>
        <label>To <input required name="to" list="explain-ids" placeholder="ns/deployment/name, ns/pod, ns/svc/name or an IP" value={form.to} onInput={(e) => setForm({ ...form, to: e.currentTarget.value })} /></label>
        <label>Port <input name="port" class="port" placeholder="80 or a name" value={form.port ?? ''} onInput={(e) => setForm({ ...form, port: e.currentTarget.value })} /></label>
        <select name="protocol" value={form.protocol} onChange={(e) => setForm({ ...form, protocol: e.currentTarget.value as ExplainQuery['protocol'] })}>
          <option>TCP</option><option>UDP</option><option>SCTP</option>
        </select>
        <button type="submit" class="primary">Explain</button>
        <datalist id="explain-ids">{ids.map((e) => <option value={e.id} />)}</datalist>
      </form>
      {outcome.kind === 'none' ? <p class="hint">Pick two endpoints and a port, or click an edge in the Graph or a cell in the Matrix.</p> : null}
      {outcome.kind === 'loading' ? <p class="hint">Evaluating…</p> : null}
      {outcome.kind === 'error' ? <div class="banner error">{outcome.message}</div> : null}
      {outcome.kind === 'ok' ? <ExplainResult view={outcome.view} /> : null}
    </div>
  );
}

function ExplainResult({ view }: { view: ExplainJson }) {
  const r = view.result;
  const end = (e: typeof r.from) => (e.endpoint.kind === 'Pod' ? e.endpoint.id : e.endpoint.ip);
  return (
    <div class="explain-result">
      <div class={r.allowed ? 'verdict ok' : 'verdict bad'} data-testid="explain-verdict">
        <span class="big">{r.allowed ? 'ALLOWED' : 'DENIED'}</span> <code>{r.from.input}</code> → <code>{r.to.input}</code> on {r.protocol}/{r.port}
        <div class="muted small">evaluated as {end(r.from)} → {end(r.to)}</div>
      </div>
      <div class="directions">
        <Direction name="Egress from the source" d={r.egress} />
        <Direction name="Ingress to the destination" d={r.ingress} />
      </div>
      <h3>What netwarden eval says</h3>
      <pre class="eval-text">{view.text}</pre>
      {view.policies.length > 0 ? <h3>Policies in this verdict</h3> : null}
      {view.policies.map((p) => (
        <div class="policy-yaml">
          <div class="policy-head"><b>{p.id}</b> <span class="badge">{p.kind}</span> <span class="muted">{p.file}:{p.line}</span></div>
          <YamlBlock yaml={p.yaml} firstLine={p.firstLine} highlight={p.highlight} />
        </div>
      ))}
    </div>
  );
}
