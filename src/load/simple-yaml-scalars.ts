// Values for the simple YAML reader (simple-yaml-to-plain.ts): plain and quoted scalars, which
// may continue on more-indented lines, and flow collections (`[...]`, `{...}`) of one-line
// scalars, which may span lines. Indentation rules are the yaml library's: a continuation line
// must be indented deeper than the collection holding the value (a flow collection's closing
// bracket may be level with it). Anything else throws NotSimpleYaml (yaml-scalar-text.ts).

import { registerLines, type LineRecord } from './positions.js';
import type { PlainScalars } from './yaml-1.1-scalars.js';
import { blockScalar } from './simple-yaml-block-scalar.js';
import { contentEnd, isLineRest, nextLineStart, skipSpaces, type Cursor } from './simple-yaml-lines.js';
import { doubleQuotedText, foldLines, notSimple } from './yaml-scalar-text.js';
import { setOwn } from './yaml-to-plain.js';

/** The yaml library rejects implicit keys longer than 1024 characters; longer than this go the long way. */
export const MAX_KEY_LENGTH = 1000;
/** Flow collections nested deeper than this are left to the library path. */
const MAX_FLOW_DEPTH = 16;

const SPACE = 0x20;
const HASH = 0x23;
const COLON = 0x3a;
const COMMA = 0x2c;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;

/** Characters a plain scalar cannot start with here (`-`, `?`, `:` are checked apart). */
const BAD_PLAIN_START = new Set(',[]{}#&*!|>\'"%@`');
/** Characters a plain scalar inside a flow collection stops at (or that make it unsupported). */
const FLOW_PLAIN_STOP = new Set(',[]{}#:');

export class LineScalars {
  private readonly text: string;
  private readonly plain: PlainScalars;

  constructor(text: string, plain: PlainScalars) {
    this.text = text;
    this.plain = plain;
  }

