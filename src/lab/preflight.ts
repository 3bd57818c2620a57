// What the lab needs from the machine: root (network namespaces, nftables), iproute2 and nftables.
import { runCommand } from './run-command.js';

/** Why the lab cannot run here; empty when it can. */
export async function labUnavailable(): Promise<string[]> {
  const problems: string[] = [];
  if (process.getuid?.() !== 0) problems.push('the lab needs root (it creates network namespaces and nftables tables): run it with sudo');
  for (const [tool, args, pkg] of [
    ['ip', ['-V'], 'iproute2'],
    ['nft', ['--version'], 'nftables'],
  ] as const) {
    const found = await runCommand([tool, ...args]).then(
      (out) => out.code === 0,
      () => false,
    );
    if (!found) problems.push(`"${tool}" is missing: install ${pkg} (e.g. apt-get install -y ${pkg})`);
  }
  return problems;
}
