/**
 * The consistency check of the figures: recomputes every counter from the
 * cases (the sum of their contributions) and compares it with what is stored.
 */
import { CASE_STATUSES, type Case } from '../domain/case.ts';
import { chinaDay } from '../domain/calendar.ts';
import { contributionOf, sum, type Counters } from '../domain/figures.ts';
import { casesUnder } from '../store/worklist.ts';
import { putFigures, putTotals, readFigures, readTotals } from '../store/figures.ts';
import { allRegions, getRegionChain } from '../store/reference.ts';

export interface Difference {
  region: string;
  day: string;
  counter: string;
  stored: number;
  expected: number;
}

export interface Recount {
  cases: number;
  /** Region-days with counters, stored or expected. */
  regionDays: number;
  differences: Difference[];
}

const slot = (region: string, day: string) => `${region} ${day}`;
/** The slot of a province's running totals, beside its days. */
const ALL_DAYS = 'all';

/**
 * Recomputes the counters from every case and compares them with the stored
 * ones; with `fix`, writes the recomputed counters where they differ. Reads
 * every case: for maintenance, not for requests.
 */
export async function recount(options: { fix?: boolean } = {}): Promise<Recount> {
  const expected = new Map<string, Counters[]>();
  let cases = 0;
  const count = async (subject: Case) => {
    cases++;
    const chain = (await getRegionChain(subject.regionCode)) ?? [];
    const keys = [...chain.map((region) => slot(region.code, chinaDay(subject.receivedAt))), slot(chain.at(-1)!.code, ALL_DAYS)];
    for (const key of keys) expected.set(key, [...(expected.get(key) ?? []), contributionOf(subject)]);
  };
  const regions = await allRegions();
  const provinces = regions.filter((region) => region.parentCode === undefined);
  for (const province of provinces) for await (const batch of casesUnder(province.code, CASE_STATUSES)) for (const subject of batch) await count(subject);

  const stored = new Map<string, Counters>();
  for (const region of regions) {
    const { days } = await readFigures(region.code, '0000-01-01', '9999-12-31');
    for (const { day, counters } of days) stored.set(slot(region.code, day), counters);
    if (region.parentCode === undefined) stored.set(slot(region.code, ALL_DAYS), await readTotals(region.code));
  }

  const differences: Difference[] = [];
  const slots = new Set([...expected.keys(), ...stored.keys()]);
  for (const key of slots) {
    const [region, day] = key.split(' ') as [string, string];
    const want = sum(expected.get(key) ?? []);
    const have = stored.get(key) ?? {};
    for (const counter of new Set([...Object.keys(want), ...Object.keys(have)])) {
      const [storedValue, expectedValue] = [have[counter] ?? 0, want[counter] ?? 0];
      if (storedValue !== expectedValue) differences.push({ region, day, counter, stored: storedValue, expected: expectedValue });
    }
    if (options.fix && differences.some((d) => d.region === region && d.day === day)) {
      await (day === ALL_DAYS ? putTotals(region, want) : putFigures(region, day, want));
    }
  }
  return { cases, regionDays: slots.size, differences };
}
