// A fast path for JSON input (`kubectl get -o json` of a large cluster): one strict JSON value
// read straight into plain values, recording lines for positions.ts. It is an optimisation only:
// anything that is not exactly one strict JSON value (or has duplicate keys) returns undefined
// and goes through the YAML parser, which accepts the same values and reports the errors.

import { registerLines, type LineRecord } from './positions.js';
import { setOwn } from './yaml-to-plain.js';

export interface JsonDocument {
  readonly value: unknown;
  readonly line: number;
}

/** Thrown inside the reader to give up; never escapes this module. */
class NotStrictJson extends Error {}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERALS: ReadonlyArray<readonly [string, unknown]> = [['true', true], ['false', false], ['null', null]];

export function jsonToPlain(text: string): JsonDocument | undefined {
  const reader = new JsonReader(text);
  try {
    reader.skipSpace();
    const line = reader.line;
    const value = reader.value();
    reader.skipSpace();
    return reader.atEnd() ? { value, line } : undefined;
  } catch (error) {
    if (error instanceof NotStrictJson || error instanceof RangeError) return undefined;
    throw error;
  }
}

/** Whether the text may be a JSON object or array (first non-blank character). */
export function looksLikeJson(text: string): boolean {
  const first = /\S/.exec(text)?.[0];
  return first === '{' || first === '[';
}

class JsonReader {
  private readonly text: string;
  private pos = 0;
  line = 1;

  constructor(text: string) {
    this.text = text;
  }

  atEnd(): boolean {
    return this.pos === this.text.length;
  }

  skipSpace(): void {
    const { text } = this;
    for (; this.pos < text.length; this.pos++) {
      const c = text.charCodeAt(this.pos);
      if (c === 10) this.line++;
      else if (c !== 32 && c !== 9 && c !== 13) return;
    }
  }

  value(): unknown {
    const c = this.text[this.pos];
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') return this.string();
    NUMBER.lastIndex = this.pos;
    const number = NUMBER.exec(this.text);
    if (number !== null) {
      this.pos += number[0].length;
      return Number(number[0]);
    }
    for (const [word, literal] of LITERALS) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return literal;
      }
    }
    throw new NotStrictJson();
  }

  private expect(char: string): void {
    if (this.text[this.pos] !== char) throw new NotStrictJson();
    this.pos++;
  }

  private object(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const lines: LineRecord = [this.line];
    this.expect('{');
    this.skipSpace();
    while (this.text[this.pos] !== '}') {
      if (lines.length > 1) {
        this.expect(',');
        this.skipSpace();
      }
      const line = this.line;
      const key = this.string();
      if (Object.hasOwn(out, key)) throw new NotStrictJson(); // let the YAML parser report it
      this.skipSpace();
      this.expect(':');
      this.skipSpace();
      setOwn(out, key, this.value());
      lines.push(key, line);
      this.skipSpace();
    }
    this.pos++;
    registerLines(out, lines);
    return out;
  }

  private array(): unknown[] {
    const out: unknown[] = [];
    const lines: LineRecord = [this.line];
    this.expect('[');
    this.skipSpace();
    while (this.text[this.pos] !== ']') {
      if (out.length > 0) {
        this.expect(',');
        this.skipSpace();
      }
      lines.push(this.line);
      out.push(this.value());
      this.skipSpace();
    }
    this.pos++;
    registerLines(out, lines);
    return out;
  }

  private string(): string {
    this.expect('"');
    const start = this.pos;
    let escaped = false;
    for (;;) {
      const c = this.text.charCodeAt(this.pos);
      if (Number.isNaN(c) || c < 0x20) throw new NotStrictJson();
      if (c === 0x22) break;
      if (c === 0x5c) {
        escaped = true;
        this.pos++;
      }
      this.pos++;
    }
    const raw = this.text.slice(start, this.pos);
    this.pos++;
    if (!escaped) return raw;
    try {
      return JSON.parse(`"${raw}"`) as string;
    } catch {
      throw new NotStrictJson();
    }
  }
}
