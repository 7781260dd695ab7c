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
/** An instant as Beijing time, minutes only (2026-12-10 09:15), the way a message tells it. */
export const chinaTime = (iso: string): string => new Date(Date.parse(iso) + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');

export function chinaDay(iso: string): string {
  return dayOfMs(Date.parse(iso) + CHINA_OFFSET_MS);
}

/** An instant as China Standard Time reads it, to the minute: YYYY-MM-DD HH:MM. */
export function chinaMinute(iso: string): string {
  return new Date(Date.parse(iso) + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** A day off of China's statutory calendar, with the holiday's name. */
export interface DayOff {
  date: string;
  name: string;
}

/** One year of China's statutory calendar: the holidays and the make-up workdays (调休) the State Council set. */
export interface CalendarYear {
  year: number;
  daysOff: DayOff[];
  workdays: string[];
}

/**
 * The statutory calendar in force for the years a count may touch. A year
 * not loaded counts Saturdays and Sundays only; `unloaded` is told whenever a
 * count reaches into one, so that operators see the guess.
 */
export interface HolidayCalendar {
  readonly daysOff: ReadonlySet<string>;
  readonly workdays: ReadonlySet<string>;
  readonly loadedYears: ReadonlySet<number>;
  readonly unloaded?: (year: number) => void;
}

export function holidayCalendar(years: CalendarYear[], unloaded?: (year: number) => void): HolidayCalendar {
  return {
    daysOff: new Set(years.flatMap((year) => year.daysOff.map((day) => day.date))),
    workdays: new Set(years.flatMap((year) => year.workdays)),
    loadedYears: new Set(years.map((year) => year.year)),
    ...(unloaded && { unloaded }),
  };
}

const yearOf = (day: string): number => Number(day.slice(0, 4));
const isWeekend = (day: string): boolean => [0, 6].includes(new Date(msOfDay(day)).getUTCDay());

/** Whether nobody works on a day: a holiday, or a weekend day that is not a make-up workday. */
export function isDayOff(day: string, calendar: HolidayCalendar): boolean {
  if (!calendar.loadedYears.has(yearOf(day))) calendar.unloaded?.(yearOf(day));
  if (calendar.workdays.has(day)) return false;
  return calendar.daysOff.has(day) || isWeekend(day);
}

/** The day itself when it is a working day, else the first working day after it (民法典 Art 203). */
export function nextWorkingDay(day: string, calendar: HolidayCalendar): string {
  let found = day;
  while (isDayOff(found, calendar)) found = addDays(found, 1);
  return found;
}

/** The `count`th working day after `day` (`day` itself not counted). */
export function addWorkingDays(day: string, count: number, calendar: HolidayCalendar): string {
  let found = day;
  for (let left = count; left > 0; left--) found = nextWorkingDay(addDays(found, 1), calendar);
  return found;
}

/** A limit counted in whole days: calendar days, or working days. */
export interface DayLimit {
  days: number;
  working: boolean;
}

/** The last instant of a day, China Standard Time: 23:59:59.999 there. */
export function endOfChinaDay(day: string): string {
  return new Date(msOfDay(day) + DAY_MS - CHINA_OFFSET_MS - 1).toISOString();
}

/**
 * When a limit running from an event ends (民法典 Arts 201, 203): it counts
 * from the day after the event (China Standard Time), a last day that is a
 * day off moves to the next working day, and it ends at the end of that day.
 */
export function limitEnd(event: string, limit: DayLimit, calendar: HolidayCalendar): string {
  const day = chinaDay(event);
  const last = limit.working ? addWorkingDays(day, limit.days, calendar) : nextWorkingDay(addDays(day, limit.days), calendar);
  return endOfChinaDay(last);
}

/**
 * Why a year cannot be put in force: a day outside it, a day listed twice,
 * or a day both off and a workday. `undefined` when it is sound.
 */
export function calendarYearFault(year: CalendarYear): { path: string; message: string } | undefined {
  const seen = new Set<string>();
  const days: Array<[string, string]> = [...year.daysOff.map((day, i): [string, string] => [`daysOff.${i}.date`, day.date]), ...year.workdays.map((day, i): [string, string] => [`workdays.${i}`, day])];
  for (const [path, day] of days) {
    if (yearOf(day) !== year.year || dayOfMs(msOfDay(day)) !== day) return { path, message: `${day} is not a day of ${year.year}` };
    if (seen.has(day)) return { path, message: `${day} is listed twice, or both as a day off and a workday` };
    seen.add(day);
  }
  return undefined;
}
