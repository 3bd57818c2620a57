// A fast path for YAML as kubectl, Helm and generators write it: block maps and sequences, plain
// and quoted scalars, flow collections of one-line scalars, simple block scalars, in documents
// split by `---`. It reads straight into plain values and records lines for positions.ts, like
// json-to-plain.ts does for JSON. It is an optimisation only: the first construct outside that
// subset (anchors, aliases, tags, merge keys, directives, tabs, duplicate keys, comments inside
// flow collections or continued scalars, anything the yaml library might reject or read
// differently) makes it return undefined, and the whole file goes through the yaml library,
// which gives the same values and lines and reports every error.
// test/load/simple-yaml-differential.test.ts and simple-yaml.property.test.ts check that both
// paths agree.

import type { ParsedDocument } from './parse-documents.js';
import { registerLines, type LineRecord } from './positions.js';
import { contentEnd, isLineRest, nextLineStart, skipSpaces, type Cursor } from './simple-yaml-lines.js';
import { LineScalars, MAX_KEY_LENGTH } from './simple-yaml-scalars.js';
import { PlainScalars, UnsupportedScalar } from './yaml-1.1-scalars.js';
import { NotSimpleYaml, notSimple } from './yaml-scalar-text.js';
import { setOwn } from './yaml-to-plain.js';

/** Collections nested deeper than this go the long way (the library path has its own limits). */
const MAX_DEPTH = 64;

/** Tabs, control and other special characters, a BOM inside the text, CR but in CRLF: left to the library. */
const UNSUPPORTED_CHARACTER = /[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]|\r(?!\n)/;

const SPACE = 0x20;
const HASH = 0x23;
const DASH = 0x2d;
const COLON = 0x3a;

/** The non-empty documents of `text`, or undefined when it leaves the simple subset. */
export function simpleYamlToPlain(text: string): ParsedDocument[] | undefined {
  if (UNSUPPORTED_CHARACTER.test(text)) return undefined;
  try {
    return new BlockReader(text).documents();
  } catch (error) {
    if (error instanceof NotSimpleYaml || error instanceof UnsupportedScalar) return undefined;
    throw error;
  }
}

type LineKind = 'content' | 'document-start' | 'end';

class BlockReader {
  private readonly text: string;
  private readonly plain = new PlainScalars();
  private readonly scalars: LineScalars;
  /** The current line: its kind, 1-based number, start, content end, leading spaces. */
  private kind: LineKind = 'end';
  private line = 0;
  private start = 0;
  private end = 0;
  private indent = 0;
  /** The key found by isKey(): its name and where its value starts. */
  private key = '';
  private afterKey = 0;
  private depth = 0;

  constructor(text: string) {
    this.text = text;
    this.scalars = new LineScalars(text, this.plain);
  }

  documents(): ParsedDocument[] {
    const docs: ParsedDocument[] = [];
    this.seek(0, 1);
    while (this.kind !== 'end') {
      if (this.kind === 'document-start') {
        if (!isLineRest(this.text, this.start + 3, this.end)) notSimple(); // content after `---`
        this.nextLine();
        continue; // an empty document yields nothing, as a null document loads nothing
      }
      if (this.indent !== 0) notSimple();
      const line = this.line;
      docs.push({ value: this.collection(-1), line });
      if (this.kind === 'content') notSimple(); // more content after the root collection
    }
    return docs;
  }

  /** Moves to the first line from `pos` that is not blank or a comment. */
  private seek(pos: number, line: number): void {
    const { text } = this;
    for (;;) {
      if (pos >= text.length) {
        this.kind = 'end';
        return;
      }
      const end = contentEnd(text, pos);
      let i = pos;
      while (i < end && text.charCodeAt(i) === SPACE) i++;
      if (i === end || text.charCodeAt(i) === HASH) {
        pos = nextLineStart(text, end);
        line++;
        continue;
      }
      [this.line, this.start, this.end, this.indent] = [line, pos, end, i - pos];
      this.kind = i === pos && isDocumentMarker(text, pos, end) ? 'document-start' : 'content';
      return;
    }
  }

  private nextLine(): void {
    this.seek(nextLineStart(this.text, this.end), this.line + 1);
  }

  /** A block collection starting the current line (the root, or a value or item on the lines below its key or dash). */
  private collection(parentIndent: number): unknown {
    const column = this.indent;
    if (this.isDash(column)) return this.sequence(column);
    if (this.isKey(this.start + column)) return this.mapping(column);
    const c = this.text.charCodeAt(this.start + column);
    if (parentIndent >= 0 && (c === 0x5b || c === 0x7b)) return this.lineValue(this.start + column, parentIndent);
    return notSimple(); // a scalar on a line of its own, a flow collection at the root
  }

  /** `- ` (or `-` ending the line) at `column` of the current line. */
  private isDash(column: number): boolean {
    const at = this.start + column;
    if (this.text.charCodeAt(at) !== DASH) return false;
    return at + 1 === this.end || this.text.charCodeAt(at + 1) === SPACE;
  }