  /**
   * A value after `key: ` or `- ` (or a flow collection on a line of its own) inside a collection
   * indented `parentIndent`; the cursor is left after it, on its last line.
   */
  value(at: Cursor, parentIndent: number): unknown {
    const c = this.text.charCodeAt(at.pos);
    if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE) return this.quoted(at, parentIndent);
    if (c === 0x5b || c === 0x7b) return this.flow(at, { parentIndent, depth: 0 });
    if (c === 0x7c || c === 0x3e) return blockScalar(this.text, at, parentIndent);
    return this.plain.value(this.plainText(at, parentIndent));
  }

  /** Whether the quoted scalar at `pos` ends before `end`. */
  closesOnLine(pos: number, end: number): boolean {
    const { text } = this;
    const quote = text.charCodeAt(pos);
    for (let i = pos + 1; i < end; i++) {
      const c = text.charCodeAt(i);
      if (quote === DOUBLE_QUOTE && c === 0x5c) i++;
      else if (c === quote) {
        if (quote === DOUBLE_QUOTE || text.charCodeAt(i + 1) !== SINGLE_QUOTE || i + 1 >= end) return true;
        i++;
      }
    }
    return false;
  }

  /** A quoted scalar closed on its line (a key, or inside a flow collection); the cursor is left after it. */
  quotedOnLine(at: Cursor): string {
    return this.quoted(at, undefined);
  }

  /** A quoted scalar; it may continue on lines indented deeper than `parentIndent` when that is given. */
  private quoted(at: Cursor, parentIndent: number | undefined): string {
    const { text } = this;
    const quote = text.charCodeAt(at.pos);
    const lines: string[] = [];
    let from = at.pos + 1;
    for (let i = from; ; i++) {
      if (i >= at.end) {
        if (parentIndent === undefined) notSimple();
        lines.push(text.slice(from, at.end));
        for (let blank = this.continuationLine(at, parentIndent); blank > 0; blank--) lines.push('');
        [from, i] = [at.pos, at.pos - 1];
        continue;
      }
      const c = text.charCodeAt(i);
      if (quote === DOUBLE_QUOTE && c === 0x5c) i++;
      else if (c === quote) {
        if (quote === SINGLE_QUOTE && i + 1 < at.end && text.charCodeAt(i + 1) === SINGLE_QUOTE) {
          i++;
          continue;
        }
        lines.push(text.slice(from, i));
        at.pos = i + 1;
        break;
      }
    }
    if (quote === DOUBLE_QUOTE) return doubleQuotedText(lines);
    const folded = foldLines(lines);
    return folded.includes("''") ? folded.replaceAll("''", "'") : folded;
  }

  /**
   * Moves the cursor to the start of the content of the next non-blank line, which must be
   * indented deeper than `parentIndent` and not be a comment. Returns the number of blank lines skipped.
   */
  private continuationLine(at: Cursor, parentIndent: number): number {
    const { text } = this;
    let start = nextLineStart(text, at.end);
    let blank = 0;
    for (;;) {
      if (start >= text.length) notSimple(); // unclosed at the end of the text
      at.line++;
      at.end = contentEnd(text, start);
      at.pos = skipSpaces(text, start, at.end);
      if (at.pos < at.end) break;
      blank++;
      start = nextLineStart(text, at.end);
    }
    if (at.pos - start <= parentIndent || text.charCodeAt(at.pos) === HASH) notSimple();
    return blank;
  }

  /** The text of a plain scalar in block context, folded over its continuation lines. */
  private plainText(at: Cursor, parentIndent: number): string {
    const { text } = this;
    checkPlainStart(text, at.pos, at.end);
    if (text.startsWith('---', at.pos) || text.startsWith('...', at.pos)) notSimple();
    const first = this.plainLine(at);
    if (at.pos < at.end) return first; // ended by a comment
    const lines = [first];
    for (;;) {
      // Continuation lines: more indented than the parent, before any comment line.
      let start = nextLineStart(text, at.end);
      let line = at.line;
      let blank = 0;
      let end = 0;
      let pos = 0;
      for (;;) {
        if (start >= text.length) return lines.length === 1 ? first : foldLines(lines);
        line++;
        end = contentEnd(text, start);
        pos = skipSpaces(text, start, end);
        if (pos < end) break;
        blank++;
        start = nextLineStart(text, end);
      }
      if (pos - start <= parentIndent || text.charCodeAt(pos) === HASH) return lines.length === 1 ? first : foldLines(lines);
      const c = text[pos]!;
      if (BAD_PLAIN_START.has(c) || '-?:'.includes(c)) notSimple(); // `- x` would continue the scalar; rare, left to the library
      for (; blank > 0; blank--) lines.push('');
      [at.pos, at.line, at.end] = [pos, line, end];
      lines.push(this.plainLine(at));
      if (at.pos < at.end) notSimple(); // a comment ends a continued scalar; rare, left to the library
    }
  }

  /** One line of a plain scalar up to a comment; a `: ` inside would start a mapping. */
  private plainLine(at: Cursor): string {
    const { text } = this;
    const start = at.pos;
    let last = start; // end of the last non-space character
    let i = start;
    for (; i < at.end; i++) {
      const c = text.charCodeAt(i);
      if (c === SPACE) continue;
      if (c === HASH && text.charCodeAt(i - 1) === SPACE) break;
      if (c === COLON && (i + 1 === at.end || text.charCodeAt(i + 1) === SPACE)) notSimple();
      last = i + 1;
    }
    at.pos = i === at.end ? i : last; // before the spaces and the comment
    return text.slice(start, last);
  }

  /** `[...]` or `{...}` of one-line scalars and flow collections. */
  private flow(at: Cursor, context: { parentIndent: number; depth: number }): unknown[] | Record<string, unknown> {
    const { text } = this;
    if (context.depth > MAX_FLOW_DEPTH) notSimple();
    const isMap = text.charCodeAt(at.pos) === 0x7b;
    const close = isMap ? 0x7d : 0x5d;
    const out: unknown[] | Record<string, unknown> = isMap ? {} : [];
    const lines: LineRecord = [at.line];
    at.pos++;
    this.flowSpace(at, context);
    while (text.charCodeAt(at.pos) !== close) {
      if (isMap) this.flowEntry(at, { out: out as Record<string, unknown>, lines, context });
      else {
        lines.push(at.line);
        (out as unknown[]).push(this.flowValue(at, context));
      }
      this.flowSpace(at, context);
      const c = text.charCodeAt(at.pos);
      if (c === COMMA) {
        at.pos++;
        this.flowSpace(at, context);
      } else if (c !== close) notSimple(); // a `key: value` pair in a sequence, a missing comma
    }
    at.pos++;
    registerLines(out, lines);
    return out;
  }

  /** Skips spaces and line breaks inside a flow collection; comments are left to the library. */
  private flowSpace(at: Cursor, context: { parentIndent: number; depth: number }): void {
    const { text } = this;
    at.pos = skipSpaces(text, at.pos, at.end);
    if (at.pos < at.end) {
      if (text.charCodeAt(at.pos) === HASH) notSimple();
      return;
    }
    const start = nextLineStart(text, at.end);
    const c = text.charCodeAt(skipSpaces(text, start, contentEnd(text, start)));
    // The closing bracket of the outermost collection may be level with the parent collection.
    const closing = context.depth === 0 && (c === 0x5d || c === 0x7d);
    this.continuationLine(at, closing ? context.parentIndent - 1 : context.parentIndent);
  }

  private flowEntry(at: Cursor, into: { out: Record<string, unknown>; lines: LineRecord; context: { parentIndent: number; depth: number } }): void {
    const { text } = this;
    const [line, start] = [at.line, at.pos];
    const c = text.charCodeAt(at.pos);
    const key = c === DOUBLE_QUOTE || c === SINGLE_QUOTE ? this.quotedOnLine(at) : this.plain.key(this.flowPlain(at));
    at.pos = skipSpaces(text, at.pos, at.end);
    if (at.pos - start > MAX_KEY_LENGTH) notSimple();
    // `key: value` with a space after the colon, on one line; empty values and `"a":1` go the long way.
    if (text.charCodeAt(at.pos) !== COLON || text.charCodeAt(at.pos + 1) !== SPACE || Object.hasOwn(into.out, key)) notSimple();
    at.pos = skipSpaces(text, at.pos + 1, at.end);
    if (at.pos === at.end) notSimple();
    setOwn(into.out, key, this.flowValue(at, into.context));
    into.lines.push(key, line);
  }

  private flowValue(at: Cursor, context: { parentIndent: number; depth: number }): unknown {
    const c = this.text.charCodeAt(at.pos);
    if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE) return this.quotedOnLine(at);
    if (c === 0x5b || c === 0x7b) return this.flow(at, { parentIndent: context.parentIndent, depth: context.depth + 1 });
    return this.plain.value(this.flowPlain(at));
  }

  /** A plain scalar inside a flow collection: up to `,`, a bracket, a `:` or the line end. */
  private flowPlain(at: Cursor): string {
    const { text } = this;
    const start = at.pos;
    checkPlainStart(text, start, at.end);
    if ('-?:'.includes(text[start]!) && FLOW_PLAIN_STOP.has(text[start + 1] ?? ',')) notSimple();
    let last = start; // end of the last non-space character
    let i = start;
    for (; i < at.end; i++) {
      const c = text.charCodeAt(i);
      if (c === SPACE) continue;
      if (FLOW_PLAIN_STOP.has(text[i]!)) break;
      last = i + 1;
    }
    // A `#` (comment or not) is left to the library; a `:` ends a key, the caller checks what follows.
    if (text.charCodeAt(i) === HASH || last === start) notSimple();
    at.pos = i;
    return text.slice(start, last);
  }
}

/** Plain scalars must not start with an indicator; `-`, `?` and `:` only when not followed by a space. */
function checkPlainStart(text: string, start: number, end: number): void {
  const first = text[start];
  if (first === undefined || start >= end || BAD_PLAIN_START.has(first)) notSimple();
  if ((first === '-' || first === '?' || first === ':') && (start + 1 === end || text.charCodeAt(start + 1) === SPACE)) notSimple();
}
