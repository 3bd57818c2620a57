// The connections a what-if adds, removes or changes (the `netwarden diff -o json` document).
import type { DiffJson } from '../../api-types.ts';
import { portsText } from './ports.ts';

export function DiffTable({ diff }: { diff: DiffJson | undefined }) {
  if (diff === undefined) {
    return <div class="diff" data-testid="whatif-diff"><p class="hint">Apply your edits to see the connections they add and remove; the Graph and Matrix then show the edited map.</p></div>;
  }
  const s = diff.summary;
  return (
    <div class="diff" data-testid="whatif-diff">
      <h3>
        <span class="added-text">{s.added} added</span>, <span class="removed-text">{s.removed} removed</span>, <span class="changed-text">{s.changed} changed</span>
        <span class="muted"> · {s.unchanged} unchanged ({diff.level} level)</span>
      </h3>
      {diff.changes.length === 0 ? <p class="hint">The edits change no connection.</p> : (
        <table>
          <thead><tr><th>change</th><th>from</th><th>to</th><th>before</th><th>after</th></tr></thead>
          <tbody>
            {diff.changes.map((c) => (
              <tr class={`change-${c.change}`} data-change={c.change} data-from={c.from} data-to={c.to}>
                <td><span class={`pill ${c.change}`}>{c.change}</span></td>
                <td><code>{c.from}</code></td>
                <td><code>{c.to}</code></td>
                <td>{portsText(c.before)}</td>
                <td>{portsText(c.after)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
