/**
 * The settings of `npm start`, from its environment: PORT (3000), DATA_DIR
 * (.local/ in the checkout), TIME_SCALE (1), SWEEP_INTERVAL_SECONDS (60).
 * The functions' own settings (POLICY, ROUTING_RETRY_SECONDS) are checked by
 * the runtime as it starts, with the same rules as on Lambda.
 */
import { resolve } from 'node:path';
import * as z from '../../functions/domain/zod.ts';
import { parseEnvironment, positiveNumber, setting } from '../../functions/shared/env.ts';
import type { LocalOptions } from './runtime.ts';

function port(raw: string): number {
  const value = Number(raw);
  if (!(Number.isInteger(value) && value >= 0 && value < 65536)) throw new RangeError(`must be a port number (0 picks a free one), got "${raw}"`);
  return value;
}

const localSchema = z.object({
  PORT: z._default(setting(port), 3000),
  DATA_DIR: z.optional(z.string()),
  TIME_SCALE: z._default(setting(positiveNumber), 1),
  SWEEP_INTERVAL_SECONDS: z._default(setting(positiveNumber), 60),
});

/** What `npm start` runs with; throws a ConfigError naming each setting that is not valid. */
export function localSettings(env: Record<string, string | undefined>, checkout: string): Required<Omit<LocalOptions, 'log'>> {
  const settings = parseEnvironment(localSchema, env);
  return {
    port: settings.PORT,
    dataDir: resolve(settings.DATA_DIR ?? resolve(checkout, '.local')),
    timeScale: settings.TIME_SCALE,
    sweepIntervalSeconds: settings.SWEEP_INTERVAL_SECONDS,
  };
}
