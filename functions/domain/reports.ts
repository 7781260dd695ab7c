/**
 * Joint-meeting reports (联席会议): weekly, monthly and quarterly, per county
 * and city, for the meetings that review the volume, structure and trend of
 * petitions, the three rates, the hotspots and the hard cases.
 */
import type { Case } from './case.ts';
import type { MatterSummary } from './matter-groups.ts';
import { addDays, DAY_MS, dayOfMs, mondayOf, msOfDay } from './calendar.ts';
import type { Figures } from './figures.ts';
import type { Hotspot } from './hotspots.ts';
import type { RegionLevel } from './regions.ts';
import { isOfficeStaff, requireRole, type Staff } from './staff.ts';
import { isUnitWithin, REGION_CODE } from './units.ts';

export const REPORT_KINDS = ['weekly', 'monthly', 'quarterly'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export interface Period {
  /** First day, YYYY-MM-DD (China time). */
  from: string;
  /** Last day, inclusive. */
  to: string;
}

/** A case the meeting should look at: long open or often escalated (老大难), with its owning leader. */
export interface HardCase {
  id: string;
  title: string;
  category: string;
  regionCode: string;
  status: string;
  level: RegionLevel | null;
  receivedAt: string;
  daysOpen: number;
  escalationCount: number;
  /** The responsible leader (包案领导), if one was named. */
  responsibleLeader: string | null;
  /** The department leading it (承办单位), once acceptance named one. */
  leadUnit: string | null;
  /** The departments handling it with the lead unit (协办单位). */
  coUnits: string[];
}

export interface Report {
  id: string;
  kind: ReportKind;
  regionCode: string;
  regionName: string;
  regionLevel: RegionLevel;
  period: Period;
  previousPeriod: Period;
  generatedAt: string;
  figures: Figures;
  /** The same figures for the period before, for the change. */
  previousFigures: Figures;
  /** Received this period against the one before: (this − before) ÷ before; `null` when there were none before. */
  volumeChange: number | null;
  /** The trend inside the period: by day for a week, by week for a month or a quarter. */
  trend: Array<{ start: string; received: number }>;
  /** The units directly below, ranked (the county's townships, the city's counties). */
  hotspots: Hotspot[];
  hardCases: { longestOpen: HardCase[]; mostEscalated: HardCase[] };
  /** The largest matter groups of the period (one matter, many petitioners); absent from reports compiled before version 1.1. */
  matters?: MatterSummary[];
}


const REPORT_ID = new RegExp(`^(${REGION_CODE})-(${REPORT_KINDS.join('|')})-(\\d{4}-\\d{2}-\\d{2})$`);

/** The report id: its region, kind and first day, e.g. 330726-weekly-2026-11-16. */
export function reportId(regionCode: string, kind: ReportKind, from: string): string {
  return `${regionCode}-${kind}-${from}`;
}

export function parseReportId(id: string): { regionCode: string; kind: ReportKind; from: string } | undefined {
  const match = REPORT_ID.exec(id);
  return match ? { regionCode: match[1]!, kind: match[2] as ReportKind, from: match[3]! } : undefined;
}

/** The period of `kind` that contains `day`: the week from Monday, the calendar month, the quarter. */
export function periodContaining(kind: ReportKind, day: string): Period {
  if (kind === 'weekly') {
    const monday = mondayOf(day);
    return { from: monday, to: addDays(monday, 6) };
  }
  const date = new Date(msOfDay(day));
  const months = kind === 'monthly' ? 1 : 3;
  const firstMonth = date.getUTCMonth() - (date.getUTCMonth() % months);
  const from = Date.UTC(date.getUTCFullYear(), firstMonth, 1);
  const to = Date.UTC(date.getUTCFullYear(), firstMonth + months, 1) - DAY_MS;
  return { from: dayOfMs(from), to: dayOfMs(to) };
}

/** The period just before `period`, of the same kind. */
export function previousPeriod(kind: ReportKind, period: Period): Period {
  return periodContaining(kind, addDays(period.from, -1));
}

/** The kinds of report whose period ended on `day` (a Sunday ends a week, the last day of a month a month...). */
export function periodsEndingOn(day: string): ReportKind[] {
  return REPORT_KINDS.filter((kind) => periodContaining(kind, day).to === day);
}

/** How many whole days a case has been open at `now`. */
export function daysOpen(receivedAt: string, now: string): number {
  return Math.floor((Date.parse(now) - Date.parse(receivedAt)) / DAY_MS);
}

/** A case as the meeting, and the hard-case candidates, show it. */
export function hardCase(subject: Case, now: string): HardCase {
  const { id, title, category, regionCode, status, level, receivedAt, escalationCount, responsibleLeader, leadUnit, coUnits } = subject;
  return { id, title, category, regionCode, status, level, receivedAt, daysOpen: daysOpen(receivedAt, now), escalationCount, responsibleLeader, leadUnit, coUnits };
}

/** Refuses (403) staff who may not compile a report: it is the office's work for the joint meeting. */
export function requireReportCompiler(staff: Staff): void {
  requireRole(staff, 'compile reports', 'clerk', 'leader');
}

/**
 * A report as a member of staff may read it. A petition office (and an
 * admin) reads it whole. A department reads the counts, the trend and the
 * hotspots, but among the hard cases only those it leads or co-handles: the
 * others are other departments' cases, which it may not see (as in its
 * worklist). A hard case compiled before units were recorded shows no unit,
 * so no department sees it.
 */
export function reportAsSeenBy(staff: Staff, report: Report): Report {
  if (isOfficeStaff(staff) || staff.roles.includes('admin')) return report;
  const ours = (hard: HardCase) =>
    [hard.leadUnit, ...(hard.coUnits ?? [])].some((unit) => typeof unit === 'string' && isUnitWithin(unit, staff.unit));
  return {
    ...report,
    hardCases: { longestOpen: report.hardCases.longestOpen.filter(ours), mostEscalated: report.hardCases.mostEscalated.filter(ours) },
  };
}
