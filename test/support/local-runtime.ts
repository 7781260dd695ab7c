/**
 * `npm start` as a user runs it, for the end-to-end tests: a separate
 * process in a fresh DATA_DIR, spoken to over HTTP, with staff tokens signed
 * by the key it keeps there.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll } from 'vitest';
import type { Role } from '../../functions/domain/staff.ts';
import { localSigningKey, signStaffToken } from '../../lib/local/identity.ts';
import { eventually } from './eventually.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
// A loaded 2-core machine starts DynamoDB Local, fauxqs and every function slowly.
const START_WAIT_MS = 150_000;

const dataDirs: string[] = [];
const running: ChildProcess[] = [];

afterAll(() => {
  for (const child of running) if (child.exitCode === null) child.kill('SIGKILL');
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
});

export function freshDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'petitions-e2e-'));
  dataDirs.push(dir);
  return dir;
}

export interface Started {
  process: ChildProcess;
  output: () => string;
  api: string;
  dynamoDb: string;
}

/** Spawns a process of `node` with this repository's tsx, noting it to be killed after the file. */
export function spawnNode(args: string[], env: Record<string, string | undefined>): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  running.push(child);
  return child;
}

/** Starts `npm start`'s program on `port` with `dataDir`, and waits until it says it is ready. */
export async function start(port: number, dataDir: string, settings: Record<string, string> = {}): Promise<Started> {
  const child = spawnNode(['bin/local.ts'], { PORT: String(port), DATA_DIR: dataDir, SWEEP_INTERVAL_SECONDS: '1', ROUTING_RETRY_SECONDS: '1', ...settings });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + START_WAIT_MS;
  while (!output.includes('Ctrl-C stops everything')) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the local runtime did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const dynamoDb = /DynamoDB Local\s+(http:\/\/\S+)/.exec(output)?.[1];
  if (!dynamoDb) throw new Error(`no DynamoDB endpoint printed:\n${output}`);
  return { process: child, output: () => output, api: `http://localhost:${port}`, dynamoDb };
}

/** Ctrl-C, and the exit code. */
export async function stop(started: Started): Promise<number | null> {
  const exited = new Promise<number | null>((r) => started.process.once('exit', (code) => r(code)));
  started.process.kill('SIGINT');
  return exited;
}

/**
 * A staff token as `npm run token` makes it: signed with the key in DATA_DIR. Signed here, not by
 * running the tool, whose synchronous run would stall this process (and its keep-alive sockets).
 */
export async function token(dataDir: string, unit: string, role: Role): Promise<string> {
  return signStaffToken(await localSigningKey(dataDir), { sub: `${role}@${unit}`, unit, roles: [role] });
}

/** Calls a running runtime's API: the status, the headers and the body (parsed where it is JSON). */
export function apiCaller(api: string) {
  return async (path: string, init?: RequestInit) => {
    const response = await fetch(`${api}${path}`, init);
    const type = response.headers.get('content-type') ?? '';
    return { status: response.status, headers: response.headers, body: (type.includes('json') ? await response.json() : await response.text()) as any };
  };
}

export async function progress(api: string, id: string, code: string) {
  const response = await fetch(`${api}/v1/cases/${id}/progress`, { headers: { 'x-access-code': code } });
  return { status: response.status, body: (await response.json()) as { timeline: Array<{ event: string }>; level: string | null } & Record<string, unknown> };
}

/** The progress once routing has run. */
export const routed = (api: string, id: string, code: string) =>
  eventually(async () => {
    const { body } = await progress(api, id, code);
    return body.timeline.some((t) => t.event === 'routed') ? body : undefined;
  });
