/** `npm start` of a tree as its own process, spoken to over HTTP, stopped as Ctrl-C stops it. */
import { spawn, type ChildProcess } from 'node:child_process';

export interface LocalProcess {
  api: string;
  output: () => string;
  /** Stops it with SIGINT; answers its exit code. */
  stop(): Promise<number | null>;
  kill(): void;
}

/** Starts bin/local.ts of the tree at `dir` and waits until it says it is ready (after its migrations). */
export async function startLocal(dir: string, port: number, env: Record<string, string>): Promise<LocalProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'bin/local.ts'], {
    cwd: dir,
    env: { ...process.env, PORT: String(port), POWERTOOLS_LOG_LEVEL: 'INFO', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 90_000;
  while (!output.includes('Ctrl-C stops everything')) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the local runtime in ${dir} did not start:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    api: `http://localhost:${port}`,
    output: () => output,
    stop() {
      if (child.exitCode !== null) return Promise.resolve(child.exitCode);
      const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
      child.kill('SIGINT');
      return exited;
    },
    kill: () => void (child.exitCode === null && child.kill('SIGKILL')),
  };
}

