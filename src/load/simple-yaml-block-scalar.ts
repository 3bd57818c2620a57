// Literal and folded block scalars for the simple YAML reader (simple-yaml-to-plain.ts): which
// lines belong to one, and its value as the yaml library gives it (compose/resolve-block-scalar.js).
// Headers with keep chomping (`|+`) or an indentation indicator (`|2`), and lines whose spaces
// alone could change the value (blank lines indented deeper than the content, more-indented lines
// of a folded scalar), are left to the library.

import { contentEnd, isLineRest, nextLineStart, skipSpaces, type Cursor } from './simple-yaml-lines.js';
import { notSimple } from './yaml-scalar-text.js';

/**
 * The block scalar whose header (`|`, `|-`, `>` or `>-`) is at the cursor, inside a collection
 * indented `parentIndent`; the cursor is left at the end of its last line.
 */
export function blockScalar(text: string, at: Cursor, parentIndent: number): string {
  const folded = text.charCodeAt(at.pos) === 0x3e;
  const strip = text.charCodeAt(at.pos + 1) === 0x2d;
  if (!isLineRest(text, at.pos + (strip ? 2 : 1), at.end)) notSimple();
  at.pos = at.end;
  const lines: string[] = [];
  let [leadingBlank, blank, indent] = [0, 0, -1];
  for (let start = nextLineStart(text, at.end); start < text.length; start = nextLineStart(text, at.end)) {
    const end = contentEnd(text, start);
    const spaces = skipSpaces(text, start, end) - start;
    if (start + spaces === end) {
      if (spaces > (indent < 0 ? parentIndent : indent)) notSimple();
      if (indent < 0) leadingBlank++;
      else blank++;
    } else {
      if (indent < 0 ? spaces <= parentIndent : spaces < indent) {
        if (spaces > parentIndent) notSimple(); // less indented than the content, more than the parent
        break;
      }
      if (indent < 0) indent = spaces;
      if (folded && spaces > indent) notSimple();
      for (; blank > 0; blank--) lines.push('');
      lines.push(text.slice(start + indent, end));
    }
    [at.pos, at.line, at.end] = [end, at.line + 1, end];
  }
  return blockScalarText({ folded, strip, leadingBlank, lines });
}

/** The content lines of a block scalar (from its first line with content), with `leadingBlank` blank lines before. */
interface BlockScalarLines {
  readonly folded: boolean;
  readonly strip: boolean;
  readonly leadingBlank: number;
  /** Lines with the content indentation removed, '' for blank lines between them. */
  readonly lines: readonly string[];
}

/** The value of a `|`, `|-`, `>` or `>-` block scalar whose folded lines are not more indented. */
function blockScalarText({ folded, strip, leadingBlank, lines }: BlockScalarLines): string {
  if (lines.length === 0) return '';
  let value = '\n'.repeat(leadingBlank);
  if (!folded) value += lines.join('\n');
  else {
    let separator = '';
    for (const line of lines) {
      if (line !== '') {
        value += separator + line;
        separator = ' ';
      } else if (separator === '\n') value += '\n';
      else separator = '\n';
    }
  }
  return strip ? value : `${value}\n`;
}
