/**
 * Pass counts per feature tag (cyclonus tags.go style), so a run says "ipblock 12/12" and not
 * only a total. A case counts once under every tag it carries, and once under "all".
 */
export type Outcome = 'pass' | 'fail' | 'skip';

interface Counts {
  pass: number;
  fail: number;
  skip: number;
}

export class FeatureTally {
  readonly #counts = new Map<string, Counts>();

  record(tags: Iterable<string>, outcome: Outcome): void {
    for (const tag of new Set(['all', ...tags])) {
      const counts = this.#counts.get(tag) ?? { pass: 0, fail: 0, skip: 0 };
      counts[outcome] += 1;
      this.#counts.set(tag, counts);
    }
  }

  /** Lines like `  ipblock        12/12 passed` ("all" first, then tags by name). */
  summary(title: string): string[] {
    const tags = [...this.#counts.keys()].sort((a, b) => (a === 'all' ? -1 : b === 'all' ? 1 : a < b ? -1 : a > b ? 1 : 0));
    const width = Math.max(8, ...tags.map((t) => t.length));
    const lines = [`conformance: ${title}: passed per feature`];
    for (const tag of tags) {
      const c = this.#counts.get(tag)!;
      const ran = c.pass + c.fail;
      const skipped = c.skip > 0 ? `, ${c.skip} skipped` : '';
      lines.push(`  ${tag.padEnd(width)} ${String(c.pass).padStart(4)}/${String(ran).padEnd(4)} passed${skipped}`);
    }
    return lines;
  }

  counts(tag: string): Readonly<Counts> {
    return this.#counts.get(tag) ?? { pass: 0, fail: 0, skip: 0 };
  }
}
