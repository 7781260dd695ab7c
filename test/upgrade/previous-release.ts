/**
 * The previous release, from CHANGELOG.md (tags may not travel with a clone),
 * as a tree of its own with its own node_modules: exported from git at its
 * commit and installed once, then kept under node_modules/.cache/releases/<commit>/
 * so later runs start at once.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
const CACHE = join(ROOT, 'node_modules', '.cache', 'releases');

export interface Release {
  version: string;
  commit: string;
}

/** The newest release CHANGELOG.md records with its commit. */
export function previousRelease(): Release {
  const changelog = readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8');
  const match = /^## (v\d+\.\d+\.\d+) — commit ([0-9a-f]{40})$/m.exec(changelog);
  if (!match) throw new Error('CHANGELOG.md records no release with its commit ("## vX.Y.Z — commit <40 hex digits>")');
  return { version: match[1] as string, commit: match[2] as string };
}

/** Runs a command to its end without blocking the event loop; rejects with its output when it fails. */
export function run(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolvePromise(output) : reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${output.slice(-4000)}`))));
  });
}

const READY = '.release-ready';

/**
 * The release's tree, installed. Test files running at once share one
 * preparation: the first takes a lock (an atomic mkdir), the others wait for
 * the tree to be ready.
 */
export async function releaseTree(release: Release): Promise<string> {
  const dir = join(CACHE, release.commit);
  if (existsSync(join(dir, READY))) return dir;
  await mkdir(CACHE, { recursive: true });
  const lock = `${dir}.lock`;
  const until = Date.now() + 10 * 60_000;
  for (;;) {
    if (existsSync(join(dir, READY))) return dir;
    try {
      await mkdir(lock);
      break;
    } catch {
      if (Date.now() > until) throw new Error(`${lock} is held for too long: remove it if no test is running`);
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  try {
    const building = `${dir}.building`;
    await rm(building, { recursive: true, force: true });
    await mkdir(building, { recursive: true });
    await run('sh', ['-c', `git -C "${ROOT}" archive --format=tar ${release.commit} | tar -x -C "${building}"`], { cwd: ROOT });
    await run('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: building });
    await writeFile(join(building, READY), `${release.version}\n`);
    await rename(building, dir);
    return dir;
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}
