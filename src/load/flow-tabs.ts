// Tabs at the start of a line inside a flow collection, e.g.
//
//     args:
//       [
//     <TAB>   "-jar",
//       ]
//
// are separation space for kubectl's go-yaml (its scanner skips tabs whenever flow_level > 0),
// but indentation for the yaml library, which then rejects the document. Before parsing, such
// leading whitespace is replaced by spaces, enough to indent the line past the line that opened
// the collection. Only lines inside a flow collection change, and no line is added or removed,
// so every reported line number stays true (columns on a changed line may shift).

interface ScanState {
  /** Nesting of [ and { ; 0 in block context. */
  depth: number;
  /** Indentation of the line that opened the outermost flow collection. */
  flowIndent: number;
  /** Inside a quoted scalar that continues on the next line. */
  quote: '"' | "'" | undefined;
  /** Indentation of the line that introduced a block scalar (| or >) whose content follows. */
  blockScalarParent: number | undefined;
}

const BLOCK_SCALAR = /(?:^|[\s:?-])[|>][0-9+-]*\s*(?:#.*)?$/;

export function fixFlowIndentTabs(text: string): string {
  if (!text.includes('\t')) return text;
  const state: ScanState = { depth: 0, flowIndent: 0, quote: undefined, blockScalarParent: undefined };
  const lines = text.split('\n');
  return lines.map((line) => fixLine(line, state)).join('\n');
}

function fixLine(line: string, state: ScanState): string {
  const leading = /^[ \t]*/.exec(line)?.[0] ?? '';
  const indent = leading.length;
  if (state.blockScalarParent !== undefined) {
    if (line.trim() === '' || indent > state.blockScalarParent) return line; // block scalar content
    state.blockScalarParent = undefined;
  }
  let fixed = line;
  if (state.depth > 0 && state.quote === undefined && leading.includes('\t')) {
    const width = Math.max(leading.length, state.flowIndent + 1);
    fixed = ' '.repeat(width) + line.slice(leading.length);
  }
  const startedInBlock = state.depth === 0 && state.quote === undefined;
  scan(line, indent, state);
  if (startedInBlock && state.depth === 0 && state.quote === undefined && BLOCK_SCALAR.test(withoutComment(line))) {
    state.blockScalarParent = indent;
  }
  return fixed;
}

function withoutComment(line: string): string {
  const hash = line.search(/(^|\s)#/);
  return hash < 0 ? line : line.slice(0, hash);
}

/** Follows quotes and flow brackets through one line. */
function scan(line: string, indent: number, state: ScanState): void {
  let previous = ''; // last non-blank character, '' at line start
  let spaced = true; // whether blanks separate `previous` from the current character
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (state.quote !== undefined) {
      if (state.quote === '"' && c === '\\') i++;
      else if (c === state.quote) {
        if (state.quote === "'" && line[i + 1] === "'") i++;
        else state.quote = undefined;
      }
      [previous, spaced] = ['x', false];
      continue;
    }
    if (c === ' ' || c === '\t') {
      spaced = true;
      continue;
    }
    if (c === '#' && spaced) return;
    // A token starts after an indicator: in block context only with a blank after it
    // (`key: [` opens a collection, `a-[b]` is one plain scalar).
    const atTokenStart =
      previous === '' || (state.depth > 0 ? '[{,:?'.includes(previous) : spaced && ':-?'.includes(previous));
    if ((c === '"' || c === "'") && atTokenStart) state.quote = c;
    else if ((c === '[' || c === '{') && (state.depth > 0 || atTokenStart)) {
      if (state.depth === 0) state.flowIndent = indent;
      state.depth++;
    } else if ((c === ']' || c === '}') && state.depth > 0) state.depth--;
    [previous, spaced] = [c, false];
  }
}
