import { limitEnd, type DayLimit, type HolidayCalendar } from './calendar.ts';
import { durationMs, MS_PER_DAY } from './duration.ts';

/** A limit the regulation counts in days: an ISO-8601 duration (calendar time), or working days. */
export type Limit = string | { workingDays: number };

/**
 * The legal clock of the 信访工作条例 (2022): ISO-8601 durations, and for the
 * limits counted in days, optionally working days (`{ "workingDays": 15 }`).
 * Each is a configurable policy value; these are the regulation's defaults.
 */
export interface Policy {
  /** Register and decide on acceptance, from receipt. */
  acceptance: Limit;
  /** Handle and reply, from acceptance. */
  handling: Limit;
  /** The one extension a complex case may get, at most. */
  maxExtension: Limit;
  /** The petitioner may ask for review within this of the reply (and re-review of the review opinion). */
  reviewRequestWindow: Limit;
  /** The reviewing office gives its opinion within this. */
  reviewOpinion: Limit;
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
  /** The pauses of a case (时限中止) stop its handling clock for at most this in all. */
  maxPaused: string;
  /** A case open this long is a hard case (包案), a candidate for an owning leader. */
  hardCaseAfter: string;
  /** The petitioner may urge (催办) an open case once in this. */
  urgeInterval: string;
  /** A co-unit gives its opinion on a co-handling task (协办) within this of the request, unless the request names its days. */
  coHandling: Limit;
}

/** The policy's switches: steps of the units' practice a deployment turns on. */
export interface Switches {
  /** The lead unit signs for a case before it acts on it, or returns it with reasons. */
  signForReceipt: boolean;
  /** A handler's extension waits for the lead unit's leader to approve it. */
  approveExtensions: boolean;
  /** A handler's reply is a draft until the lead unit's leader signs it off. */
  replySignOff: boolean;
  /** An online submission without a staff token carries a verification of the petitioner's phone (false: trials without SMS). */
  phoneVerification: boolean;
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
  maxPaused: 'P60D',
  hardCaseAfter: 'P90D',
  urgeInterval: 'P7D',
  coHandling: { workingDays: 7 },
});

/** The limits counted in days (民法典 Arts 201, 203), which may be given in working days. */
export const DAY_LIMITS = ['acceptance', 'receipt', 'handling', 'maxExtension', 'reviewRequestWindow', 'reviewOpinion', 'coHandling'] as const;
export type DayLimitName = (typeof DAY_LIMITS)[number];

const isDayLimitName = (name: string): name is DayLimitName => (DAY_LIMITS as readonly string[]).includes(name);

/** Milliseconds in a limit as a plain duration: a working day lasts a day. */
function limitMs(limit: Limit): number {
  return typeof limit === 'string' ? durationMs(limit) : limit.workingDays * MS_PER_DAY;
}

/** A limit in whole days, as the calendar counts it; `undefined` for a duration with hours or less. */
function dayLimitOf(limit: Limit): DayLimit | undefined {
  if (typeof limit !== 'string') return { days: limit.workingDays, working: true };
  const ms = durationMs(limit);
  return ms % MS_PER_DAY === 0 ? { days: ms / MS_PER_DAY, working: false } : undefined;
}
// The units' steps as the regulation and the contract (docs/API.md) have them: the lead unit signs for
// a case, its leader approves an extension and signs off a reply, which is the authority's act. A case
// assigned before its deployment took these on has no receipt to sign and is handled as assigned.
// Phone verification is on: nobody may act in another person's name (docs/DOMAIN.md, "The petitioner's side").
export const DEFAULT_SWITCHES: Readonly<Switches> = Object.freeze({ signForReceipt: true, approveExtensions: true, replySignOff: true, phoneVerification: true });


