import { Command, CommanderError } from 'commander';
import type { CliIO, ExitCode } from './io.js';
import { EXIT } from './io.js';

/** The flags every command that reads manifests shares, kubectl-style. */
export interface InputFlags {
  readonly filenames: readonly string[];
  readonly namespace: string;
}

/**
 * A commander Command for `netwarden <name>` that writes through `io` and never exits the process:
 * parse errors and --help come back from `parseArgv` as an exit code.
 */
export function newCommand(name: string, description: string, io: CliIO): Command {
  return new Command(`netwarden ${name}`)
    .description(description)
    .helpOption('-h, --help', 'show this help')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => void io.stdout.write(text),
      writeErr: (text) => void io.stderr.write(text),
      outputError: (text, write) => write(`netwarden ${name}: ${text}`),
    })
    .showHelpAfterError(`(run "netwarden ${name} --help" for usage)`)
    .option('-f, --filename <path>', 'manifest file, directory (read recursively) or - for standard input; repeatable', collect)
    .option('-n, --namespace <name>', 'namespace for objects that do not name one', 'default');
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

export type ParsedArgv = { readonly kind: 'parsed'; readonly opts: Record<string, unknown> } | { readonly kind: 'exit'; readonly code: ExitCode };

/** Parses argv (the arguments after the command name). Help exits 0; a parse error, already reported, exits 2. */
export function parseArgv(command: Command, argv: readonly string[]): ParsedArgv {
  try {
    command.parse([...argv], { from: 'user' });
    return { kind: 'parsed', opts: command.opts() };
  } catch (error) {
    if (error instanceof CommanderError) return { kind: 'exit', code: error.exitCode === 0 ? EXIT.ok : EXIT.usage };
    throw error;
  }
}

/** Checks the shared input flags; every problem is reported, not only the first (style rule 12). */
export function inputFlags(opts: Record<string, unknown>, errors: string[]): InputFlags {
  const filenames = Array.isArray(opts['filename']) ? opts['filename'].map(String) : [];
  if (filenames.length === 0) errors.push('-f/--filename is required: a manifest file, a directory, or - for standard input');
  const namespace = typeof opts['namespace'] === 'string' ? opts['namespace'] : 'default';
  if (namespace === '') errors.push('-n/--namespace must not be empty');
  return { filenames, namespace };
}

/** One of `allowed`, or an error naming them. */
export function oneOf<T extends string>(flag: string, value: unknown, allowed: readonly T[], errors: string[]): T | undefined {
  const found = allowed.find((candidate) => candidate === value);
  if (found === undefined) errors.push(`${flag} ${String(value)}: expected one of ${allowed.join(', ')}`);
  return found;
}

export function reportUsageErrors(name: string, errors: readonly string[], io: CliIO): ExitCode {
  io.stderr.write(errors.map((error) => `netwarden ${name}: error: ${error}\n`).join('') + `(run "netwarden ${name} --help" for usage)\n`);
  return EXIT.usage;
}
