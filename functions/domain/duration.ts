/**
 * ISO-8601 durations for policy values ("P15D", "PT2M", "P1W").
 *
 * Years and months are refused: the regulation counts calendar days, and a
 * "month" has no fixed length to add to an instant.
 */
const PATTERN = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Milliseconds in an ISO-8601 duration of weeks, days, hours, minutes and seconds. */
export function durationMs(iso: string): number {
  const match = PATTERN.exec(iso);
  if (!match || iso === 'P' || iso.endsWith('T')) {
    throw new RangeError(`"${iso}" is not an ISO-8601 duration of weeks, days, hours, minutes or seconds`);
  }
  const [, weeks, days, hours, minutes, seconds] = match;
  return (
    Number(weeks ?? 0) * 7 * DAY +
    Number(days ?? 0) * DAY +
    Number(hours ?? 0) * HOUR +
    Number(minutes ?? 0) * MINUTE +
    Number(seconds ?? 0) * SECOND
  );
}

export const MS_PER_DAY = DAY;
