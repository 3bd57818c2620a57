// `npm start` shows the guide example: the pod-level map and the verdicts of the guide's curls.
// This runs the commands of package.json's start script in-process and checks what they print,
// so the README's promise stays true when either the script or the output changes.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { before, describe, test } from 'node:test';
import { runCli } from '../../src/cli/main.js';
import { fakeIO } from '../cli/fake-io.js';

const BIN = 'node dist/bin/netwarden.js ';

interface Run {
  readonly argv: readonly string[];
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function runStartScript(): Promise<Run[]> {
  const pkg = JSON.parse(await readFile('package.json', 'utf8')) as { scripts: Record<string, string> };
  // Steps are joined by &&; `echo` steps only print a blank line between outputs.
  const commands = (pkg.scripts['start'] ?? '').split(' && ').filter((command) => command !== 'echo');
  const runs: Run[] = [];
  for (const command of commands) {
    assert.ok(command.startsWith(BIN), `start script step "${command}" runs the built netwarden`);
    const argv = command.slice(BIN.length).split(/\s+/);
    const fake = fakeIO();
    const code = await runCli(argv, fake.io);
    runs.push({ argv, code, stdout: fake.stdout(), stderr: fake.stderr() });
  }
  return runs;
}

/** FROM -> TO pairs of a map table, with the FROM carried down blank cells. */
function tablePairs(table: string): Map<string, string> {
  const pairs = new Map<string, string>();
  let from = '';
  for (const line of table.split('\n').slice(1)) {
    if (line === '') break;
    // A blank FROM cell splits into an empty first cell.
    const [first = '', to = '', ports = ''] = line.split(/\s{2,}/);
    if (first !== '') from = first;
    pairs.set(`${from} -> ${to}`, ports);
  }
  return pairs;
}

describe('npm start on examples/guide', () => {
  let runs: Run[] = [];
  before(async () => {
    runs = await runStartScript();
  });

  test('every step exits 0 with nothing on stderr', () => {
    assert.ok(runs.length >= 2);
    for (const run of runs) assert.deepEqual([run.code, run.stderr], [0, ''], run.argv.join(' '));
  });

  test('the map is pod level: frontend and every outsider are kept from the database; everything else is open', () => {
    const map = runs.find((run) => run.argv[0] === 'map');
    assert.ok(map, 'the start script prints a map');
    const pairs = tablePairs(map.stdout);
    const pods = ['frontend', 'backend', 'database'].flatMap((app) => [0, 1, 2].map((i) => `default/${app}-${i}`));
    const ends = [...pods, '0.0.0.0/0'];
    for (const from of ends) {
      for (const to of ends) {
        if (from === to || (from === '0.0.0.0/0' && to === '0.0.0.0/0')) continue;
        const open = !to.startsWith('default/database-') || from.startsWith('default/backend-');
        assert.equal(pairs.get(`${from} -> ${to}`), open ? 'all' : undefined, `${from} -> ${to}`);
      }
    }
    assert.equal(pairs.size, 72);
  });

  test('the guide\'s failing curl, frontend -> database, is denied and explained by access-backend-database with its file:line', () => {
    const evalRun = runs.find((run) => run.argv.includes('default/svc/frontend') && run.argv.includes('default/svc/database'));
    assert.ok(evalRun, 'the start script evaluates frontend -> database');
    assert.match(evalRun.stdout, /^default\/frontend-0 -> default\/database-0 TCP\/80: DENIED\n/);
    assert.match(evalRun.stdout, /ingress \(default\/database-0\): denied: isolated by default\/access-backend-database \(examples\/guide\/access-backend-database\.yaml:1\); no ingress rule allows default\/frontend-0 on TCP\/80/);
  });

  test('backend -> database is allowed by the policy\'s only ingress rule', () => {
    const evalRun = runs.find((run) => run.argv.includes('default/svc/backend') && run.argv.includes('default/svc/database'));
    assert.ok(evalRun, 'the start script evaluates backend -> database');
    assert.match(evalRun.stdout, /^default\/backend-0 -> default\/database-0 TCP\/80: ALLOWED\n/);
    assert.match(evalRun.stdout, /default\/access-backend-database ingress\[0\] .*\n +from\[0\]: podSelector app=backend/);
  });
});
