/**
 * Days as petition work counts them. Petition work follows China Standard
 * Time (UTC+8, no daylight saving): a case belongs to the day it was received
 * there. A day is written YYYY-MM-DD; day arithmetic runs on UTC midnights,
 * where every day is exactly DAY_MS long.
 */

export const DAY_MS = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** The UTC midnight of a day, in epoch milliseconds. */
export const msOfDay = (day: string): number => Date.parse(`${day}T00:00:00Z`);

/** The day (YYYY-MM-DD) of a UTC instant in epoch milliseconds. */
export const dayOfMs = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** The day `days` after `day` (before it, for a negative count). */
export const addDays = (day: string, days: number): string => dayOfMs(msOfDay(day) + days * DAY_MS);

/** The Monday of the week (Monday to Sunday) a day is in. */
export function mondayOf(day: string): string {
  const sinceMonday = (new Date(msOfDay(day)).getUTCDay() + 6) % 7;
  return addDays(day, -sinceMonday);
}

/** The day (YYYY-MM-DD, China Standard Time) of an instant. */
export function chinaDay(iso: string): string {
  return dayOfMs(Date.parse(iso) + CHINA_OFFSET_MS);
}

/** An instant as China Standard Time reads it, to the minute: YYYY-MM-DD HH:MM. */
export function chinaMinute(iso: string): string {
  return new Date(Date.parse(iso) + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}
