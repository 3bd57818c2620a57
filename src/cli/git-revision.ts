// Manifests as they were at a git revision, read through `git` itself (`git cat-file`,
// `git ls-tree`) into a LoadIO, so that the loader reads a revision exactly as it reads the
// working tree. The inputs are named `REF:path` (git's own notation for a path at a revision),
// so every problem the loader reports says which side it comes from.

import { spawn } from 'node:child_process';
import { isAbsolute, posix, relative, sep } from 'node:path';
import type { LoadIO } from '../load/index.js';
import { fail, ok, type Result } from './result.js';

export interface GitOutput {
  /** The exit status; -1 when git could not be started. */
  readonly code: number;
  readonly stdout: Buffer;
  readonly stderr: string;
}

/** Runs git in one directory. Never rejects: failures are in the output. */
export interface GitRunner {
  run(args: readonly string[]): Promise<GitOutput>;
}

/** The real git, run in `cwd`. */
export function nodeGit(cwd: string): GitRunner {
  return {
    run: (args) =>
      new Promise((resolve) => {
        const child = spawn('git', [...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
        const out: Buffer[] = [];
        const err: Buffer[] = [];
        child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
        child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
        child.on('error', (error) => resolve({ code: -1, stdout: Buffer.alloc(0), stderr: `cannot run git: ${error.message}` }));
        child.on('close', (code) => resolve({ code: code ?? -1, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8') }));
      }),
  };
}

export interface RevisionInputs {
  /** Reads `REF:path` names. */
  readonly load: LoadIO;
  /** The -f paths that exist at the revision, as `REF:path`. */
  readonly filenames: readonly string[];
  /** The -f paths that do not exist at the revision (new in the working tree). */
  readonly missing: readonly string[];
}

/**
 * The -f `paths` at revision `ref`. Paths are relative to the directory git runs in (or
 * absolute) and must lie inside its repository. Errors: not a repository, not a commit, a path
 * outside the repository.
 */
export async function revisionInputs(git: GitRunner, ref: string, paths: readonly string[]): Promise<Result<RevisionInputs>> {
  const top = await git.run(['rev-parse', '--show-toplevel']);
  if (top.code !== 0) return fail(`--git-ref ${ref}: not inside a git repository (${firstLine(top.stderr)})`);
  const prefix = (await git.run(['rev-parse', '--show-prefix'])).stdout.toString('utf8').trim();
  const commit = await git.run(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  if (commit.code !== 0) return fail(`--git-ref ${ref}: not a commit of this repository`);
  const revision = new Revision(git, ref, commit.stdout.toString('utf8').trim());
  const toplevel = top.stdout.toString('utf8').trim();
  const errors: string[] = [];
  const filenames: string[] = [];
  const missing: string[] = [];
  for (const path of paths) {
    const inRepo = repositoryPath(path, toplevel, prefix);
    if (inRepo === undefined) {
      errors.push(`-f ${path}: outside the git repository ${toplevel}, so it has no --git-ref revision`);
      continue;
    }
    const exists = (await revision.objectType(inRepo)) !== undefined;
    // The top is `REF:.`: the loader joins entries to it as `REF:./dir/file.yaml`, which git reads too.
    (exists ? filenames : missing).push(exists ? `${ref}:${inRepo === '' ? '.' : inRepo}` : path);
  }
  return errors.length > 0 ? fail(...errors) : ok({ load: revision.loadIO(), filenames, missing });
}

/** `path` relative to the repository's top (posix separators, '' for the top itself), or undefined if outside. */
function repositoryPath(path: string, toplevel: string, prefix: string): string | undefined {
  const fromTop = isAbsolute(path) ? relative(toplevel, path).split(sep).join('/') : posix.join(prefix, path.split(sep).join('/'));
  const normal = posix.normalize(fromTop === '' ? '.' : fromTop).replace(/\/+$/, '');
  if (normal === '..' || normal.startsWith('../') || posix.isAbsolute(normal)) return undefined;
  return normal === '.' ? '' : normal;
}

class Revision {
  readonly #git: GitRunner;
  readonly #ref: string;
  readonly #commit: string;

  constructor(git: GitRunner, ref: string, commit: string) {
    this.#git = git;
    this.#ref = ref;
    this.#commit = commit;
  }

  /** 'blob', 'tree', ... of the path at the commit; undefined when it has none. */
  async objectType(path: string): Promise<string | undefined> {
    const result = await this.#git.run(['cat-file', '-t', `${this.#commit}:${path}`]);
    return result.code === 0 ? result.stdout.toString('utf8').trim() : undefined;
  }

  loadIO(): LoadIO {
    return {
      readFile: async (name) => {
        const result = await this.#git.run(['cat-file', 'blob', `${this.#commit}:${this.#pathOf(name)}`]);
        if (result.code !== 0) throw notFound(name);
        return result.stdout;
      },
      readStdin: () => Promise.reject(new Error('standard input has no git revision')),
      stat: async (name) => {
        const type = await this.objectType(this.#pathOf(name));
        if (type === undefined) throw notFound(name);
        return { isDirectory: () => type === 'tree', isFile: () => type === 'blob' };
      },
      readDir: async (name) => {
        // --full-tree: in a subdirectory, ls-tree would otherwise look for the path under it
        const result = await this.#git.run(['ls-tree', '--full-tree', '--name-only', '-z', `${this.#commit}:${this.#pathOf(name)}`]);
        if (result.code !== 0) throw notFound(name);
        return result.stdout.toString('utf8').split('\0').filter((entry) => entry !== '');
      },
    };
  }

  /** `REF:dir/file.yaml` (as named by revisionInputs, or joined by the loader's directory walk) -> `dir/file.yaml`. */
  #pathOf(name: string): string {
    const head = `${this.#ref}:`;
    if (!name.startsWith(head)) throw notFound(name);
    return posix.normalize(`./${name.slice(head.length)}`).replace(/^\/+/, '').replace(/\/+$/, '').replace(/^\.$/, '');
  }
}

function notFound(name: string): Error {
  return Object.assign(new Error(`${name}: not in the revision`), { code: 'ENOENT' });
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0] ?? '';
}
