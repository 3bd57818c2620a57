// Shared helpers of the load tests: load a fixture or an inline text, print problems the way
// the CLI does.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadDocuments, type LoadResult } from '../../src/load/index.js';
import { formatProblem } from '../../src/model/problem.js';

export const FIXTURES = fileURLToPath(new URL('../fixtures/load/', import.meta.url));

export function fixtureText(name: string): string {
  return readFileSync(`${FIXTURES}${name}`, 'utf8');
}

/** Loads test/fixtures/load/<name>, displayed as <name> so expectations stay short. */
export function loadFixture(name: string, defaultNamespace = 'default'): LoadResult {
  return loadDocuments([{ file: name, text: fixtureText(name) }], { defaultNamespace });
}

export function loadText(text: string, file = 'input.yaml', defaultNamespace = 'default'): LoadResult {
  return loadDocuments([{ file, text }], { defaultNamespace });
}

export function printed(result: LoadResult): string[] {
  return result.problems.map(formatProblem);
}

export function errorsOf(result: LoadResult): string[] {
  return result.problems.filter((p) => p.severity === 'error').map(formatProblem);
}
