// Text of one file -> its YAML/JSON documents as plain values, each parsed exactly once.
// A malformed document is reported with the parser's line, column and message and skipped;
// the other documents of the file still load.

import { Composer, LineCounter, Parser, type Document, type YAMLError } from 'yaml';
import { lineOf } from './positions.js';
import type { ProblemSink } from './problem-sink.js';
import { DocumentLimitError, documentToPlain } from './yaml-to-plain.js';
import { jsonToPlain, looksLikeJson } from './json-to-plain.js';
import { fixFlowIndentTabs } from './flow-tabs.js';
import { simpleYamlToPlain } from './simple-yaml-to-plain.js';
import { PARSE_OPTIONS } from './yaml-1.1-scalars.js';

export interface ParsedDocument {
  /** The document's value; null for an empty document. */
  readonly value: unknown;
  /** 1-based line where the document's content starts. */
  readonly line: number;
}

/** One broken bracket can cascade into thousands of errors; the first ones are the useful ones. */
const MAX_PARSER_ERRORS = 10;

/**
 * How YAML is read: 'fast' takes simple-yaml-to-plain.ts for files it can read exactly as the
 * yaml library would (the rest go to the library), 'yaml-library' always uses the library; the
 * differential tests compare the two.
 */
export type YamlReader = 'fast' | 'yaml-library';

/** Returns undefined (after reporting) when the text is binary. */
function checkText(file: string, text: string, sink: ProblemSink): string | undefined {
  if (text.includes('\0')) {
    sink.add({ severity: 'error', kind: 'yaml', file, line: 0, message: 'binary file (contains NUL bytes); not loaded' });
    return undefined;
  }
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

/**
 * Yields each document as soon as it is composed (so a long stream never holds every syntax
 * tree at once), keeping its problems and its objects' problems in file order.
 */
export function* parseDocuments(file: string, rawText: string, sink: ProblemSink, reader: YamlReader = 'fast'): Generator<ParsedDocument> {
  const text = checkText(file, rawText, sink);
  if (text === undefined) return;
  const json = looksLikeJson(text) ? jsonToPlain(text) : undefined;
  if (json !== undefined) {
    yield json; // strict JSON, read fast; anything else (and every error) takes the YAML path
    return;
  }
  const simple = reader === 'fast' ? simpleYamlToPlain(text) : undefined;
  if (simple !== undefined) {
    yield* simple; // the common subset of YAML, read fast; the rest takes the yaml library
    return;
  }
  const lines = new LineCounter();
  const docs = new Composer(PARSE_OPTIONS).compose(new Parser(lines.addNewLine).parse(fixFlowIndentTabs(text)));
  for (;;) {
    let next: IteratorResult<Document.Parsed>;
    try {
      next = docs.next();
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      sink.add({ severity: 'error', kind: 'yaml', file, line: 0, message: 'input is nested too deeply to parse' });
      return;
    }
    if (next.done === true) return;
    const parsed = toParsed(file, next.value, lines, sink);
    if (parsed !== undefined) yield parsed;
  }
}

function toParsed(file: string, doc: Document, lines: LineCounter, sink: ProblemSink): ParsedDocument | undefined {
  for (const warning of doc.warnings) reportParser(file, warning, lines, sink);
  if (doc.errors.length > 0) {
    for (const error of doc.errors.slice(0, MAX_PARSER_ERRORS)) reportParser(file, error, lines, sink);
    const more = doc.errors.length - MAX_PARSER_ERRORS;
    if (more > 0) {
      const { line } = lines.linePos(doc.errors[MAX_PARSER_ERRORS]?.pos[0] ?? 0);
      sink.add({ severity: 'error', kind: 'yaml', file, line, message: `${more} more syntax errors in this document` });
    }
    return undefined;
  }
  const start = doc.contents?.range?.[0] ?? doc.range?.[0] ?? 0;
  const line = lines.linePos(start).line;
  try {
    const value = documentToPlain(doc, lines);
    return { value, line: lineOf(value) ?? line };
  } catch (error) {
    if (error instanceof DocumentLimitError) {
      sink.add({ severity: 'error', kind: 'yaml', file, line, message: error.message });
      return undefined;
    }
    if (error instanceof RangeError) {
      sink.add({ severity: 'error', kind: 'yaml', file, line, message: 'document is nested too deeply' });
      return undefined;
    }
    throw error;
  }
}

function reportParser(file: string, error: YAMLError, lines: LineCounter, sink: ProblemSink): void {
  const { line, col } = lines.linePos(error.pos[0]);
  sink.add({
    severity: error.name === 'YAMLWarning' ? 'warning' : 'error',
    kind: 'yaml',
    file,
    line,
    column: col,
    message: error.message,
  });
}
