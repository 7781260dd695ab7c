/** Waiting and trying again, the same way everywhere. */
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Waits before try `attempt` (1, 2, …): `baseMs` doubled each time, at most
 * a second. With `jitter`, a random part of that, so that writers that
 * collided do not collide again.
 */
export function backOff(attempt: number, baseMs: number, options: { jitter?: boolean } = {}): Promise<void> {
  const ms = Math.min(1000, baseMs * 2 ** attempt);
  return sleep(options.jitter ? Math.random() * ms : ms);
}

/** What an attempt of {@link retryWhileStale} answers when its conditional save found the record changed meanwhile. */
export const STALE = Symbol('stale');

/**
 * A read-modify-write that another change may overtake: `attempt` reads,
 * decides and saves on condition of the version it read, and answers `STALE`
 * when the condition refused; it then runs again on a fresh read, at most
 * `attempts` times in all, then throws `exhausted()`.
 */
export async function retryWhileStale<Result>(attempts: number, exhausted: () => Error, attempt: () => Promise<Result | typeof STALE>): Promise<Result> {
  for (let tried = 0; tried < attempts; tried++) {
    const result = await attempt();
    if (result !== STALE) return result;
  }
  throw exhausted();
}
