/** The five administrative levels (五级), top first. */
export const REGION_LEVELS = ['province', 'city', 'county', 'township', 'village'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

/** A unit of the administrative chain, identified by its GB/T 2260 code. */
export interface Region {
  code: string;
  name: string;
  level: RegionLevel;
  /** The region directly above; absent at the top. */
  parentCode?: string;
  population: number;
}

/** 0 for a province, 4 for a village: larger is lower in the chain. */
export function depthOf(level: RegionLevel): number {
  return REGION_LEVELS.indexOf(level);
}

/**
 * The chain from `region` up to the top, `region` first. `lookup` answers the
 * regions already known; a missing or cyclic parent is a data error.
 */
export function chainOf(region: Region, lookup: (code: string) => Region | undefined): Region[] {
  const chain = [region];
  let current = region;
  while (current.parentCode !== undefined) {
    const parent = lookup(current.parentCode);
    if (!parent) throw new Error(`region ${current.code} names a parent ${current.parentCode} that does not exist`);
    if (depthOf(parent.level) >= depthOf(current.level)) {
      throw new Error(`region ${parent.code} is not above its child ${current.code}`);
    }
    chain.push(parent);
    current = parent;
  }
  return chain;
}
