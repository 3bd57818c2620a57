// A policy's YAML with file line numbers, the deciding lines highlighted (text nodes only).
export function YamlBlock({ yaml, firstLine, highlight }: { yaml: string; firstLine: number; highlight: readonly number[] }) {
  const marked = new Set(highlight);
  const lines = yaml.replace(/\n$/, '').split('\n');
  return (
    <pre class="yaml" data-testid="policy-yaml">
      {lines.map((line, i) => {
        const n = firstLine + i;
        return (
          <div class={marked.has(n) ? 'line hl' : 'line'} data-line={n}>
            <span class="lno">{n}</span>
            <span class="code">{line === '' ? ' ' : line}</span>
          </div>
        );
      })}
    </pre>
  );
}
