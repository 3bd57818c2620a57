import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runCli } from '../../src/cli/main.js';
import { fakeIO } from './fake-io.js';

test('no command prints the usage on stderr and exits 2', async () => {
  const fake = fakeIO();
  assert.equal(await runCli([], fake.io), 2);
  assert.match(fake.stderr(), /^Usage: netwarden <command>/);
});

test('--help and help print the usage on stdout and exit 0', async () => {
  for (const argv of [['--help'], ['-h'], ['help']]) {
    const fake = fakeIO();
    assert.equal(await runCli(argv, fake.io), 0);
    assert.match(fake.stdout(), /^Usage: netwarden <command>[^]*eval[^]*map/);
  }
});

test('help COMMAND is COMMAND --help', async () => {
  const fake = fakeIO();
  assert.equal(await runCli(['help', 'map'], fake.io), 0);
  assert.match(fake.stdout(), /^Usage: netwarden map \[options\]/);
});

test('an unknown command exits 2 and names it', async () => {
  const fake = fakeIO();
  assert.equal(await runCli(['frobnicate'], fake.io), 2);
  assert.match(fake.stderr(), /^netwarden: unknown command "frobnicate"\n/);
});

test('a command runs with the arguments after its name', async () => {
  const fake = fakeIO();
  assert.equal(await runCli(['map', '-f', 'examples/guide', '--level', 'workload'], fake.io), 0);
  assert.match(fake.stdout(), /default\/deployment\/frontend/);
});
