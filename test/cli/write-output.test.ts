// Streaming output to stdout: backpressure, a reader that goes away (EPIPE), a stream that fails.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { runMap } from '../../src/cli/map.js';
import { startProgress } from '../../src/cli/progress.js';
import { writeChunks, writeOutput } from '../../src/cli/write-output.js';
import { FakeClock, FakeStream, fakeIO } from './fake-io.js';

/** Chunks 'c0', 'c1', ...; `pulled()` says how many the writer has asked for so far. */
function countedChunks(count: number): { readonly chunks: Iterable<string>; readonly pulled: () => number } {
  let pulled = 0;
  function* chunks(): Generator<string> {
    for (let i = 0; i < count; i++) {
      pulled++;
      yield `c${i} `;
    }
  }
  return { chunks: chunks(), pulled: () => pulled };
}

function epipe(): Error {
  return Object.assign(new Error('write EPIPE'), { code: 'EPIPE' });
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('writing output in chunks', () => {
  test('after write() returns false, nothing more is formatted or written until drain', async () => {
    const out = new FakeStream({ accept: (_, index) => index !== 1 });
    const { chunks, pulled } = countedChunks(5);
    const writing = writeChunks(out, chunks);
    await tick();
    assert.deepEqual([out.writes, pulled()], [['c0 ', 'c1 '], 2]);
    out.emit('drain');
    assert.equal(await writing, undefined);
    assert.equal(out.text(), 'c0 c1 c2 c3 c4 ');
    assert.equal(out.listenerCount('drain') + out.listenerCount('error') + out.listenerCount('close'), 0);
  });

  test('a reader that goes away (EPIPE) stops the output quietly, without formatting the rest', async () => {
    const out = new FakeStream({ accept: (_, index) => index < 2 });
    const { chunks, pulled } = countedChunks(1000);
    const fake = fakeIO(undefined, { stdout: out });
    const writing = writeOutput(chunks, fake.io, startProgress(fake.io.stderr, fake.io.clock));
    await tick();
    out.emit('error', epipe());
    assert.deepEqual(await writing, { kind: 'reader-gone' });
    assert.equal(pulled(), 3);
    assert.equal(fake.stderr(), '');
  });

  test('an error already emitted stops the writer before its next write', async () => {
    const out = new FakeStream();
    const { chunks } = countedChunks(3);
    const iterator = chunks[Symbol.iterator]();
    const gated = {
      *[Symbol.iterator]() {
        yield iterator.next().value as string;
        out.emit('error', epipe()); // as if it came on the tick after the first write
        for (let step = iterator.next(); !step.done; step = iterator.next()) yield step.value;
      },
    };
    assert.equal(((await writeChunks(out, gated)) as NodeJS.ErrnoException | undefined)?.code, 'EPIPE');
    assert.deepEqual(out.writes, ['c0 ']);
  });

  test('a stream closed by the other end without an error also ends the output quietly', async () => {
    const out = new FakeStream({ accept: () => false });
    const fake = fakeIO(undefined, { stdout: out });
    const writing = writeOutput(countedChunks(10).chunks, fake.io, startProgress(fake.io.stderr, fake.io.clock));
    await tick();
    out.destroyed = true;
    out.emit('close');
    assert.deepEqual(await writing, { kind: 'reader-gone' });
    assert.deepEqual(out.writes, ['c0 ']);
  });

  test('any other write error is reported on stderr', async () => {
    const out = new FakeStream({ accept: () => false });
    const fake = fakeIO(undefined, { stdout: out });
    const writing = writeOutput(countedChunks(10).chunks, fake.io, startProgress(fake.io.stderr, fake.io.clock));
    await tick();
    out.emit('error', Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }));
    assert.deepEqual(await writing, { kind: 'failed' });
    assert.equal(fake.stderr(), 'netwarden: cannot write the output: ENOSPC: no space left on device, write\n');
  });
});

describe('netwarden map streams its output', () => {
  test('a slow stdout gets the whole map, the same as a fast one', async () => {
    const fast = fakeIO();
    assert.equal(await runMap(['-f', 'examples/guide', '-o', 'json'], fast.io), 0);
    const out = new FakeStream({ accept: () => false });
    const slow = fakeIO(undefined, { stdout: out });
    const running = runMap(['-f', 'examples/guide', '-o', 'json'], slow.io);
    while (out.listenerCount('drain') === 0) await tick();
    for (let drains = 0; out.listenerCount('drain') > 0; drains++) {
      out.emit('drain');
      await tick();
    }
    assert.equal(await running, 0);
    assert.equal(slow.stdout(), fast.stdout());
  });

  test('`| head`: EPIPE exits with the command\'s own code and nothing on stderr', async () => {
    const out = new FakeStream({ accept: () => false });
    const fake = fakeIO(undefined, { stdout: out, clock: new FakeClock() });
    const running = runMap(['-f', 'examples/guide'], fake.io);
    while (out.listenerCount('drain') === 0) await tick();
    out.emit('error', epipe());
    assert.equal(await running, 0);
    assert.equal(fake.stderr(), '');
  });

  test('a failed write exits 2', async () => {
    const out = new FakeStream({ accept: () => false });
    const fake = fakeIO(undefined, { stdout: out });
    const running = runMap(['-f', 'examples/guide'], fake.io);
    while (out.listenerCount('drain') === 0) await tick();
    out.emit('error', Object.assign(new Error('EIO: i/o error, write'), { code: 'EIO' }));
    assert.equal(await running, 2);
    assert.match(fake.stderr(), /^netwarden: cannot write the output: EIO/);
  });
});
