/**
 * Captures what this process writes to stdout and stderr, not echoed (at
 * DEBUG the handlers say a great deal), until restored: the handlers' logs
 * and metrics, for the tests that scan them for personal data.
 */
export function captureOutput(): { text(): string; restore(): void } {
  const captured: string[] = [];
  const writes = { stdout: process.stdout.write, stderr: process.stderr.write };
  for (const stream of ['stdout', 'stderr'] as const) {
    process[stream].write = ((chunk: string | Uint8Array) => {
      captured.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return true;
    }) as typeof process.stdout.write;
  }
  return {
    text: () => captured.join(''),
    restore() {
      process.stdout.write = writes.stdout;
      process.stderr.write = writes.stderr;
    },
  };
}
