#!/usr/bin/env node
// The netwarden executable: the only place that touches process.* (style rule 1).
import { runCli } from '../src/cli/main.js';
import { systemClock } from '../src/cli/clock.js';
import type { CliIO } from '../src/cli/io.js';
import { EXIT } from '../src/cli/io.js';
import { nodeLoadIO } from '../src/load/index.js';

const io: CliIO = {
  load: nodeLoadIO,
  stdout: process.stdout,
  stderr: process.stderr,
  clock: systemClock,
  stopRequested: () =>
    new Promise((resolve) => {
      const stop = (signal: NodeJS.Signals): void => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        resolve(signal);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    }),
};

// Errors writing stdout. While a command writes, src/cli/write-output.ts listens too and handles
// them: a closed pipe (`netwarden map ... | head`) is the reader's choice, not an error, so the
// command just stops; any other is reported and exits 2. This listener covers an error that
// arrives when no command is writing (after the last chunk): the same, without a stack trace.
let outputFailed = false;
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE' || process.stdout.listenerCount('error') > 1) return;
  outputFailed = true;
  process.exitCode = EXIT.usage;
  process.stderr.write(`netwarden: cannot write the output: ${error.message}\n`);
});

try {
  const code = await runCli(process.argv.slice(2), io);
  process.exitCode = outputFailed ? EXIT.usage : code;
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
