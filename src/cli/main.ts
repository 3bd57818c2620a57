import type { CliIO, ExitCode } from './io.js';
import { EXIT } from './io.js';
import { runEval } from './eval.js';
import { runLab } from './lab.js';
import { runMap } from './map.js';

type CommandRunner = (argv: readonly string[], io: CliIO) => Promise<ExitCode>;

const COMMANDS = {
  eval: runEval,
  lab: runLab,
  map: runMap,
} as const satisfies Record<string, CommandRunner>;

const USAGE = `Usage: netwarden <command> [options]

Exact analysis of Kubernetes NetworkPolicies, from manifests.

Commands:
  eval   evaluate one connection and explain the verdict
  lab    check the verdicts with real packets in network namespaces (root)
  map    show who can reach whom, on which ports

Run "netwarden <command> --help" for a command's options. Docs: docs/cli.md.
Exit codes: 0 ran fine; 1 the input had invalid objects; 2 usage error or unreadable input;
3 eval --exit-code and the connection is denied.
`;

/** `netwarden <command> ...`: dispatches to the command; argv excludes the program name. */
export async function runCli(argv: readonly string[], io: CliIO): Promise<ExitCode> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.stderr.write(USAGE);
    return EXIT.usage;
  }
  if (name === '--help' || name === '-h') {
    io.stdout.write(USAGE);
    return EXIT.ok;
  }
  if (name === 'help') return rest[0] === undefined ? runCli(['--help'], io) : runCli([rest[0], '--help'], io);
  if (!isCommand(name)) {
    io.stderr.write(`netwarden: unknown command "${name}"\n\n${USAGE}`);
    return EXIT.usage;
  }
  return COMMANDS[name](rest, io);
}

function isCommand(name: string): name is keyof typeof COMMANDS {
  return Object.hasOwn(COMMANDS, name);
}