  /**
   * Whether the line holds `key:` at `pos`, a plain or quoted key followed by `: ` or by `:` at
   * the line end. Sets `key` and `afterKey`.
   */
  private isKey(pos: number): boolean {
    const { text, end } = this;
    const first = text.charCodeAt(pos);
    let colon: number;
    if (first === 0x22 || first === 0x27) {
      if (!this.scalars.closesOnLine(pos, end)) return false; // a quoted scalar continued below: a value
      const at: Cursor = { pos, line: this.line, end };
      const key = this.scalars.quotedOnLine(at);
      colon = skipSpaces(this.text, at.pos, end);
      if (!isValueIndicator(text, colon, end)) return false;
      this.key = key;
    } else {
      if (',[]{}#&*!|>\'"%@`-?:'.includes(text[pos] ?? ',')) return false;
      for (colon = pos; colon < end && !isValueIndicator(text, colon, end); colon++) {
        const c = text.charCodeAt(colon);
        if (c === HASH && text.charCodeAt(colon - 1) === SPACE) return false; // a comment: no key on this line
        // Flow indicators in a key: not a key here; a plain scalar with `: ` fails as a value.
        if (c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d || c === 0x2c) return false;
      }
      if (colon === end) return false;
      let keyEnd = colon;
      while (text.charCodeAt(keyEnd - 1) === SPACE) keyEnd--;
      this.key = this.plain.key(text.slice(pos, keyEnd));
    }
    if (colon - pos > MAX_KEY_LENGTH) notSimple();
    this.afterKey = colon + 1;
    return true;
  }

  private sequence(column: number): unknown[] {
    this.enter();
    const out: unknown[] = [];
    const lines: LineRecord = [this.line];
    for (;;) {
      const dashLine = this.line;
      const afterDash = this.start + column + 1;
      if (isLineRest(this.text, afterDash, this.end)) {
        this.nextLine();
        if (this.kind === 'content' && this.indent > column) {
          lines.push(this.line);
          out.push(this.collection(column));
        } else {
          lines.push(dashLine); // an empty item is null, placed on its dash's line
          out.push(null);
        }
      } else {
        lines.push(dashLine);
        out.push(this.inlineNode(skipSpaces(this.text, afterDash, this.end), column));
      }
      if (this.kind !== 'content' || this.indent < column) break;
      if (this.indent > column) notSimple();
      if (!this.isDash(column)) break; // a key after `key:\n- item`: the parent map's
    }
    registerLines(out, lines);
    this.depth--;
    return out;
  }

  /** An item after `- `: a compact sequence or map, or a scalar. */
  private inlineNode(pos: number, parentIndent: number): unknown {
    const column = pos - this.start;
    if (this.isDash(column)) return this.sequence(column);
    if (this.isKey(pos)) return this.mapping(column);
    return this.lineValue(pos, parentIndent);
  }

  private mapping(column: number): Record<string, unknown> {
    this.enter();
    const out: Record<string, unknown> = {};
    const lines: LineRecord = [this.line];
    for (;;) {
      const { key, line: keyLine } = this;
      if (Object.hasOwn(out, key)) notSimple(); // the library reports it (or not: `1` and "1")
      let value: unknown = null;
      if (isLineRest(this.text, this.afterKey, this.end)) {
        this.nextLine();
        if (this.kind === 'content' && this.indent > column) value = this.collection(column);
        else if (this.kind === 'content' && this.indent === column && this.isDash(column)) value = this.sequence(column);
      } else value = this.lineValue(skipSpaces(this.text, this.afterKey, this.end), column); // `key: - x` fails as a scalar
      setOwn(out, key, value);
      lines.push(key, keyLine);
      if (this.kind !== 'content' || this.indent < column) break;
      if (this.indent > column || !this.isKey(this.start + column)) notSimple();
    }
    registerLines(out, lines);
    this.depth--;
    return out;
  }

  /** A scalar or flow collection after `key: ` or `- `; then the next line, which must not continue it. */
  private lineValue(pos: number, parentIndent: number): unknown {
    const at: Cursor = { pos, line: this.line, end: this.end };
    const value = this.scalars.value(at, parentIndent);
    if (!isLineRest(this.text, at.pos, at.end)) notSimple();
    this.seek(nextLineStart(this.text, at.end), at.line + 1);
    if (this.kind === 'content' && this.indent > parentIndent) notSimple(); // more of it after a comment
    return value;
  }

  private enter(): void {
    if (++this.depth > MAX_DEPTH) notSimple();
  }
}

/** `: ` or `:` at the end of the line. */
function isValueIndicator(text: string, pos: number, end: number): boolean {
  return text.charCodeAt(pos) === COLON && (pos + 1 === end || text.charCodeAt(pos + 1) === SPACE);
}

/** `---` (or `...`, which is left to the library) alone or followed by a space, at the start of a line. */
function isDocumentMarker(text: string, pos: number, end: number): boolean {
  const c = text.charCodeAt(pos);
  if (c !== DASH && c !== 0x2e) return false;
  if (text.charCodeAt(pos + 1) !== c || text.charCodeAt(pos + 2) !== c) return false;
  if (pos + 3 !== end && text.charCodeAt(pos + 3) !== SPACE) return false;
  if (c === 0x2e) notSimple(); // document end marker
  return true;
}
