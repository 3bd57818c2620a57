import type { DirectionExposure, ExposureReport, SubjectExposure } from '../analysis/exposure.js';
import { directionHead, peerDocument, portsDocument, subjectHead, type Plain } from './exposure-document.js';
import { chunked } from './formatter.js';
import type { FormatOptions } from './formatter.js';
import { yamlString } from './quoting.js';

/**
 * `exposure -o yaml`: the same document as `-o json`, field for field, in YAML; each exposure
 * on a line of its own in flow style, like the JSON. Strings are plain only where no YAML 1.1 or
 * 1.2 reader can take them for anything else (quoting.ts), so every reader gets the JSON's values.
 */
export function formatExposureYaml(report: ExposureReport, options?: FormatOptions): Iterable<string> {
  return chunked(yamlPieces(report), options);
}

function* yamlPieces(report: ExposureReport): Generator<string, void, undefined> {
  yield `level: ${yamlString(report.level)}\n`;
  if (report.subjects.length === 0) {
    yield 'subjects: []\n';
    return;
  }
  yield 'subjects:\n';
  for (const subject of report.subjects) yield subjectYaml(subject);
}

function subjectYaml(subject: SubjectExposure): string {
  const head = Object.entries(subjectHead(subject)).map(([key, value], i) => `${i === 0 ? '  - ' : '    '}${key}: ${flow(value)}\n`);
  return `${head.join('')}    ingress:\n${directionYaml(subject.ingress)}    egress:\n${directionYaml(subject.egress)}`;
}

function directionYaml(side: DirectionExposure): string {
  const head = Object.entries(directionHead(side)).map(([key, value]) => `      ${key}: ${flow(value)}\n`);
  if (side.exposures.length === 0) return `${head.join('')}      exposures: []\n`;
  const items = side.exposures.map((e) => `        - {peer: ${flow(peerDocument(e.peer))}, ports: ${flow(portsDocument(e.ports))}}\n`);
  return `${head.join('')}      exposures:\n${items.join('')}`;
}

/** A value in YAML flow style: `{key: value, ...}`, `[a, b]`, scalars quoted only when needed. */
function flow(value: Plain): string {
  if (typeof value === 'string') return yamlString(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${(value as readonly Plain[]).map(flow).join(', ')}]`;
  const entries = Object.entries(value as { readonly [key: string]: Plain });
  return `{${entries.map(([key, v]) => `${yamlString(key)}: ${flow(v)}`).join(', ')}}`;
}
