// Collects the problems of one load, each located at a Site (style rule 8: errors are values).

import type { LoadProblem } from '../model/problem.js';
import type { Site } from './positions.js';

export type ProblemKind = LoadProblem['kind'];

export class ProblemSink {
  readonly problems: LoadProblem[] = [];
  private errors = 0;

  /** Number of errors so far; compare before/after decoding an object to know whether it failed. */
  get errorCount(): number {
    return this.errors;
  }

  error(site: Site, kind: ProblemKind, message: string): void {
    this.errors++;
    this.problems.push(located(site, 'error', kind, message));
  }

  warning(site: Site, kind: ProblemKind, message: string): void {
    this.problems.push(located(site, 'warning', kind, message));
  }

  /** A problem about a whole file (line 0) or with a parser's line and column. */
  add(problem: LoadProblem): void {
    if (problem.severity === 'error') this.errors++;
    this.problems.push(problem);
  }
}

function located(site: Site, severity: LoadProblem['severity'], kind: ProblemKind, message: string): LoadProblem {
  return site.path === ''
    ? { severity, kind, file: site.file, line: site.line, message }
    : { severity, kind, file: site.file, line: site.line, fieldPath: site.path, message };
}
