/**
 * The figures offices and leaders are judged on: volumes, structure, and the
 * three rates (三率). Every case contributes to a few counters, a pure
 * function of its state; the counters of a region and a day are the sum of
 * the contributions of the cases received there that day. A change to a case
 * adds the difference its contribution made, in the same transaction as the
 * change itself, so each change counts exactly once; and a recount is the sum
 * of the contributions of all the cases.
 *
 * A case counts from the moment routing places it at an office, normally a
 * fraction of a second after intake: so intake, the one write on the
 * petitioner's path, touches no shared counter (a province's totals are one
 * item every case of the province would otherwise update at intake).
 */
import { addDays, mondayOf } from './calendar.ts';
import { CASE_STATUSES, isOpen, RATINGS, type Case } from './case.ts';
import { awaitsRouting } from './routing.ts';
import { CHANNELS } from './intake.ts';

/** Counter name to value. */
export type Counters = Record<string, number>;

/**
 * What one case adds to the counters of its region's chain on the day it was
 * received; nothing while it awaits routing.
 *
 * - `received`, `channel:*`, `category:*`, `status:*` (its status now)
 * - `repeat` (the repeat petitions it gathered), `collective`, `overLevel`, `escalated` (levels climbed)
 * - `acceptance:timely` / `acceptance:late` once decided; `acceptance:overdue` while undecided past the deadline
 * - `handling:onTime` / `handling:late` once replied; `handling:overdue` while unanswered past the deadline
 * - `rating:*`, one per rating given
 * - `overdue`: open and past the deadline of the clock now running
 * - `returned`, and `returned:<unit>` per returning unit: the returns (退回) of the case
 * - `paused`: the pauses (中止) of the case that were approved; `idle`: the idle warnings it got
 * - `hardCases`: open and owned by a leader (包案)
 * - `urges`: the petitioner's urges (催办)
 * - `coHandlingOverdue`: its co-handling tasks (协办) whose deadline passed without an opinion (supervised)
 */
export function contributionOf(subject: Case): Counters {
  if (awaitsRouting(subject)) return {};
  const counters: Counters = {
    received: 1,
    [`channel:${subject.channel}`]: 1,
    [`category:${subject.category}`]: 1,
    [`status:${subject.status}`]: 1,
  };
  const add = (name: string, value = 1) => {
    if (value !== 0) counters[name] = (counters[name] ?? 0) + value;
  };
  add('repeat', subject.repeatCount);
  add('collective', subject.collective ? 1 : 0);
  add('overLevel', subject.overLevel ? 1 : 0);
  add('escalated', subject.escalationCount);
  // Past the deadline of the clock now running: the ladder has supervised it (next rung: escalation) or ended at the top.
  const overdue = isOpen(subject.status) && (subject.due?.rung === 'escalation' || (subject.due === null && subject.criticalAt !== null));
  add('overdue', overdue ? 1 : 0);
  if (subject.acceptance) add(subject.acceptance.at <= subject.acceptanceDueAt ? 'acceptance:timely' : 'acceptance:late');
  else if (subject.status === 'received' && overdue) add('acceptance:overdue');
  if (subject.reply) add(subject.reply.at <= (subject.handlingDueAt as string) ? 'handling:onTime' : 'handling:late');
  else if (subject.status === 'accepted' && overdue) add('handling:overdue');
  for (const evaluation of subject.evaluations) add(`rating:${evaluation.rating}`);
  add('returned', subject.returns.length);
  add('urges', subject.urgeCount);
  for (const returned of subject.returns) add(`returned:${returned.unit}`);
  add('paused', subject.pauses.filter((pause) => pause.status === 'running' || pause.status === 'ended').length);
  add('idle', subject.idleWarnings);
  add('hardCases', isOpen(subject.status) && subject.ownership !== null ? 1 : 0);
  add('coHandlingOverdue', subject.coHandling.filter((task) => task.supervisedAt !== null).length);
  return counters;
}

/**
 * What a case received at a leader's visit adds to that visit's counters:
 * `batches`, `persons`, `outcome:*`, and for assigned matters whether they
 * are closed, were answered on time, or are overdue now ("every case has a landing").
 */
export function visitContributionOf(subject: Case): Counters {
  if (!subject.visit) return {};
  const counters: Counters = { batches: 1, persons: subject.headcount, [`outcome:${subject.visit.outcome}`]: 1 };
  if (subject.visit.outcome === 'assigned') {
    const landed = contributionOf(subject);
    if (!isOpen(subject.status)) counters.assignedClosed = 1;
    if (landed['handling:onTime']) counters.assignedOnTime = 1;
    if (landed.overdue) counters.assignedOverdue = 1;
  }
  return counters;
}

/** What a change adds to the counters: the contribution after, less the one before (none for a new case). */
export function difference(before: Case | undefined, after: Case, contribution: (subject: Case) => Counters = contributionOf): Counters {
  const delta: Counters = {};
  const was = before ? contribution(before) : {};
  const is = contribution(after);
  for (const name of new Set([...Object.keys(was), ...Object.keys(is)])) {
    const change = (is[name] ?? 0) - (was[name] ?? 0);
    if (change !== 0) delta[name] = change;
  }
  return delta;
}

