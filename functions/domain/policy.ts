import { durationMs, MS_PER_DAY } from './duration.ts';

/**
 * The legal clock of the 信访工作条例 (2022), as ISO-8601 durations.
 * Each is a configurable policy value; these are the regulation's defaults.
 */
export interface Policy {
  /** Register and decide on acceptance, from receipt. */
  acceptance: string;
  /** Handle and reply, from acceptance. */
  handling: string;
  /** The one extension a complex case may get, at most. */
  maxExtension: string;
  /** The petitioner may ask for review within this of the reply (and re-review of the review opinion). */
  reviewRequestWindow: string;
  /** The reviewing office gives its opinion within this. */
  reviewOpinion: string;
  /** The escalation ladder: the handling unit is warned this long before a deadline (预警)... */
  warningBefore: string;
  /** ...the same level's petition office supervises when it passes (督办), and after this grace... */
  supervisionGrace: string;
  /** ...the case climbs one level (提级督办), and again after each such interval, up to the top. */
  escalationInterval: string;
  /** A leader's visit (下访) is announced to the public at least this long before it starts. */
  visitNotice: string;
  /** The lead unit signs for an assigned case, or returns it, within this of the assignment (签收/退回). */
  receipt: string;
}

/** The policy's switches: steps of the units' practice a deployment turns on. */
export interface Switches {
  /** The lead unit signs for a case before it acts on it, or returns it with reasons. */
  signForReceipt: boolean;
  /** A handler's extension waits for the lead unit's leader to approve it. */
  approveExtensions: boolean;
  /** A handler's reply is a draft until the lead unit's leader signs it off. */
  replySignOff: boolean;
}

export const DEFAULT_POLICY: Readonly<Policy> = Object.freeze({
  acceptance: 'P15D',
  handling: 'P60D',
  maxExtension: 'P30D',
  reviewRequestWindow: 'P30D',
  reviewOpinion: 'P30D',
  warningBefore: 'P3D',
  supervisionGrace: 'P3D',
  escalationInterval: 'P5D',
  visitNotice: 'P3D',
  receipt: 'P2D',
});

// Off until the deployments (and the tests written before them) take the new steps on.
export const DEFAULT_SWITCHES: Readonly<Switches> = Object.freeze({ signForReceipt: false, approveExtensions: false, replySignOff: false });


/**
 * Checks policy overrides a deployer gives (e.g. `{"acceptance": "P10D"}`):
 * known names only, each a positive ISO-8601 duration. Throws a message that
 * says which value is wrong.
 */
export function checkPolicyOverrides(overrides: unknown): Partial<Policy & Switches> {
  if (typeof overrides !== 'object' || overrides === null || Array.isArray(overrides)) {
    throw new RangeError(`policy must be an object of ISO-8601 durations, got ${JSON.stringify(overrides)}`);
  }
  for (const [name, value] of Object.entries(overrides)) {
    if (Object.hasOwn(DEFAULT_SWITCHES, name)) {
      if (typeof value !== 'boolean') throw new RangeError(`policy: ${name} must be true or false, got ${JSON.stringify(value)}`);
      continue;
    }
    if (!Object.hasOwn(DEFAULT_POLICY, name)) {
      throw new RangeError(`policy: unknown name "${name}"; known: ${[...Object.keys(DEFAULT_POLICY), ...Object.keys(DEFAULT_SWITCHES)].join(', ')}`);
    }
    let ms = Number.NaN;
    try {
      if (typeof value === 'string') ms = durationMs(value);
    } catch {
      // Reported below, with the name.
    }
    if (!(ms > 0)) throw new RangeError(`policy: ${name} must be a positive ISO-8601 duration such as P15D, got ${JSON.stringify(value)}`);
  }
  return overrides as Partial<Policy & Switches>;
}

/** A policy resolved to milliseconds, every duration divided by the time scale; `day` is a policy day; and its switches. */
export type Clock = { readonly [K in keyof Policy | 'day']: number } & Readonly<Switches>;

/**
 * Resolves a policy to milliseconds. `timeScale` divides every duration, so
 * that with 86400 a policy day lasts one second on a demo machine.
 */
export function clockOf(policy: Policy & Partial<Switches>, timeScale = 1): Clock {
  if (!Number.isFinite(timeScale) || timeScale <= 0) {
    throw new RangeError(`time scale must be a positive number, got ${timeScale}`);
  }
  const switches = Object.fromEntries(Object.keys(DEFAULT_SWITCHES).map((name) => [name, policy[name as keyof Switches] ?? DEFAULT_SWITCHES[name as keyof Switches]]));
  const entries = Object.entries(policy)
    .filter(([name]) => !Object.hasOwn(DEFAULT_SWITCHES, name))
    .map(([name, iso]) => [name, durationMs(iso as string) / timeScale]);
  return Object.freeze({ ...Object.fromEntries(entries), ...switches, day: MS_PER_DAY / timeScale }) as Clock;
}

/** `from` plus `ms`, as an ISO-8601 UTC string. */
export function addMs(from: string, ms: number): string {
  return new Date(Date.parse(from) + Math.round(ms)).toISOString();
}
