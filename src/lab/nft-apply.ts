// Applying rendered rulesets (style rule 11): one `nft -f` per namespace, which nft runs as one
// transaction, so a namespace has either its old table or its new one, never half of it. Only
// ever inside the lab's own namespaces, and only tables with the lab's prefix.
import { mustRun } from './run-command.js';
import { TABLE_PREFIX } from './nft-render.js';

/** Loads `script` (from renderPodRuleset) into `netns`. Rejects with nft's message when it refuses the script. */
export async function applyRuleset(netns: string, script: string): Promise<void> {
  await mustRun(['ip', 'netns', 'exec', netns, 'nft', '-f', '-'], script);
}

/** Deletes the tables whose name starts with `netwarden_` in `netns`; leaves every other table alone. */
export async function deleteLabTables(netns: string): Promise<void> {
  const listing = await mustRun(['ip', 'netns', 'exec', netns, 'nft', 'list', 'tables']);
  const ours = listing
    .split('\n')
    .map((line) => /^table (\w+) (\S+)$/.exec(line.trim()))
    .filter((m): m is RegExpExecArray => m !== null && (m[2] ?? '').startsWith(TABLE_PREFIX));
  if (ours.length === 0) return;
  await mustRun(['ip', 'netns', 'exec', netns, 'nft', '-f', '-'], ours.map((m) => `delete table ${m[1]} ${m[2]}\n`).join(''));
}
