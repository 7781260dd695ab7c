/**
 * A province's worth of counties for the intake benchmark. Every case takes
 * a number from its county's counter in intake's transaction, so cases of one
 * county at a time queue on one item. A real deployment spreads its cases
 * over a province's counties (Zhejiang has 90 county-level units) at a few
 * an hour each; the demo reference data has two counties, so a benchmark
 * driving 8 intakes at once into them would measure that queue, not intake.
 *
 * The two demo counties, and 88 more of the same shape under the demo
 * province: 11 cities of 8 counties, each county with one township and one
 * village, so a case's region code is a village's 12 digits as in the demo.
 */
import type { Region } from '../functions/domain/regions.ts';
import { DEMO_REGIONS } from '../functions/reference/demo.ts';

const PROVINCE = '330000';

/** The generated regions, to load beside the demo's: cities 3301 to 3311 (the demo's two too), counties 33cc61 to 33cc68 (no demo code ends so). */
export const PROVINCE_REGIONS: Region[] = Array.from({ length: 11 }, (_, c) => {
  const city = `33${String(c + 1).padStart(2, '0')}`;
  const cityRegion: Region = { code: `${city}00`, name: `城市${c + 1}`, level: 'city', parentCode: PROVINCE, population: 5_000_000 };
  return [
    ...(DEMO_REGIONS.some((region) => region.code === cityRegion.code) ? [] : [cityRegion]),
    ...Array.from({ length: 8 }, (_, k): Region[] => {
      const county = `${city}6${k + 1}`;
      return [
        { code: county, name: `县${c + 1}-${k + 1}`, level: 'county', parentCode: cityRegion.code, population: 400_000 },
        { code: `${county}001`, name: '城关街道', level: 'township', parentCode: county, population: 80_000 },
        { code: `${county}001001`, name: '城关社区', level: 'village', parentCode: `${county}001`, population: 6_000 },
      ];
    }).flat(),
  ];
}).flat();

/** One village in each county: the demo's first village of each of its counties, and the generated ones. */
export const COUNTY_VILLAGES: string[] = [
  ...new Set(
    [...DEMO_REGIONS, ...PROVINCE_REGIONS]
      .filter((region) => region.level === 'village')
      .map((region) => region.code)
      .filter((code, i, codes) => codes.findIndex((other) => other.slice(0, 6) === code.slice(0, 6)) === i),
  ),
];

/**
 * The village of the i-th case: a county drawn at random (seeded, so every
 * run submits the same sequence), as independent petitioners' cases arrive.
 * Drawn, not dealt in turn: dealing would never put two cases in flight in
 * one county, which real arrivals sometimes do.
 */
export function villageOfCase(i: number): string {
  // mulberry32 of i: a well-spread 32-bit hash.
  let t = (i + 0x6d2b79f5) | 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  const random = ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  return COUNTY_VILLAGES[Math.floor(random * COUNTY_VILLAGES.length)]!;
}
