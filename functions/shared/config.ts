import { z } from 'zod';
import { clockOf, DEFAULT_POLICY, type Clock } from '../domain/policy.ts';
import { durationMs } from '../domain/duration.ts';
import { ENV, numberEnv } from './env.ts';

const isoDuration = z.string().refine((value) => {
  try {
    return durationMs(value) > 0;
  } catch {
    return false;
  }
}, 'must be a positive ISO-8601 duration such as P15D');

/** Policy overrides a deployer may set as JSON in POLICY, e.g. {"acceptance":"P10D"}. */
const policyOverrides = z
  .object({
    acceptance: isoDuration,
    handling: isoDuration,
    maxExtension: isoDuration,
    reviewRequestWindow: isoDuration,
    reviewOpinion: isoDuration,
  })
  .partial()
  .strict();

let resolved: { key: string; clock: Clock } | undefined;

/** The legal clock in force: the policy (defaults, then POLICY overrides) divided by TIME_SCALE. */
export function currentClock(): Clock {
  const key = `${process.env.POLICY ?? ''}|${process.env[ENV.timeScale] ?? ''}`;
  if (resolved?.key !== key) {
    const overrides = policyOverrides.parse(JSON.parse(process.env.POLICY || '{}'));
    resolved = { key, clock: clockOf({ ...DEFAULT_POLICY, ...overrides }, numberEnv(ENV.timeScale, 1)) };
  }
  return resolved.clock;
}

/** How long intake waits for routing before the sweep sends a case to routing again (default 2 minutes). */
export function routingRetryMs(): number {
  return numberEnv(ENV.routingRetrySeconds, 120) * 1000;
}
