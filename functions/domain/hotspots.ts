/**
 * Hotspots: where the next leader's visit should go. Pujiang was chosen
 * because it had the most petitions per inhabitant; so is the next place.
 */
import type { Counters } from './figures.ts';
import type { Region } from './regions.ts';

export interface Hotspot {
  code: string;
  name: string;
  /** Cases received in the period. */
  volume: number;
  /** Cases per 10,000 inhabitants. */
  per10k: number;
  /** Of those, open and past the deadline of the clock now running. */
  overdue: number;
  /** Repeat petitions they gathered (重复访). */
  repeat: number;
  /** The petitioners' urges (催办) of them: counted, not scored. */
  urges: number;
  score: number;
}

const round = (value: number, places = 2) => Math.round(value * 10 ** places) / 10 ** places;

/**
 * Ranks units by score, highest first:
 *
 *     score = per10k × (1 + overdue / volume + repeat / volume)
 *
 * Petitions per inhabitant lead (a big town is not a hotspot for being big),
 * and every case left overdue and every repeat petition (a matter not settled
 * the first time) weighs as much again as the case itself. A unit with no
 * cases scores 0; ties go to the larger volume, then the code.
 */
export function rankHotspots(units: Array<{ region: Region; counters: Counters }>, limit: number): Hotspot[] {
  return units
    .map(({ region, counters }) => {
      const volume = counters.received ?? 0;
      const overdue = counters.overdue ?? 0;
      const repeat = counters.repeat ?? 0;
      const per10k = region.population > 0 ? (volume / region.population) * 10_000 : 0;
      const score = volume === 0 ? 0 : per10k * (1 + overdue / volume + repeat / volume);
      return { code: region.code, name: region.name, volume, per10k: round(per10k), overdue, repeat, urges: counters.urges ?? 0, score: round(score, 3) };
    })
    .sort((a, b) => b.score - a.score || b.volume - a.volume || a.code.localeCompare(b.code))
    .slice(0, limit);
}
