// What the page knows: the loaded cluster and map, the what-if result when one is applied, and
// loading them again from the server (at start, on a level change, on a live reload).
import type { ClusterView, MapLevel, MapView, WhatIfEdit, WhatIfView } from '../../api-types.ts';
import { fetchCluster, fetchMap, postWhatIf } from './api.ts';

export type Tab = 'graph' | 'matrix' | 'explain' | 'policies' | 'whatif';

export const TABS: { id: Tab; label: string }[] = [
  { id: 'graph', label: 'Graph' },
  { id: 'matrix', label: 'Matrix' },
  { id: 'explain', label: 'Explain' },
  { id: 'policies', label: 'Policies' },
  { id: 'whatif', label: 'What-if' },
];

export interface WhatIfState {
  edits: WhatIfEdit[];
  view: WhatIfView;
}

export interface Snapshot {
  cluster: ClusterView;
  map: MapView;
}

export type LoadResult = { kind: 'ok'; snapshot: Snapshot } | { kind: 'error'; message: string };

export async function loadSnapshot(level: MapLevel | undefined): Promise<LoadResult> {
  const [cluster, map] = await Promise.all([fetchCluster(), fetchMap(level)]);
  if (cluster.kind === 'error') return { kind: 'error', message: cluster.message };
  if (map.kind === 'error') return { kind: 'error', message: map.message };
  return { kind: 'ok', snapshot: { cluster: cluster.value, map: map.value } };
}

export type WhatIfResult = { kind: 'ok'; state: WhatIfState } | { kind: 'error'; message: string };

export async function applyWhatIf(edits: WhatIfEdit[], level: MapLevel): Promise<WhatIfResult> {
  const response = await postWhatIf({ level, edits });
  if (response.kind === 'error') return { kind: 'error', message: response.message };
  return { kind: 'ok', state: { edits, view: response.value } };
}
