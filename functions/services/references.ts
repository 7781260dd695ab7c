/** The reference data a request names, looked up; a 400 naming every field whose region or category does not exist. */
import type { Category } from '../domain/categories.ts';
import { invalid, type FieldError } from '../domain/problem.ts';
import type { Region } from '../domain/regions.ts';
import { parseUnit } from '../domain/units.ts';
import { getCategory, getRegion, getRegionChain } from '../store/reference.ts';

/** A named unit at its field path, e.g. ['leadUnit', '330726:housing']. */
export type NamedUnit = [path: string, unit: string];

async function unknownUnits(units: NamedUnit[]): Promise<FieldError[]> {
  const regions = await Promise.all(units.map(([, unit]) => getRegion(parseUnit(unit).region)));
  return units.flatMap(([path, unit], i) => (regions[i] ? [] : [{ path, message: `there is no region ${parseUnit(unit).region}` }]));
}

/** Refuses units whose region does not exist. */
export async function requireUnitsExist(units: NamedUnit[], detail: string): Promise<void> {
  const errors = await unknownUnits(units);
  if (errors.length > 0) throw invalid(detail, errors);
}

/**
 * A case's region chain and category, and the units it names; refused with
 * every field that names nothing, and whatever `check` finds wrong against the chain.
 */
export async function caseReferences(
  named: { regionCode: string; category: string; units?: NamedUnit[]; check?: (chain: Region[]) => FieldError[] },
  detail: string,
): Promise<{ chain: Region[]; category: Category }> {
  const [chain, category, unitErrors] = await Promise.all([getRegionChain(named.regionCode), getCategory(named.category), unknownUnits(named.units ?? [])]);
  const errors = [
    ...(chain ? [] : [{ path: 'regionCode', message: `there is no region ${named.regionCode}` }]),
    ...(category ? [] : [{ path: 'category', message: `there is no category ${named.category}; see GET /v1/categories` }]),
    ...unitErrors,
    ...(chain && named.check ? named.check(chain) : []),
  ];
  if (!chain || !category || errors.length > 0) throw invalid(detail, errors);
  return { chain, category };
}
