// Running the lab's tools (ip, nft): one place that spawns them, so that every failure carries
// the command line and its stderr.
import { spawn } from 'node:child_process';

export interface CommandOutput {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** A tool the lab ran exited non-zero. A bug or a broken host, not bad user input. */
export class LabCommandError extends Error {
  readonly command: readonly string[];
  readonly output: CommandOutput;
  constructor(command: readonly string[], output: CommandOutput) {
    super(`${command.join(' ')} exited ${output.code}: ${output.stderr.trim().split('\n').slice(0, 5).join(' | ')}`);
    this.command = command;
    this.output = output;
  }
}

/** Runs `command` with `input` on stdin; resolves with its exit code and output (never rejects on a non-zero exit). */
export function runCommand(command: readonly string[], input?: string): Promise<CommandOutput> {
  const [file, ...args] = command;
  if (file === undefined) return Promise.reject(new Error('empty command'));
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
    if (input !== undefined) child.stdin?.end(input);
  });
}

/** Like runCommand, but a non-zero exit is a LabCommandError. */
export async function mustRun(command: readonly string[], input?: string): Promise<string> {
  const output = await runCommand(command, input);
  if (output.code !== 0) throw new LabCommandError(command, output);
  return output.stdout;
}

/** Runs `task` over `items` with at most `limit` at a time; results in input order. */
export async function inParallel<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
