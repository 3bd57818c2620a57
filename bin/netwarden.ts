#!/usr/bin/env node
// The netwarden executable: the only place that touches process.* (style rule 1).
import { runCli } from '../src/cli/main.js';
import type { CliIO } from '../src/cli/io.js';
import { nodeLoadIO } from '../src/load/index.js';

const io: CliIO = {
  load: nodeLoadIO,
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
};

// A closed pipe (`netwarden map ... | head`) is the reader's choice, not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

try {
  process.exitCode = await runCli(process.argv.slice(2), io);
} catch (error) {
  // A thrown exception is a bug in netwarden, never a problem with the input (style rule 8).
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(
    `netwarden: internal error: ${message}\n` +
      'This is a bug in netwarden; please report it with the command line and the input that caused it.\n' +
      `${detail}\n`,
  );
  process.exit(2);
}
