/**
 * What the public is shown of the figures (GET /v1/stats/public): the same
 * counts and rates as staff see, except where an area is small or a time is
 * short. There a count of 1 to 4 could point at a person (the one collective
 * petition of a township this week), so it is withheld, and so is any rate
 * counted from such a count.
 */
import { figuresOf, rateShares, type Counters, type Figures } from './figures.ts';
import type { RegionLevel } from './regions.ts';

/** Counts below this are withheld where suppression applies (zero is shown: it points at no one). */
export const SMALLEST_PUBLIC_COUNT = 5;
/** Ranges shorter than this many days are short enough to suppress small counts. */
export const SHORTEST_UNSUPPRESSED_DAYS = 7;
const SMALL_AREAS: readonly RegionLevel[] = ['township', 'village'];

/** Why and below what counts were withheld, as the answer says it. */
export interface Suppression {
  below: number;
  reason: string;
}

/** Whether small counts are withheld for a region's level and a range of `days` days, and why; `null` if not. */
export function suppressionFor(level: RegionLevel, days: number): Suppression | null {
  const small = SMALL_AREAS.includes(level);
  const short = days < SHORTEST_UNSUPPRESSED_DAYS;
  if (!small && !short) return null;
  const why = [small && 'the region is below county level', short && `the range is shorter than ${SHORTEST_UNSUPPRESSED_DAYS} days`].filter(Boolean).join(' and ');
  return {
    below: SMALLEST_PUBLIC_COUNT,
    reason: `${why}: counts from 1 to ${SMALLEST_PUBLIC_COUNT - 1}, and rates counted from them, are withheld (null) so that no one can be singled out`,
  };
}

type Withheld<T> = { [K in keyof T]: T[K] extends number ? number | null : T[K] extends Record<string, number> ? Record<string, number | null> : T[K] };
/** The figures as the public sees them: any count or rate may be withheld (null); `suppressed` says whether and why. */
export type PublicFigures = Withheld<Figures> & { suppressed: Suppression | null };

const isSmall = (count: number) => count > 0 && count < SMALLEST_PUBLIC_COUNT;
const shown = (count: number) => (isSmall(count) ? null : count);

/**
 * A breakdown with its small counts withheld. When only one is withheld, it
 * could be had back from the total less the others: the next smallest
 * non-zero count is withheld with it.
 */
function withheldBreakdown(breakdown: Record<string, number>): Record<string, number | null> {
  const withheld: Record<string, number | null> = Object.fromEntries(Object.entries(breakdown).map(([name, count]) => [name, shown(count)]));
  const hidden = Object.values(withheld).filter((count) => count === null).length;
  if (hidden === 1) {
    const next = Object.entries(withheld)
      .filter((entry): entry is [string, number] => entry[1] !== null && entry[1] > 0)
      .sort((a, b) => a[1] - b[1])[0];
    if (next) withheld[next[0]] = null;
  }
  return withheld;
}

/**
 * The public figures of summed counters. With a suppression, every count
 * from 1 to 4 is null, and so is every rate whose part, or whose whole less
 * the part, is such a count (a rate of 0.5 of 2 ratings is one dissatisfied
 * person); without one, the figures are those staff see.
 */
export function publicFiguresOf(counters: Counters, categories: readonly string[], suppression: Suppression | null): PublicFigures {
  const figures = figuresOf(counters, categories);
  if (!suppression) return { ...figures, suppressed: null };
  const shares = rateShares(counters);
  const rate = (name: keyof typeof shares) => {
    const { part, whole } = shares[name];
    return isSmall(part) || isSmall(whole - part) ? null : figures[name];
  };
  return {
    received: shown(figures.received),
    byChannel: withheldBreakdown(figures.byChannel),
    byCategory: withheldBreakdown(figures.byCategory),
    byStatus: withheldBreakdown(figures.byStatus),
    repeat: shown(figures.repeat),
    collective: shown(figures.collective),
    overLevel: shown(figures.overLevel),
    overdue: shown(figures.overdue),
    escalated: shown(figures.escalated),
    returned: shown(figures.returned),
    returnedByUnit: withheldBreakdown(figures.returnedByUnit),
    paused: shown(figures.paused),
    idle: shown(figures.idle),
    hardCases: shown(figures.hardCases),
    urges: shown(figures.urges),
    coHandlingOverdue: shown(figures.coHandlingOverdue),
    timelyAcceptanceRate: rate('timelyAcceptanceRate'),
    onTimeClosureRate: rate('onTimeClosureRate'),
    satisfactionRate: rate('satisfactionRate'),
    suppressed: suppression,
  };
}
