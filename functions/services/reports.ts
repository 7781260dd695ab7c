/** Compiles joint-meeting reports from the counters and the open cases: scheduled, or on request. */
import { OPEN_STATUSES, type Case } from '../domain/case.ts';
import { addDays, chinaDay } from '../domain/calendar.ts';
import { figuresOf, seriesOf, sum } from '../domain/figures.ts';
import { rankHotspots } from '../domain/hotspots.ts';
import { GROUPING_POLICY, largestMatters } from '../domain/matter-groups.ts';
import { groupsOf } from '../store/matter-groups.ts';
import { hardCase, periodContaining, periodsEndingOn, previousPeriod, reportId, type Report, type ReportKind } from '../domain/reports.ts';
import { casesUnder } from '../store/worklist.ts';
import { readFigures } from '../store/figures.ts';
import { allRegions, childRegions, getRegion, listCategories } from '../store/reference.ts';
import { putReport } from '../store/reports.ts';
import { now as clockNow } from '../shared/clock.ts';

const HOTSPOTS = 10;
/** The largest matter groups a report names. */
const MATTERS = 5;
const HARD_CASES = 5;

/** The open cases under a region that have been open longest and climbed most often (老大难). */
async function hardCasesUnder(regionCode: string, now: string): Promise<Report['hardCases']> {
  const open: Case[] = [];
  for await (const batch of casesUnder(regionCode, OPEN_STATUSES)) open.push(...batch);
  return {
    longestOpen: [...open].sort((a, b) => a.receivedAt.localeCompare(b.receivedAt)).slice(0, HARD_CASES).map((c) => hardCase(c, now)),
    mostEscalated: open
      .filter((c) => c.escalationCount > 0)
      .sort((a, b) => b.escalationCount - a.escalationCount || a.receivedAt.localeCompare(b.receivedAt))
      .slice(0, HARD_CASES)
      .map((c) => hardCase(c, now)),
  };
}

/**
 * Compiles the report of `kind` for the period that contains `day`, for a
 * region, and stores it (replacing an earlier compilation of the same period).
 * Reads the counters (one query per region) and the region's open cases.
 */
export async function compileReport(kind: ReportKind, regionCode: string, day: string, now = clockNow()): Promise<Report> {
  const region = await getRegion(regionCode);
  if (!region) throw new Error(`there is no region ${regionCode}`);
  const period = periodContaining(kind, day);
  const before = previousPeriod(kind, period);
  const codes = (await listCategories()).map((category) => category.code);
  const [current, previous, children, hardCases, groups] = await Promise.all([
    readFigures(regionCode, period.from, period.to),
    readFigures(regionCode, before.from, before.to),
    childRegions(regionCode),
    hardCasesUnder(regionCode, now),
    groupsOf(regionCode, period.from, period.to, GROUPING_POLICY.windowMs),
  ]);
  const units = await Promise.all(
    children.map(async (child) => ({ region: child, counters: sum((await readFigures(child.code, period.from, period.to)).days.map((d) => d.counters)) })),
  );
  const figures = figuresOf(sum(current.days.map((d) => d.counters)), codes);
  const previousFigures = figuresOf(sum(previous.days.map((d) => d.counters)), codes);
  const report: Report = {
    id: reportId(regionCode, kind, period.from),
    kind,
    regionCode,
    regionName: region.name,
    regionLevel: region.level,
    period,
    previousPeriod: before,
    generatedAt: now,
    figures,
    previousFigures,
    volumeChange: previousFigures.received === 0 ? null : Math.round(((figures.received - previousFigures.received) / previousFigures.received) * 10_000) / 10_000,
    trend: seriesOf(current.days, period.from, period.to, kind === 'weekly' ? 'day' : 'week', codes).map(({ start, received }) => ({ start, received })),
    hotspots: rankHotspots(units, HOTSPOTS),
    hardCases,
    matters: largestMatters(groups, regionCode, MATTERS),
  };
  await putReport(report);
  return report;
}

/**
 * The scheduled compilation: for every county and city, the reports whose
 * period ended yesterday (a week on Sundays, a month on its last day, a
 * quarter on its last day). Compiling twice replaces, so a retry is harmless.
 */
export async function compileDueReports(now = clockNow()): Promise<{ day: string; kinds: ReportKind[]; reports: number }> {
  const yesterday = addDays(chinaDay(now), -1);
  const kinds = periodsEndingOn(yesterday);
  if (kinds.length === 0) return { day: yesterday, kinds, reports: 0 };
  const regions = (await allRegions()).filter((region) => region.level === 'county' || region.level === 'city');
  for (const kind of kinds) for (const region of regions) await compileReport(kind, region.code, yesterday, now);
  return { day: yesterday, kinds, reports: kinds.length * regions.length };
}
