import { watch } from 'node:fs';
import type { FSWatcher } from 'node:fs';
import { statSync } from 'node:fs';
import { basename, dirname } from 'node:path';

/** Changes closer together than this are one reload (an editor's save is often several writes). */
export const DEBOUNCE_MS = 200;

export interface Watching {
  close(): void;
}

/**
 * Calls `onChange` once things settle after any change under the inputs: a directory is watched
 * recursively, a file through its directory (editors replace files on save, which a watch on the
 * file itself would lose). Standard input (`-`) is not watched.
 */
export function watchInputs(inputs: readonly string[], onChange: () => void, onError: (message: string) => void): Watching {
  const watchers: FSWatcher[] = [];
  let timer: NodeJS.Timeout | undefined;
  const changed = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      onChange();
    }, DEBOUNCE_MS);
  };
  for (const input of inputs) {
    if (input === '-') continue;
    try {
      watchers.push(watchOne(input, changed));
    } catch (error) {
      onError(`cannot watch ${input}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  for (const watcher of watchers) watcher.on('error', (error) => onError(`watching stopped: ${error.message}`));
  return {
    close: () => {
      if (timer !== undefined) clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
    },
  };
}

function watchOne(input: string, changed: () => void): FSWatcher {
  if (statSync(input).isDirectory()) return watch(input, { recursive: true, persistent: false }, changed);
  const name = basename(input);
  return watch(dirname(input), { persistent: false }, (_event, file) => {
    if (file === null || file === name) changed();
  });
}