/**
 * Checks policy overrides a deployer gives (e.g. `{"acceptance": "P10D"}`):
 * known names only, each a positive ISO-8601 duration, or for a limit counted
 * in days `{ "workingDays": n }`. Throws a message that says which value is wrong.
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
    if (isDayLimitName(name) && typeof value === 'object' && value !== null) {
      const { workingDays, ...rest } = value as { workingDays?: unknown };
      if (Number.isInteger(workingDays) && (workingDays as number) > 0 && Object.keys(rest).length === 0) continue;
      throw new RangeError(`policy: ${name} must be { "workingDays": n } with n a positive whole number, got ${JSON.stringify(value)}`);
    }
    let ms = Number.NaN;
    try {
      if (typeof value === 'string') ms = durationMs(value);
    } catch {
      // Reported below, with the name.
    }
    if (!(ms > 0)) {
      const or = isDayLimitName(name) ? ' or { "workingDays": n }' : '';
      throw new RangeError(`policy: ${name} must be a positive ISO-8601 duration such as P15D${or}, got ${JSON.stringify(value)}`);
    }
  }
  return overrides as Partial<Policy & Switches>;
}

/**
 * A policy resolved to milliseconds, every duration divided by the time
 * scale (a working day as a day); `day` is a policy day. `days` holds the
 * limits counted in whole days, at the real time scale only; with a
 * `calendar`, deadlines of those limits follow it (see {@link deadlineAfter}).
 */
export type Clock = { readonly [K in keyof Policy | 'day']: number } & {
  readonly days: Readonly<Partial<Record<DayLimitName, DayLimit>>>;
  readonly calendar?: HolidayCalendar;
} & Readonly<Switches>;

/**
 * Resolves a policy to milliseconds. `timeScale` divides every duration, so
 * that with 86400 a policy day lasts one second on a demo machine; a scaled
 * clock counts plain durations, never the calendar (a second has no holidays).
 */
export function clockOf(policy: Policy & Partial<Switches>, timeScale = 1): Clock {
  if (!Number.isFinite(timeScale) || timeScale <= 0) {
    throw new RangeError(`time scale must be a positive number, got ${timeScale}`);
  }
  const switches = Object.fromEntries(Object.keys(DEFAULT_SWITCHES).map((name) => [name, policy[name as keyof Switches] ?? DEFAULT_SWITCHES[name as keyof Switches]]));
  const entries = Object.entries(policy)
    .filter(([name]) => !Object.hasOwn(DEFAULT_SWITCHES, name))
    .map(([name, limit]) => [name, limitMs(limit as Limit) / timeScale]);
  const counted = DAY_LIMITS.flatMap((name) => {
    const limit = dayLimitOf(policy[name]);
    return limit ? [[name, limit] as const] : [];
  });
  const days = timeScale === 1 ? Object.fromEntries(counted) : {};
  return Object.freeze({ ...Object.fromEntries(entries), ...switches, day: MS_PER_DAY / timeScale, days: Object.freeze(days) }) as Clock;
}

/** The clock counting its day limits by a statutory calendar. */
export function withCalendar(clock: Clock, calendar: HolidayCalendar): Clock {
  return Object.freeze({ ...clock, calendar });
}

/**
 * When a limit running from `event` ends: by the calendar (民法典 Arts 201,
 * 203) when the clock has one and the limit is in whole days, else `event`
 * plus the plain duration.
 */
export function deadlineAfter(event: string, name: DayLimitName, clock: Clock): string {
  const limit = clock.days[name];
  return limit && clock.calendar ? limitEnd(event, limit, clock.calendar) : addMs(event, clock[name]);
}

/** When `days` running from `event` end, counted as the limit `name` counts its days (working days where it is in them). */
export function daysAfter(event: string, days: number, name: DayLimitName, clock: Clock): string {
  const limit = clock.days[name];
  return limit && clock.calendar ? limitEnd(event, { days, working: limit.working }, clock.calendar) : addMs(event, days * clock.day);
}

/** A deadline moved by an extension of `days` (working days where the extension's limit is in them). */
export function extendDeadline(deadline: string, days: number, clock: Clock): string {
  return daysAfter(deadline, days, 'maxExtension', clock);
}

/** `from` plus `ms`, as an ISO-8601 UTC string. */
export function addMs(from: string, ms: number): string {
  return new Date(Date.parse(from) + Math.round(ms)).toISOString();
}
