import { checkPolicyOverrides, clockOf, DEFAULT_POLICY, type Clock } from '../domain/policy.ts';
import { ENV, numberEnv } from './env.ts';

let resolved: { key: string; clock: Clock } | undefined;

/** The legal clock in force: the policy (defaults, then the JSON overrides in POLICY) divided by TIME_SCALE. */
export function currentClock(): Clock {
  const key = `${process.env.POLICY ?? ''}|${process.env[ENV.timeScale] ?? ''}`;
  if (resolved?.key !== key) {
    const overrides = checkPolicyOverrides(JSON.parse(process.env.POLICY || '{}'));
    resolved = { key, clock: clockOf({ ...DEFAULT_POLICY, ...overrides }, numberEnv(ENV.timeScale, 1)) };
  }
  return resolved.clock;
}

/** How long intake waits for routing before the sweep sends a case to routing again (default 2 minutes). */
export function routingRetryMs(): number {
  return numberEnv(ENV.routingRetrySeconds, 120) * 1000;
}
