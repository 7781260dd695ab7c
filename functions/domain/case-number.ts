/**
 * Case numbers (案件编号) people can read and say on the phone:
 * `330726-2026-000123`, the county, the year in China and the case's place
 * in that county's year, without gaps.
 */
import { chinaDay } from './calendar.ts';
import type { Case } from './case.ts';

/** The series a case is numbered in: its county (the first six digits of its region) and the year it was received, China time. */
export interface NumberSeries {
  county: string;
  year: string;
}

export function numberSeriesOf(subject: Pick<Case, 'regionCode' | 'receivedAt'>): NumberSeries {
  return { county: subject.regionCode.slice(0, 6), year: chinaDay(subject.receivedAt).slice(0, 4) };
}

/** The number of the `sequence`th case (from 1) of a series; six digits, more after the millionth. */
export function caseNumberOf(series: NumberSeries, sequence: number): string {
  return `${series.county}-${series.year}-${String(sequence).padStart(6, '0')}`;
}
