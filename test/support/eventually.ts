import { setTimeout as sleep } from 'node:timers/promises';

/** Asks `probe` every 250 ms until it answers something (a throw counts as nothing yet), for at most `seconds`. */
export async function eventually<T>(probe: () => Promise<T | undefined>, seconds = 20): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await sleep(250);
  }
}
