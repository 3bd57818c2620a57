// What the measuring child (measure.ts) tells the runner (run-size.ts) over the IPC channel.
// The child reports the start and end of every phase, so that a run killed at its time budget
// still says how far it got and how long the finished phases took.

export const PHASES = ['load', 'compile', 'evaluate', 'connectivity', 'serialise'] as const;
export type Phase = (typeof PHASES)[number];

/** Phases that make up the end-to-end time (`evaluate` is measured on the side). */
export const END_TO_END_PHASES: readonly Phase[] = ['load', 'compile', 'connectivity', 'serialise'];

export interface MeasureRequest {
  /** Folder of generated manifests, loaded as `netwarden map -f <dir>` would. */
  readonly dir: string;
  /** Where the workload-level JSON map is written. */
  readonly outFile: string;
  readonly seed: number;
  /** Upper bound on timed evaluate() calls; fewer when they take longer than evalBudgetMs in all. */
  readonly evalSamples: number;
  readonly evalBudgetMs: number;
}

/** Facts learned in a phase, for the report. */
export interface PhaseFacts {
  readonly pods?: number;
  readonly policies?: number;
  readonly namespaces?: number;
  readonly loadErrors?: number;
  readonly endpoints?: number;
  readonly connections?: number;
  readonly outputBytes?: number;
  readonly evalSamples?: number;
  readonly evalMedianMs?: number;
  readonly evalP99Ms?: number;
}

export type ChildMessage =
  | { readonly type: 'start'; readonly phase: Phase }
  | {
      readonly type: 'end';
      readonly phase: Phase;
      readonly ms: number;
      /** process.resourceUsage().maxRSS so far, in bytes. */
      readonly maxRssBytes: number;
      readonly facts: PhaseFacts;
    };

export function isChildMessage(value: unknown): value is ChildMessage {
  if (typeof value !== 'object' || value === null) return false;
  const { type, phase } = value as { type?: unknown; phase?: unknown };
  return (type === 'start' || type === 'end') && (PHASES as readonly unknown[]).includes(phase);
}