export function sum(counters: Counters[]): Counters {
  const total: Counters = {};
  for (const one of counters) for (const [name, value] of Object.entries(one)) total[name] = (total[name] ?? 0) + value;
  return total;
}


/** A share, or `null` where nothing counts yet. */
const rate = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000);

const breakdown = (counters: Counters, prefix: string, names: readonly string[]) =>
  Object.fromEntries(names.map((name) => [name, counters[`${prefix}:${name}`] ?? 0]));

/** What each of the three rates is a share of: the part and the whole it is counted from. */
export function rateShares(counters: Counters): Record<'timelyAcceptanceRate' | 'onTimeClosureRate' | 'satisfactionRate', { part: number; whole: number }> {
  const count = (name: string) => counters[name] ?? 0;
  const decided = count('acceptance:timely') + count('acceptance:late');
  const replied = count('handling:onTime') + count('handling:late');
  const rated = RATINGS.reduce((total, rating) => total + count(`rating:${rating}`), 0);
  return {
    timelyAcceptanceRate: { part: count('acceptance:timely'), whole: decided + count('acceptance:overdue') },
    onTimeClosureRate: { part: count('handling:onTime'), whole: replied + count('handling:overdue') },
    satisfactionRate: { part: count('rating:satisfied') + count('rating:basically_satisfied'), whole: rated },
  };
}

/** The figures of docs/API.md, from summed counters. */
export function figuresOf(counters: Counters, categories: readonly string[]) {
  const count = (name: string) => counters[name] ?? 0;
  const shares = rateShares(counters);
  return {
    received: count('received'),
    byChannel: breakdown(counters, 'channel', CHANNELS),
    byCategory: breakdown(counters, 'category', categories),
    byStatus: breakdown(counters, 'status', CASE_STATUSES),
    repeat: count('repeat'),
    collective: count('collective'),
    overLevel: count('overLevel'),
    overdue: count('overdue'),
    escalated: count('escalated'),
    returned: count('returned'),
    /** Returns by the unit that returned (cases that bounce between units). */
    returnedByUnit: Object.fromEntries(Object.entries(counters).filter(([name]) => name.startsWith('returned:')).map(([name, value]) => [name.slice('returned:'.length), value])),
    /** Pauses of the handling clock approved (时限中止). */
    paused: count('paused'),
    /** Idle warnings: handling clocks with nothing done for half their limit. */
    idle: count('idle'),
    /** Open cases owned by a leader (包案). */
    hardCases: count('hardCases'),
    /** The petitioners' urges (催办): cases they found slow. */
    urges: count('urges'),
    /** Co-handling tasks whose deadline passed without the co-unit's opinion. */
    coHandlingOverdue: count('coHandlingOverdue'),
    /** Decisions within the limit ÷ decisions made or overdue. */
    timelyAcceptanceRate: rate(shares.timelyAcceptanceRate.part, shares.timelyAcceptanceRate.whole),
    /** Replies within the handling limit ÷ replies given or overdue. */
    onTimeClosureRate: rate(shares.onTimeClosureRate.part, shares.onTimeClosureRate.whole),
    /** Satisfied and basically satisfied ÷ rated. */
    satisfactionRate: rate(shares.satisfactionRate.part, shares.satisfactionRate.whole),
  };
}
export type Figures = ReturnType<typeof figuresOf>;

/** The period (a day, a week starting Monday, or a month) a day belongs to, named by its first day. */
export function periodOf(day: string, by: 'day' | 'week' | 'month'): string {
  if (by === 'day') return day;
  if (by === 'month') return `${day.slice(0, 7)}-01`;
  return mondayOf(day);
}

/** The visit-day figures of docs/API.md, from a visit's counters. */
export function visitSummaryOf(counters: Counters) {
  const count = (name: string) => counters[name] ?? 0;
  return {
    batches: count('batches'),
    persons: count('persons'),
    resolvedOnSpot: count('outcome:resolved_on_spot'),
    assigned: count('outcome:assigned'),
    determined: count('outcome:determined'),
    assignedClosed: count('assignedClosed'),
    assignedOnTime: count('assignedOnTime'),
    assignedOverdue: count('assignedOverdue'),
  };
}

/** The summed counters of each period from `from` to `to` (every period, empty or not), with how many of its days the range covers. */
export function countersByPeriod(days: Array<{ day: string; counters: Counters }>, from: string, to: string, by: 'day' | 'week' | 'month') {
  const byPeriod = new Map<string, Counters[]>();
  const covered = new Map<string, number>();
  for (const { day, counters } of days) byPeriod.set(periodOf(day, by), [...(byPeriod.get(periodOf(day, by)) ?? []), counters]);
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const start = periodOf(day, by);
    covered.set(start, (covered.get(start) ?? 0) + 1);
  }
  return [...covered].map(([start, covering]) => ({ start, days: covering, counters: sum(byPeriod.get(start) ?? []) }));
}

/** The figures of each period from `from` to `to`, from a region's day counters. */
export function seriesOf(days: Array<{ day: string; counters: Counters }>, from: string, to: string, by: 'day' | 'week' | 'month', categories: readonly string[]) {
  return countersByPeriod(days, from, to, by).map(({ start, counters }) => ({ start, ...figuresOf(counters, categories) }));
}
