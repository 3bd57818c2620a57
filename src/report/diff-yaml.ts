import { portSetYaml, yamlListPieces } from './document-pieces.js';
import { isExternalEndpoint } from '../engine/types.js';
import type { ConnectionChange, ConnectivityDiff, DiffEndpoint } from '../analysis/diff.js';
import { diffSummary } from './diff-json.js';
import { chunked } from './formatter.js';
import type { FormatOptions } from './formatter.js';
import { yamlString } from './quoting.js';

/**
 * `diff -o yaml`: the same document as `-o json` (docs/diff.md), field for field, in YAML: one
 * endpoint and one change per line in flow style, so that it diffs and greps like the JSON.
 * A YAML 1.1 or 1.2 reader gets the same strings, numbers and lists as a JSON reader of -o json.
 */
export function formatDiffYaml(diff: ConnectivityDiff, options?: FormatOptions): Iterable<string> {
  return chunked(yamlPieces(diff), options);
}

function* yamlPieces(diff: ConnectivityDiff): Generator<string, void, undefined> {
  const summary = Object.entries(diffSummary(diff)).map(([key, value]) => `${key}: ${value}`);
  yield `level: ${yamlString(diff.level)}\nsummary: {${summary.join(', ')}}\n`;
  yield* yamlListPieces('endpoints', diff.endpoints, endpointYaml);
  yield* yamlListPieces('changes', diff.changes, changeYaml);
}

function endpointYaml({ endpoint, presence }: DiffEndpoint): string {
  const s = yamlString;
  if (isExternalEndpoint(endpoint)) {
    return `{id: ${s(endpoint.id)}, kind: ${s(endpoint.kind)}, cidrs: [${endpoint.cidrs.map(s).join(', ')}], presence: ${s(presence)}}`;
  }
  return `{id: ${s(endpoint.id)}, kind: ${s(endpoint.kind)}, namespace: ${s(endpoint.namespace)}, name: ${s(endpoint.name)}, presence: ${s(presence)}}`;
}

function changeYaml(c: ConnectionChange): string {
  const s = yamlString;
  const ports = `before: ${portSetYaml(c.before)}, after: ${portSetYaml(c.after)}, gained: ${portSetYaml(c.gained)}, lost: ${portSetYaml(c.lost)}`;
  return `{change: ${s(c.change)}, from: ${s(c.from)}, to: ${s(c.to)}, ${ports}}`;
}

