/**
 * Something wrong with the input, with its location. `load` returns these instead of throwing,
 * and keeps analysing the valid rest. The CLI prints `file:line: field: message`
 * (`file:line:column: message` for parser errors, which carry a column).
 */
export interface LoadProblem {
  readonly severity: 'error' | 'warning';
  readonly kind: 'io' | 'yaml' | 'schema' | 'validation' | 'unsupported';
  readonly file: string;
  /** 1-based; 0 when the problem concerns the whole file. */
  readonly line: number;
  readonly column?: number;
  /** e.g. spec.ingress[0].ports[1].endPort */
  readonly fieldPath?: string;
  readonly message: string;
}

export function formatProblem(problem: LoadProblem): string {
  const column = problem.column !== undefined && problem.line > 0 ? `:${problem.column}` : '';
  const where = problem.line > 0 ? `${problem.file}:${problem.line}${column}` : problem.file;
  const field = problem.fieldPath ? `${problem.fieldPath}: ` : '';
  const prefix = problem.severity === 'warning' ? 'warning: ' : '';
  return `${where}: ${prefix}${field}${problem.message}`;
}
