// The text of YAML scalars as the yaml library decodes it (compose/resolve-flow-scalar.js), for
// the simple YAML reader: line folding of plain and quoted scalars and double-quoted escapes.
// Only what the simple reader accepts is covered; anything the library would report as an error
// throws NotSimpleYaml.

/** The input leaves the simple subset; caught in simple-yaml-to-plain.ts, never escapes it. */
export class NotSimpleYaml extends Error {}

export function notSimple(): never {
  throw new NotSimpleYaml();
}

const ESCAPES: Readonly<Record<string, string>> = {
  '0': '\0', a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v',
  N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029', ' ': ' ', '"': '"', '/': '/', '\\': '\\',
};
const HEX_LENGTH: Readonly<Record<string, number>> = { x: 2, u: 4, U: 8 };
const HEX = /^[0-9a-fA-F]+$/;

/**
 * Folds the lines of a plain or single-quoted scalar as unfoldLines does: the first line loses
 * its trailing spaces, the middle ones their leading and trailing ones, the last one its leading
 * ones; one line break becomes a space, n+1 line breaks (n blank lines) become n newlines.
 * `lines` are the scalar's lines without line terminators.
 */
export function foldLines(lines: readonly string[]): string {
  const last = lines.length - 1;
  if (last <= 0) return lines[0] ?? '';
  let out = trimEnd(lines[0]!);
  let separator = ' ';
  for (let i = 1; i < last; i++) {
    const line = trimStart(trimEnd(lines[i]!));
    if (line !== '') {
      out += separator + line;
      separator = ' ';
    } else if (separator === '\n') out += '\n';
    else separator = '\n';
  }
  return out + separator + trimStart(lines[last]!);
}

/** A double-quoted scalar's content (without the quotes), split into lines, decoded. */
export function doubleQuotedText(lines: readonly string[]): string {
  const last = lines.length - 1;
  let out = '';
  for (let i = 0; i <= last; i++) {
    let line = i === 0 ? lines[i]! : trimStart(lines[i]!);
    if (i < last) {
      line = trimEnd(line);
      if (line.endsWith('\\')) notSimple(); // an escaped line break or trailing space; left to the library
    }
    out += unescape(line);
    if (i === last) break;
    let breaks = 0; // blank lines before the next line: one line break folds to a space, n+1 to n newlines
    while (i + 1 < last && trimStart(lines[i + 1]!) === '') {
      breaks++;
      i++;
    }
    out += breaks === 0 ? ' ' : '\n'.repeat(breaks);
  }
  return out;
}

/** Escape sequences of a double-quoted scalar on one line. */
function unescape(raw: string): string {
  if (!raw.includes('\\')) return raw;
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const next = raw[++i] ?? '';
    const simple = ESCAPES[next];
    if (simple !== undefined) {
      out += simple;
      continue;
    }
    const length = HEX_LENGTH[next];
    const code = length === undefined ? '' : raw.substr(i + 1, length);
    if (length === undefined || code.length !== length || !HEX.test(code)) notSimple();
    const point = parseInt(code, 16);
    if (point > 0x10ffff) notSimple();
    out += String.fromCodePoint(point);
    i += length;
  }
  return out;
}

function trimEnd(s: string): string {
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 0x20) end--;
  return end === s.length ? s : s.slice(0, end);
}

function trimStart(s: string): string {
  let start = 0;
  while (start < s.length && s.charCodeAt(start) === 0x20) start++;
  return start === 0 ? s : s.slice(start);
}
