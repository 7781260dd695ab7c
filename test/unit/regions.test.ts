import { describe, expect, it } from 'vitest';
import { chainOf, type Region } from '../../functions/domain/regions.ts';
import { DEFAULT_CATEGORIES, DEMO_REGIONS } from '../../functions/reference/demo.ts';
import { demoChain } from '../support/domain.ts';

describe('the region chain', () => {
  it('runs from a village up to the province', () => {
    expect(demoChain('330726001001').map((r) => r.level)).toEqual(['village', 'township', 'county', 'city', 'province']);
  });

  it('refuses a missing parent and a parent that is not above its child', () => {
    const orphan: Region = { code: '1', name: 'a', level: 'village', parentCode: '2', population: 1 };
    expect(() => chainOf(orphan, () => undefined)).toThrow(/does not exist/);
    const sideways: Region = { code: '2', name: 'b', level: 'village', population: 1 };
    expect(() => chainOf(orphan, () => sideways)).toThrow(/not above/);
  });
});

describe('the demo reference data', () => {
  const byCode = new Map(DEMO_REGIONS.map((region) => [region.code, region]));

  it('has unique codes whose parents exist, with codes nested as GB/T 2260 nests them', () => {
    expect(byCode.size).toBe(DEMO_REGIONS.length);
    for (const region of DEMO_REGIONS) {
      expect(region.population).toBeGreaterThan(0);
      if (region.parentCode === undefined) continue;
      expect(byCode.get(region.parentCode)).toBeDefined();
      const significant = region.parentCode.replace(/0+$/, '');
      expect(region.code.startsWith(significant)).toBe(true);
    }
  });

  it('includes Zhejiang > Jinhua > Pujiang with townships and villages, and a second county with townships', () => {
    expect(demoChain('330726001001').map((r) => r.code)).toEqual(['330726001001', '330726001', '330726', '330700', '330000']);
    const counties = DEMO_REGIONS.filter((r) => r.parentCode === '330700');
    expect(counties.length).toBeGreaterThanOrEqual(2);
    for (const county of counties) expect(DEMO_REGIONS.some((r) => r.parentCode === county.code)).toBe(true);
  });

  it('has the default category set of the API, each with a handling level', () => {
    expect(DEFAULT_CATEGORIES.map((c) => c.code).sort()).toEqual(
      ['housing', 'land', 'labour', 'environment', 'public_security', 'health', 'education', 'civil_affairs', 'transport', 'other'].sort(),
    );
  });
});
