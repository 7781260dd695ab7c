import type { RegionLevel } from './regions.ts';

/**
 * A unit is a region's petition office ("330726") or one of its departments
 * ("330726:housing"). GB/T 2260 codes nest by prefix (province 2 digits, city
 * 4, county 6, township 9, village 12), so "at or below" needs no lookup.
 */

/** A region code's pattern (for building patterns): 6 digits (province, city, county), 9 (township) or 12 (village). */
export const REGION_CODE = String.raw`\d{6}(?:\d{3}(?:\d{3})?)?`;
export const REGION_CODE_PATTERN = new RegExp(`^${REGION_CODE}$`);
/** A region with regions below it: 6 digits or 9, never a village's 12. */
export const PARENT_REGION_CODE_PATTERN = /^\d{6}(?:\d{3})?$/;
export const UNIT_PATTERN = new RegExp(`^(${REGION_CODE})(?::([a-z][a-z_]{1,39}))?$`);

export interface Unit {
  region: string;
  /** `null` for the petition office itself. */
  department: string | null;
}

export function isUnitId(value: string): boolean {
  return UNIT_PATTERN.test(value);
}

export function parseUnit(unit: string): Unit {
  const match = UNIT_PATTERN.exec(unit);
  if (!match) throw new RangeError(`"${unit}" is not a unit id`);
  return { region: match[1] as string, department: match[2] ?? null };
}

/** The level a region code is at, from its shape. */
export function levelOfCode(code: string): RegionLevel {
  if (code.length === 12) return 'village';
  if (code.length === 9) return 'township';
  if (code.endsWith('0000')) return 'province';
  if (code.endsWith('00')) return 'city';
  return 'county';
}

const PREFIX_LENGTH: Record<RegionLevel, number> = { province: 2, city: 4, county: 6, township: 9, village: 12 };

/** What every code in a region's subtree starts with: "3307" for Jinhua city 330700. */
export function subtreePrefix(code: string): string {
  return code.slice(0, PREFIX_LENGTH[levelOfCode(code)]);
}

export function isRegionWithin(code: string, scope: string): boolean {
  return code.startsWith(subtreePrefix(scope));
}

/**
 * Whether `unit` is `scope` or below it: a region office covers every unit of
 * its subtree, departments included; a department covers the same department
 * of the regions below.
 */
export function isUnitWithin(unit: string, scope: string): boolean {
  const inner = parseUnit(unit);
  const outer = parseUnit(scope);
  return isRegionWithin(inner.region, outer.region) && (outer.department === null || outer.department === inner.department);
}

/**
 * How a unit is named to people (in a petitioner's SMS): its region's name,
 * then its department's (the name of the category it handles), or the
 * region's petition office.
 */
export function unitNameOf(regionName: string, departmentName: string | null): string {
  return `${regionName}${departmentName ?? '信访'}部门`;
}
