// A generated cluster -> files on disk, one per namespace, as a user's manifest folder would be:
// YAML (one document per object, separated by ---) or JSON (a `kind: List` per file).

import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { GeneratedCluster, NamespaceManifests } from './cluster.js';

export const MANIFEST_FORMATS = ['yaml', 'json'] as const;
export type ManifestFormat = (typeof MANIFEST_FORMATS)[number];

export interface WrittenManifests {
  readonly files: number;
  readonly bytes: number;
}

export async function writeManifests(cluster: GeneratedCluster, dir: string, format: ManifestFormat): Promise<WrittenManifests> {
  await mkdir(dir, { recursive: true });
  let bytes = 0;
  for (const ns of cluster.namespaces) {
    const text = manifestText(ns, format);
    bytes += Buffer.byteLength(text);
    await writeFile(join(dir, `${ns.namespace}.${format}`), text);
  }
  return { files: cluster.namespaces.length, bytes };
}

export function manifestText(ns: NamespaceManifests, format: ManifestFormat): string {
  if (format === 'json') return `${JSON.stringify({ apiVersion: 'v1', kind: 'List', items: ns.objects }, null, 2)}\n`;
  return ns.objects.map((object) => stringify(object, { lineWidth: 0 })).join('---\n');
}
