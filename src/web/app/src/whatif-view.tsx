// The What-if tab: edit, delete or add policies in the browser, apply, and see what changes.
// Nothing is written to disk: the server evaluates the edits in memory; Download saves a copy.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ClusterView, MapLevel, WhatIfEdit } from '../../api-types.ts';
import type { WhatIfState } from './app-state.ts';
import { WhatIfEditor } from './editor.ts';
import { download } from './export.ts';
import { DiffTable } from './diff-table.tsx';
import { NEW_POLICY, describeEdit, editsOf, fileName, originalText } from './whatif-model.ts';

interface Props {
  cluster: ClusterView | undefined;
  whatIf: WhatIfState | undefined;
  level: MapLevel;
  editRequest: { policyId: string; seq: number } | undefined;
  onApply(edits: WhatIfEdit[], level: MapLevel): Promise<string | undefined>;
  onClear(): void;
}

export function WhatIfView({ cluster, whatIf, level, editRequest, onApply, onClear }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<WhatIfEditor | undefined>(undefined);
  const policies = cluster?.policies ?? [];
  const [current, setCurrent] = useState<string>(NEW_POLICY);
  const [drafts, setDrafts] = useState<Map<string, string>>(new Map());
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const currentRef = useRef(current);
  currentRef.current = current;
  const policiesRef = useRef(policies);
  policiesRef.current = policies;

  useEffect(() => {
    if (host.current === null) return undefined;
    // A draft is kept only while it differs from the policy as loaded (or from the new-policy template).
    const e = new WhatIfEditor(host.current, (text) =>
      setDrafts((d) => {
        const next = new Map(d);
        if (text === originalText(currentRef.current, policiesRef.current)) next.delete(currentRef.current);
        else next.set(currentRef.current, text);
        return next;
      }),
    );
    editor.current = e;
    return () => e.destroy();
  }, []);
  const userChose = useRef(false);
  const select = (key: string) => {
    setCurrent(key);
    currentRef.current = key;
    editor.current?.setText(drafts.get(key) ?? originalText(key, policies));
  };
  const choose = (key: string) => {
    userChose.current = true;
    select(key);
  };
  useEffect(() => {
    // Effects run after the first paint: read the choice from the ref, so that a policy the user
    // picked in between is kept (the closure's `current` would still be the initial value).
    const chosen = currentRef.current;
    if (cluster === undefined || drafts.has(chosen)) return;
    const first = policies[0]?.id;
    select(chosen === NEW_POLICY && !userChose.current && first !== undefined ? first : chosen);
  }, [cluster]);
  useEffect(() => {
    if (editRequest !== undefined) select(editRequest.policyId);
  }, [editRequest?.seq]);
  useEffect(() => {
    // Problem lines count from the edit's first line: they belong in the editor only when the
    // applied what-if is this one document.
    const only = whatIf?.edits.length === 1 ? whatIf.edits[0] : undefined;
    const problems = only !== undefined && (only.policyId ?? NEW_POLICY) === currentRef.current ? whatIf?.view.problems ?? [] : [];
    editor.current?.setProblems(problems.flatMap((p) => (p.line === undefined ? [] : [{ line: p.line, severity: p.severity, message: p.field === undefined ? p.message : `${p.field}: ${p.message}` }])));
  }, [whatIf]);

  const edits = editsOf(drafts, policies);
  const apply = async () => {
    setBusy(true);
    setError(await onApply(edits, level));
    setBusy(false);
  };
  const reset = () => {
    setDrafts(new Map());
    editor.current?.setText(originalText(current, policies));
    onClear();
  };
  const remove = () => {
    if (current === NEW_POLICY) return;
    editor.current?.setText('');
  };
  return (
    <div class="whatif-view">
      <div class="toolbar">
        <label>
          Policy{' '}
          <select data-testid="whatif-policy" value={current} onChange={(e) => choose(e.currentTarget.value)}>
            {policies.map((p) => <option value={p.id}>{p.id}{drafts.has(p.id) ? (drafts.get(p.id) === '' ? ' (deleted)' : ' (edited)') : ''}</option>)}
            <option value={NEW_POLICY}>+ a new policy</option>
          </select>
        </label>
        <button type="button" data-testid="whatif-delete" onClick={remove} disabled={current === NEW_POLICY}>Delete this policy</button>
        <button type="button" onClick={() => download(fileName(current), new Blob([editor.current?.text() ?? ''], { type: 'application/yaml' }))}>Download YAML</button>
        <button type="button" data-testid="whatif-reset" onClick={reset}>Reset all</button>
        <span class="spacer" />
        <button type="button" class="primary" data-testid="whatif-apply" disabled={busy} onClick={() => void apply()}>{busy ? 'Applying…' : `Apply ${edits.length} edit${edits.length === 1 ? '' : 's'}`}</button>
      </div>
      <div class="whatif-body">
        <div class="editor-pane">
          <div class="editor" ref={host} data-testid="whatif-editor" />
          <div class="muted small">{edits.length === 0 ? 'No edits yet. Nothing is written to disk: Download saves a copy of the edited YAML.' : `Pending: ${edits.map(describeEdit).join('; ')}. Nothing is written to disk.`}</div>
        </div>
        <div class="result-pane">
          {error !== undefined ? <div class="banner error">{error}</div> : null}
          {(whatIf?.view.problems.length ?? 0) > 0 ? (
            <div class="problems-inline" data-testid="whatif-problems">
              <h3>Problems in the edited YAML</h3>
              <ul>{whatIf?.view.problems.map((p) => <li class={p.severity}><code>{p.text}</code></li>)}</ul>
            </div>
          ) : null}
          <DiffTable diff={whatIf?.view.diff} />
        </div>
      </div>
    </div>
  );
}
