import type { CliIO, ExitCode } from './io.js';
import { EXIT } from './io.js';
import { runDiff } from './diff.js';
import { runEval } from './eval.js';
import { runExposure } from './exposure.js';
import { runLab } from './lab.js';
import { runLint } from './lint.js';
import { runMap } from './map.js';
import { runTest } from './test.js';
import { runUi } from './ui.js';

type CommandRunner = (argv: readonly string[], io: CliIO) => Promise<ExitCode>;

const COMMANDS = {
  diff: runDiff,
  eval: runEval,
  exposure: runExposure,
  lab: runLab,
  lint: runLint,
  map: runMap,
  test: runTest,
  ui: (argv, io) => runUi(argv, io, 'ui'),
  dashboard: (argv, io) => runUi(argv, io, 'dashboard'),
} as const satisfies Record<string, CommandRunner>;

const USAGE = `Usage: netwarden <command> [options]

Exact analysis of Kubernetes NetworkPolicies, from manifests.

Commands:
  diff      show which connections a change of manifests adds, removes or changes
  eval      evaluate one connection and explain the verdict
  exposure  show what each workload is exposed to, from the entire cluster to the internet
  lab       check the verdicts with real packets in network namespaces (root)
  lint      find policies that are wrong, useless or risky
  map       show who can reach whom, on which ports
  test      check intents (who must, and must not, reach whom) against the policies
  ui        serve the dashboard in a browser: graph, matrix, explain, policies, what-if (alias: dashboard)

Run "netwarden <command> --help" for a command's options. Docs: docs/cli.md.
Exit codes: 0 ran fine; 1 the input had invalid objects, diff --exit-code found a change, lint
reported an error or a warning, or an intent failed; 2 usage error or unreadable input; 3 eval
--exit-code and the connection is denied.
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
