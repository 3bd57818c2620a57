// The page's data as a hook: the loaded snapshot, the applied what-if, the live-reload state,
// and loading them again (a level change, a reload event, a what-if applied or dropped).
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { MapLevel, WhatIfEdit } from '../../api-types.ts';
import { subscribeReload } from './api.ts';
import { applyWhatIf, loadSnapshot } from './app-state.ts';
import type { Snapshot, WhatIfState } from './app-state.ts';
import { registry } from './hook.ts';

export interface Dashboard {
  snapshot: Snapshot | undefined;
  error: string | undefined;
  whatIf: WhatIfState | undefined;
  live: boolean;
  notice: string | undefined;
  setNotice(text: string | undefined): void;
  load(level: MapLevel | undefined): Promise<void>;
  /** Applies the edits; resolves to an error message, or undefined when applied. */
  runWhatIf(edits: WhatIfEdit[], level: MapLevel): Promise<string | undefined>;
  clearWhatIf(): void;
}

export function useDashboard(): Dashboard {
  const [snapshot, setSnapshot] = useState<Snapshot>();
  const [error, setError] = useState<string>();
  const [whatIf, setWhatIf] = useState<WhatIfState>();
  const [live, setLive] = useState(false);
  const [notice, setNotice] = useState<string>();
  const whatIfRef = useRef<WhatIfState | undefined>(undefined);
  whatIfRef.current = whatIf;

  const runWhatIf = useCallback(async (edits: WhatIfEdit[], level: MapLevel): Promise<string | undefined> => {
    const result = await applyWhatIf(edits, level);
    if (result.kind === 'error') return result.message;
    setWhatIf(result.state);
    registry.whatIf = true;
    return undefined;
  }, []);

  const load = useCallback(async (level: MapLevel | undefined) => {
    const result = await loadSnapshot(level);
    if (result.kind === 'error') return setError(result.message);
    setError(undefined);
    setSnapshot(result.snapshot);
    registry.level = result.snapshot.map.level;
    registry.generation = result.snapshot.cluster.generation;
    registry.ready = true;
    // An applied what-if follows the new manifests or level.
    const edits = whatIfRef.current?.edits;
    const failed = edits === undefined ? undefined : await runWhatIf(edits, result.snapshot.map.level);
    if (failed !== undefined) setError(`the what-if could not be applied again: ${failed}`);
  }, [runWhatIf]);

  useEffect(() => void load(undefined), [load]);
  useEffect(
    () =>
      subscribeReload((event) => {
        setNotice(`Manifests changed on disk: reloaded (generation ${event.generation}).`);
        void load(registry.level as MapLevel | undefined);
      }, setLive),
    [load],
  );
  const clearWhatIf = useCallback(() => {
    setWhatIf(undefined);
    registry.whatIf = false;
  }, []);
  return { snapshot, error, whatIf, live, notice, setNotice, load, runWhatIf, clearWhatIf };
}
