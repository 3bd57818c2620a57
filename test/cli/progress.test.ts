// The progress line: on a terminal only, after a second, rewritten in place, erased at the end.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { runEval } from '../../src/cli/eval.js';
import { runMap } from '../../src/cli/map.js';
import { PROGRESS_DELAY_MS, startProgress } from '../../src/cli/progress.js';
import type { LoadIO } from '../../src/load/index.js';
import { nodeLoadIO } from '../../src/load/index.js';
import { FakeClock, FakeStream, fakeIO } from './fake-io.js';

/** What a terminal shows after `text`: each \r goes back to the start of the line, later text overwrites. */
function screen(text: string): string {
  return text.split('\n').map((line) => line.split('\r').reduce((shown, part) => part + shown.slice(part.length), '')).join('\n');
}

/** Reads from disk, each read taking `ms` of (fake) time with the event loop free. */
function slowReads(clock: FakeClock, ms: number): LoadIO {
  return { ...nodeLoadIO, readFile: async (path) => (clock.advance(ms), nodeLoadIO.readFile(path)) };
}

describe('the progress line', () => {
  test('nothing is drawn during the first second; then the phase, rewritten in place; erased at the end', () => {
    const stderr = new FakeStream({ isTTY: true });
    const clock = new FakeClock();
    const progress = startProgress(stderr, clock);
    progress.phase({ kind: 'loading', filesRead: 0 });
    clock.advance(PROGRESS_DELAY_MS - 1);
    assert.equal(stderr.text(), '');
    clock.advance(1);
    assert.equal(stderr.text(), '\rnetwarden: loading manifests (0 files read)...');
    progress.phase({ kind: 'computing', what: 'connectivity' });
    // Blanks cover what is left of the longer line before.
    assert.equal(screen(stderr.text()), 'netwarden: computing connectivity...'.padEnd('netwarden: loading manifests (0 files read)...'.length));
    progress.stop();
    assert.equal(screen(stderr.text()).trim(), '');
    assert.ok(stderr.text().endsWith('\r'), 'the cursor is back at the start of the line');
    assert.equal(clock.pending(), 0);
    progress.phase({ kind: 'writing' });
    clock.advance(10_000);
    assert.equal(screen(stderr.text()).trim(), '', 'nothing after stop');
  });

  test('a phase entered after a second of synchronous work is drawn at once, though no timer could fire', () => {
    const stderr = new FakeStream({ isTTY: true });
    const clock = new FakeClock();
    const progress = startProgress(stderr, clock);
    progress.phase({ kind: 'loading', filesRead: 3 });
    clock.block(5000);
    progress.phase({ kind: 'computing', what: 'connectivity' });
    assert.equal(stderr.text(), '\rnetwarden: computing connectivity...');
  });

  test('count updates redraw at most every 100 ms, and the latest count is drawn when the time comes', () => {
    const stderr = new FakeStream({ isTTY: true });
    const clock = new FakeClock();
    const progress = startProgress(stderr, clock);
    clock.advance(PROGRESS_DELAY_MS);
    for (let filesRead = 1; filesRead <= 5; filesRead++) {
      progress.phase({ kind: 'loading', filesRead });
      clock.advance(10);
    }
    assert.equal(stderr.writes.length, 1);
    clock.advance(100);
    assert.equal(stderr.writes.length, 2);
    assert.equal(screen(stderr.text()), 'netwarden: loading manifests (5 files read)...');
  });

  test('clear() erases the line for other output; the next phase draws it again', () => {
    const stderr = new FakeStream({ isTTY: true });
    const clock = new FakeClock();
    const progress = startProgress(stderr, clock);
    clock.block(PROGRESS_DELAY_MS);
    progress.phase({ kind: 'writing' });
    progress.clear();
    stderr.write('a.yaml:1: problem\n');
    progress.phase({ kind: 'computing', what: 'verdict' });
    assert.equal(screen(stderr.text()), `${'a.yaml:1: problem'.padEnd('netwarden: writing the output...'.length)}\nnetwarden: evaluating the connection...`);
  });

  test('never drawn when stderr is not a terminal', () => {
    const stderr = new FakeStream({ isTTY: false });
    const clock = new FakeClock();
    const progress = startProgress(stderr, clock);
    progress.phase({ kind: 'loading', filesRead: 1 });
    clock.advance(60_000);
    progress.phase({ kind: 'writing' });
    progress.stop();
    assert.deepEqual([stderr.writes, clock.pending()], [[], 0]);
  });
});

describe('commands show their progress on a terminal', () => {
  test('a slow map says it is loading, then erases the line; the map itself is unchanged', async () => {
    const plain = fakeIO();
    await runMap(['-f', 'examples/guide', '-o', 'json'], plain.io);
    const clock = new FakeClock();
    const stderr = new FakeStream({ isTTY: true });
    const fake = fakeIO(slowReads(clock, 400), { stderr, clock });
    assert.equal(await runMap(['-f', 'examples/guide', '-o', 'json'], fake.io), 0);
    assert.ok(stderr.writes.some((text) => /^\rnetwarden: loading manifests \(\d+ files? read\)\.\.\.$/.test(text)), stderr.writes.join(' | '));
    assert.ok(stderr.writes.some((text) => text.includes('writing the output')), 'stdout is not a terminal: writing is shown');
    assert.equal(screen(fake.stderr()).trim(), '');
    assert.equal(fake.stdout(), plain.stdout());
  });

  test('when stdout is the terminal too, the line is erased before the output', async () => {
    const clock = new FakeClock();
    const stderr = new FakeStream({ isTTY: true });
    const fake = fakeIO(slowReads(clock, 400), { stderr, clock, stdout: new FakeStream({ isTTY: true }) });
    assert.equal(await runMap(['-f', 'examples/guide'], fake.io), 0);
    assert.ok(stderr.writes.length > 0);
    assert.ok(!stderr.writes.some((text) => text.includes('writing')));
    assert.equal(screen(fake.stderr()).trim(), '');
  });

  test('eval shows it too, and a fast run shows nothing', async () => {
    const argv = ['-f', 'examples/guide', '--from', 'default/svc/frontend', '--to', 'default/svc/database', '--port', '80'];
    const clock = new FakeClock();
    const slow = fakeIO(slowReads(clock, 400), { stderr: new FakeStream({ isTTY: true }), clock });
    assert.equal(await runEval(argv, slow.io), 0);
    assert.match(slow.stderr(), /loading manifests/);
    assert.equal(screen(slow.stderr()).trim(), '');
    const fast = fakeIO(nodeLoadIO, { stderr: new FakeStream({ isTTY: true }) });
    assert.equal(await runEval(argv, fast.io), 0);
    assert.equal(fast.stderr(), '');
  });

  test('never on a pipe, however slow', async () => {
    const clock = new FakeClock();
    const fake = fakeIO(slowReads(clock, 5000), { clock });
    assert.equal(await runMap(['-f', 'examples/guide'], fake.io), 0);
    assert.equal(fake.stderr(), '');
  });
});
