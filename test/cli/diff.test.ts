import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, realpathSync, rmSync, unlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runDiff } from '../../src/cli/diff.js';
import { nodeGit } from '../../src/cli/git-revision.js';
import type { LoadIO } from '../../src/load/index.js';
import { nodeLoadIO } from '../../src/load/index.js';
import { fakeIO, guideFiles, memoryLoadIO } from './fake-io.js';

const guide = 'examples/guide';
const withoutPolicy = 'test/fixtures/diff/guide-without-policy';

describe('netwarden diff', () => {
  test('shows what removing the guide policy opens, and exits 0 without --exit-code', async () => {
    const fake = fakeIO();
    assert.equal(await runDiff(['-f', guide, '--against', withoutPolicy], fake.io), 0);
    assert.match(fake.stdout(), /^added {3}default\/deployment\/frontend {2}default\/deployment\/database {2}none {4}all$/m);
    assert.match(fake.stdout(), /^2 changed connections: 2 added, 0 removed, 0 changed; 10 unchanged \(workload level\)\.$/m);
    assert.equal(fake.stderr(), '');
  });

  test('--exit-code exits 1 when a connection changed', async () => {
    const fake = fakeIO();
    assert.equal(await runDiff(['-f', guide, '--against', withoutPolicy, '--exit-code'], fake.io), 1);
  });

  test('--exit-code exits 0 when nothing changed', async () => {
    const fake = fakeIO();
    assert.equal(await runDiff(['-f', guide, '--against', guide, '--exit-code'], fake.io), 0);
    assert.equal(fake.stdout(), 'No connection changed; 10 unchanged (workload level).\n');
  });

  test('--level pod compares pod by pod', async () => {
    const fake = fakeIO();
    assert.equal(await runDiff(['-f', guide, '--against', withoutPolicy, '--level', 'pod', '-o', 'json'], fake.io), 0);
    const diff = JSON.parse(fake.stdout());
    assert.equal(diff.level, 'pod');
    // 3 frontend pods and 0.0.0.0/0 may now reach each of the 3 database pods, and the database pods each other
    assert.deepEqual(diff.summary, { added: 18, removed: 0, changed: 0, unchanged: 72, endpointsAdded: 0, endpointsRemoved: 0 });
  });

  test('standard input can be one side', async () => {
    const files = await guideFiles();
    const stdin = Object.entries(files)
      .filter(([path]) => !path.endsWith('access-backend-database.yaml'))
      .map(([, text]) => text)
      .join('\n---\n');
    const fake = fakeIO(memoryLoadIO(files, stdin));
    assert.equal(await runDiff(['-f', guide, '--against', '-', '-o', 'csv'], fake.io), 0);
    assert.equal(fake.stdout().split('\n').length - 2, 2); // header, two rows, final newline
  });

  test('usage errors are all reported at once, exit 2, nothing on stdout', async () => {
    const fake = fakeIO();
    assert.equal(await runDiff(['-o', 'svg', '--level', 'node'], fake.io), 2);
    assert.equal(
      fake.stderr(),
      [
        'netwarden diff: error: -f/--filename is required: a manifest file, a directory, or - for standard input',
        'netwarden diff: error: -o/--output svg: expected one of table, json, yaml, csv, md, dot, mermaid',
        'netwarden diff: error: --level node: expected one of workload, pod, namespace',
        'netwarden diff: error: --against or --git-ref is required: the manifests after the change, or the git revision before it',
        '(run "netwarden diff --help" for usage)',
        '',
      ].join('\n'),
    );
    assert.equal(fake.stdout(), '');
  });

  test('--against and --git-ref together are a usage error', async () => {
    const fake = fakeIO();
    assert.equal(await runDiff(['-f', guide, '--against', guide, '--git-ref', 'HEAD'], fake.io), 2);
    assert.match(fake.stderr(), /--against and --git-ref cannot be used together/);
  });

  test('standard input on both sides is a usage error', async () => {
    const fake = fakeIO();
    assert.equal(await runDiff(['-f', '-', '--against', '-'], fake.io), 2);
    assert.match(fake.stderr(), /standard input \(-\) can be read only once/);
  });

  test('an unreadable input on either side exits 2 with nothing on stdout', async () => {
    const fake = fakeIO();
    assert.equal(await runDiff(['-f', guide, '--against', 'nope/'], fake.io), 2);
    assert.equal(fake.stderr(), 'nope/: cannot read: no such file or directory\n');
    assert.equal(fake.stdout(), '');
  });

  test('invalid objects on one side are reported, the rest still compared, exit 1', async () => {
    const files = await guideFiles();
    const afterFiles = Object.entries(files)
      .filter(([path]) => !path.endsWith('access-backend-database.yaml'))
      .map(([path, text]) => [path.replace(guide, 'after'), text]);
    const bad = ['after/bad.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: Bad_Name\n'];
    const fake = fakeIO(memoryLoadIO({ ...files, ...Object.fromEntries([...afterFiles, bad]) }));
    assert.equal(await runDiff(['-f', guide, '--against', 'after', '--exit-code'], fake.io), 1);
    assert.match(fake.stderr(), /^after\/bad\.yaml:4: metadata\.name: /m);
    assert.match(fake.stdout(), /^2 changed connections/m);
  });
});

/** Runs git in `dir`, quietly, with an identity of its own. */
function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=netwarden test', '-c', 'user.email=test@netwarden.invalid', ...args], {
    cwd: dir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Reads the working tree with paths relative to `dir`, as the CLI does relative to its own directory. */
