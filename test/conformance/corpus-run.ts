// Per-run state of a netpol-analyzer golden runner: each input folder read and analysed once
// (goldens share inputs), the feature tally, and the counts printed in the summary. Inputs are
// corpus-relative, or absolute (the fixture folders of the Go-object goldens).
import { resolve } from 'node:path';
import { FeatureTally } from './feature-tally.js';
import { inputKinds } from './netpol-analyzer-cases.js';

export class CorpusRun<Analysed> {
  readonly tally = new FeatureTally();
  readonly notRun = new Map<string, number>();
  readonly excluded = new Map<string, number>();
  readonly #analysed = new Map<string, Promise<Analysed>>();
  readonly #kinds = new Map<string, Set<string>>();
  readonly corpus: string;
  readonly #analyseInput: (dir: string) => Promise<Analysed>;

  constructor(corpus: string, analyseInput: (dir: string) => Promise<Analysed>) {
    this.corpus = corpus;
    this.#analyseInput = analyseInput;
  }

  kindsOf(input: string): Set<string> {
    let kinds = this.#kinds.get(input);
    if (kinds === undefined) this.#kinds.set(input, (kinds = inputKinds(resolve(this.corpus, input))));
    return kinds;
  }

  analyse(input: string): Promise<Analysed> {
    let entry = this.#analysed.get(input);
    if (entry === undefined) this.#analysed.set(input, (entry = this.#analyseInput(resolve(this.corpus, input))));
    return entry;
  }

  count(counts: Map<string, number>, reason: string): void {
    counts.set(reason, (counts.get(reason) ?? 0) + 1);
  }

  /** The summary a runner prints: pass counts per feature, then its excluded and not-run goldens by reason. */
  summaryLines(headings: { readonly tally: string; readonly excluded: string; readonly notRun: string }): string[] {
    const byReason = (counts: Map<string, number>): string[] =>
      [...counts].sort().map(([reason, n]) => `  ${String(n).padStart(4)}  ${reason}`);
    return [...this.tally.summary(headings.tally), headings.excluded, ...byReason(this.excluded), headings.notRun, ...byReason(this.notRun)];
  }
}
