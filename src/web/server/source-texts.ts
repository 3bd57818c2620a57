import { nodeLoadIO, STDIN_NAME } from '../../load/index.js';
import type { LoadIO } from '../../load/index.js';
import type { SourceRef } from '../../model/source.js';

/** One object's text as written in its file, and the file line of its first line. */
export interface DocumentText {
  readonly text: string;
  readonly firstLine: number;
}

/**
 * The texts of the loaded files, kept so that the dashboard can show a policy as it is written
 * and highlight the file lines an explanation cites. Standard input is read once and kept, so a
 * reload (--watch) sees the same text.
 */
export class SourceTexts {
  private readonly texts = new Map<string, string>();
  private readonly lineStarts = new Map<string, Int32Array>();
  private stdin: Buffer | undefined;

  /** `stdin`: standard input as read by an earlier load, so that a reload does not read it again. */
  constructor(stdin?: Buffer) {
    this.stdin = stdin;
  }

  get stdinBytes(): Buffer | undefined {
    return this.stdin;
  }

  /** A LoadIO for loadSources that records what it reads. */
  recordingIO(base: LoadIO = nodeLoadIO): LoadIO {
    return {
      readFile: async (path) => this.keep(path, await base.readFile(path)),
      readStdin: async () => this.keep(STDIN_NAME, (this.stdin ??= await base.readStdin())),
      stat: (path) => base.stat(path),
      readDir: (path) => base.readDir(path),
    };
  }

  /** Texts given directly (the what-if edits). */
  add(file: string, text: string): void {
    this.texts.set(file, text);
    this.lineStarts.delete(file);
  }

  /** These texts plus one more (the what-if edits), leaving these as they are. */
  overlay(file: string, text: string): SourceTexts {
    const copy = new SourceTexts(this.stdin);
    for (const [name, value] of this.texts) copy.texts.set(name, value);
    for (const [name, value] of this.lineStarts) copy.lineStarts.set(name, value);
    copy.add(file, text);
    return copy;
  }

  /** The object that starts at `source` (a YAML document, a YAML list item or a JSON object). */
  documentAt(source: SourceRef): DocumentText | undefined {
    const text = this.texts.get(source.file);
    if (text === undefined || source.line < 1) return undefined;
    const starts = this.starts(source.file, text);
    if (source.line > starts.length) return undefined;
    const json = /^\s*[[{]/.test(text);
    return json ? jsonObjectAt(text, starts, source.line) : yamlObjectAt(text, starts, source.line);
  }

  private keep(file: string, bytes: Buffer): Buffer {
    this.add(file, bytes.toString('utf8'));
    return bytes;
  }

  private starts(file: string, text: string): Int32Array {
    let starts = this.lineStarts.get(file);
    if (starts === undefined) {
      const list = [0];
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) list.push(i + 1);
      this.lineStarts.set(file, (starts = Int32Array.from(list)));
    }
    return starts;
  }
}

function lineText(text: string, starts: Int32Array, index: number): string {
  const end = index + 1 < starts.length ? starts[index + 1]! - 1 : text.length;
  return text.slice(starts[index]!, end).replace(/\r$/, '');
}

/**
 * From the object's first line to the line before the next document marker, or before the first
 * line indented less than the object's keys (the next list item, or the end of an enclosing list).
 * Trailing blank and comment lines belong to what follows.
 */
function yamlObjectAt(text: string, starts: Int32Array, line: number): DocumentText {
  let first = line - 1;
  while (first + 1 < starts.length && /^(---|\.\.\.)(\s|$)/.test(lineText(text, starts, first))) first++;
  const head = lineText(text, starts, first);
  const item = /^(\s*)- /.exec(head);
  const keyIndent = item ? item[1]!.length + 2 : (/^ */.exec(head)?.[0].length ?? 0);
  const lines = [item ? `${' '.repeat(keyIndent)}${head.slice(keyIndent)}` : head];
  for (let i = first + 1; i < starts.length; i++) {
    const current = lineText(text, starts, i);
    if (/^(---|\.\.\.)(\s|$)/.test(current)) break;
    const blank = /^\s*(#.*)?$/.test(current);
    if (!blank && (/^ */.exec(current)?.[0].length ?? 0) < keyIndent) break;
    lines.push(current);
  }
  while (lines.length > 1 && /^\s*(#.*)?$/.test(lines[lines.length - 1]!)) lines.pop();
  return { text: keyIndent > 0 ? dedent(lines, keyIndent) : lines.join('\n'), firstLine: first + 1 };
}

function dedent(lines: readonly string[], indent: number): string {
  return lines.map((l) => (l.slice(0, indent).trim() === '' ? l.slice(indent) : l.trimStart())).join('\n');
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN = 0x7b;
const CLOSE = 0x7d;

/** From the first `{` on the object's line to its matching `}`, strings skipped. */
function jsonObjectAt(text: string, starts: Int32Array, line: number): DocumentText | undefined {
  const open = text.indexOf('{', starts[line - 1]!);
  if (open === -1) return undefined;
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      for (i++; i < text.length && text.charCodeAt(i) !== QUOTE; i++) if (text.charCodeAt(i) === BACKSLASH) i++;
    } else if (c === OPEN) depth++;
    else if (c === CLOSE && --depth === 0) {
      const indent = text.slice(starts[line - 1]!, open);
      const body = text.slice(open, i + 1);
      return { text: indent !== '' && /^\s*$/.test(indent) ? body.replaceAll(`\n${indent}`, '\n') : body, firstLine: line };
    }
  }
  return undefined;
}
