/** Where an object or field came from: a file (or "<stdin>") and a 1-based line. */
export interface SourceRef {
  readonly file: string;
  readonly line: number;
  readonly column?: number;
}

export function formatSource(source: SourceRef): string {
  return `${source.file}:${source.line}`;
}