function loadUnder(dir: string): LoadIO {
  const at = (path: string): string => resolve(dir, path);
  return {
    readFile: (path) => nodeLoadIO.readFile(at(path)),
    readStdin: () => nodeLoadIO.readStdin(),
    stat: (path) => nodeLoadIO.stat(at(path)),
    readDir: (path) => nodeLoadIO.readDir(at(path)),
  };
}

describe('netwarden diff --git-ref', () => {
  let repo = '';
  before(async () => {
    repo = realpathSync(mkdtempSync(join(tmpdir(), 'netwarden-diff-git-')));
    git(repo, 'init', '--quiet', '--initial-branch=main');
    mkdirSync(join(repo, 'k8s'));
    for (const [path, text] of Object.entries(await guideFiles())) writeFileSync(join(repo, 'k8s', path.split('/').at(-1)!), text);
    git(repo, 'add', 'k8s');
    git(repo, 'commit', '--quiet', '-m', 'the guide');
    // the change under review: the policy is deleted
    unlinkSync(join(repo, 'k8s', 'access-backend-database.yaml'));
  });
  after(() => rmSync(repo, { recursive: true, force: true }));

  const run = (argv: string[]) => {
    const fake = fakeIO(loadUnder(repo));
    return runDiff(argv, fake.io, { git: nodeGit(repo) }).then((code) => ({ code, stdout: fake.stdout(), stderr: fake.stderr() }));
  };

  test('compares the -f paths at the revision (before) with the working tree (after)', async () => {
    const { code, stdout, stderr } = await run(['-f', 'k8s', '--git-ref', 'HEAD', '--exit-code']);
    assert.equal(stderr, '');
    assert.equal(code, 1);
    assert.match(stdout, /^added {3}default\/deployment\/frontend {2}default\/deployment\/database {2}none {4}all$/m);
  });

  test('a directory given by absolute path names the same files', async () => {
    const { code, stdout } = await run(['-f', join(repo, 'k8s'), '--git-ref', 'main', '-o', 'json']);
    assert.equal(code, 0);
    assert.equal(JSON.parse(stdout).summary.added, 2);
  });

  test('from a subdirectory, relative paths are relative to it', async () => {
    const sub = join(repo, 'k8s');
    const fake = fakeIO(loadUnder(sub));
    assert.equal(await runDiff(['-f', '.', '--git-ref', 'main', '-o', 'json'], fake.io, { git: nodeGit(sub) }), 0);
    assert.equal(JSON.parse(fake.stdout()).summary.added, 2);
  });

  test('problems at the revision are named REF:path', async () => {
    writeFileSync(join(repo, 'k8s', 'bad.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: Bad_Name\n');
    git(repo, 'add', 'k8s/bad.yaml');
    git(repo, 'commit', '--quiet', '-m', 'a bad pod');
    try {
      const { code, stderr } = await run(['-f', 'k8s', '--git-ref', 'HEAD']);
      assert.equal(code, 1);
      assert.match(stderr, /^HEAD:k8s\/bad\.yaml:4: metadata\.name: /m);
      assert.match(stderr, /^k8s\/bad\.yaml:4: metadata\.name: /m);
      // the repository's top is named REF:. and its files REF:./path, which git reads as well
      const top = await run(['-f', '.', '--git-ref', 'HEAD']);
      assert.match(top.stderr, /^HEAD:\.\/k8s\/bad\.yaml:4: metadata\.name: /m);
    } finally {
      git(repo, 'reset', '--quiet', '--hard', 'HEAD~1');
      unlinkSync(join(repo, 'k8s', 'access-backend-database.yaml'));
    }
  });

  test('a file new in the working tree is compared as absent at the revision, with a warning', async () => {
    writeFileSync(join(repo, 'extra.yaml'), readFileSync(join('examples/guide/access-backend-database.yaml'), 'utf8'));
    try {
      const { code, stdout, stderr } = await run(['-f', 'k8s', '-f', 'extra.yaml', '--git-ref', 'HEAD']);
      assert.equal(code, 0);
      assert.equal(stderr, 'extra.yaml: warning: not in HEAD; compared as absent before the change\n');
      assert.match(stdout, /^No connection changed/m); // the policy moved from k8s/ to extra.yaml
    } finally {
      unlinkSync(join(repo, 'extra.yaml'));
    }
  });

  test('an unknown revision is a usage error', async () => {
    const { code, stderr } = await run(['-f', 'k8s', '--git-ref', 'no-such-branch']);
    assert.equal(code, 2);
    assert.match(stderr, /--git-ref no-such-branch: not a commit of this repository/);
  });

  test('a path outside the repository is a usage error', async () => {
    const { code, stderr } = await run(['-f', tmpdir(), '--git-ref', 'HEAD']);
    assert.equal(code, 2);
    assert.match(stderr, /outside the git repository/);
  });

  test('standard input has no revision', async () => {
    const { code, stderr } = await run(['-f', '-', '--git-ref', 'HEAD']);
    assert.equal(code, 2);
    assert.match(stderr, /-f - \(standard input\) has no git revision/);
  });

  test('outside a git repository, --git-ref is a usage error', async () => {
    const outside = realpathSync(mkdtempSync(join(tmpdir(), 'netwarden-diff-nogit-')));
    try {
      const fake = fakeIO(loadUnder(outside));
      assert.equal(await runDiff(['-f', '.', '--git-ref', 'HEAD'], fake.io, { git: nodeGit(outside) }), 2);
      assert.match(fake.stderr(), /--git-ref HEAD: not inside a git repository/);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
