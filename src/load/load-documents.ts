// The pure entry point: texts -> Cluster + problems. Never throws for bad input.

import type { Cluster } from '../model/cluster.js';
import type { LoadProblem } from '../model/problem.js';
import { ProblemSink } from './problem-sink.js';
import { parseDocuments, type YamlReader } from './parse-documents.js';
import { objectsOfDocument } from './split-objects.js';
import { ClusterBuilder } from './objects-to-model.js';

export interface LoadOptions {
  /** Namespace of objects without metadata.namespace ("default" unless -n). */
  readonly defaultNamespace: string;
  /** How YAML is read (parse-documents.ts); 'fast' unless set. Both give the same result. */
  readonly yamlReader?: YamlReader;
}

export interface LoadResult {
  readonly cluster: Cluster;
  readonly problems: readonly LoadProblem[];
}

export interface InputText {
  /** Display name: a path, or "<stdin>". */
  readonly file: string;
  readonly text: string;
}

/** Loads every input; problems are in input order (file, then position), then whole-cluster ones. */
export function loadDocuments(inputs: readonly InputText[], options: LoadOptions): LoadResult {
  return loadInto(inputs, options, new ProblemSink());
}

/** Shared with loadSources, whose I/O problems come first in the same sink. */
export function loadInto(inputs: readonly InputText[], options: LoadOptions, sink: ProblemSink): LoadResult {
  const builder = new ClusterBuilder(options.defaultNamespace, sink);
  for (const input of inputs) {
    const before = sink.problems.length;
    let found = 0;
    for (const doc of parseDocuments(input.file, input.text, sink, options.yamlReader ?? 'fast')) {
      for (const object of objectsOfDocument(input.file, doc, sink)) {
        builder.add(object);
        found++;
      }
    }
    if (found === 0 && sink.problems.length === before) {
      // An empty input is almost always a mistake (a failed `helm template`, a wrong path): say so.
      sink.error({ file: input.file, path: '', line: 0 }, 'schema', 'no Kubernetes objects in this file');
    }
  }
  const cluster = builder.build();
  return { cluster, problems: byFile(sink.problems, inputs) };
}

/** Groups problems by input file (stable: within a file they stay in the order found). */
function byFile(problems: readonly LoadProblem[], inputs: readonly InputText[]): LoadProblem[] {
  const order = new Map(inputs.map((input, i) => [input.file, i]));
  const rank = (p: LoadProblem): number => order.get(p.file) ?? -1;
  return [...problems].sort((a, b) => rank(a) - rank(b));
}
