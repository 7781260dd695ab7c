/**
 * What a staff member may reach: regions and visits of their own region or
 * below. Anything else answers 404, exactly as what does not exist.
 */
import { notFound } from '../domain/problem.ts';
import { coversRegion, isOfficeStaff, regionOf, type Staff } from '../domain/staff.ts';
import { isUnitWithin, parseUnit } from '../domain/units.ts';
import type { Visit } from '../domain/visits.ts';
import { getRegion } from '../store/reference.ts';
import { getVisit } from '../store/visits.ts';
import type { WorklistScope } from '../store/worklist.ts';
import { findVisible } from './find-visible.ts';

/** A region that exists; 404 otherwise. */
export async function knownRegion(code: string): Promise<string> {
  if (!(await getRegion(code))) throw notFound(`There is no region ${code}.`);
  return code;
}

/** A region of the caller's subtree that exists (their own by default); 404 otherwise. */
export async function regionInScope(staff: Staff, code?: string): Promise<string> {
  const region = code ?? regionOf(staff);
  if (!coversRegion(staff, region) || !(await getRegion(region))) throw notFound(`There is no region ${region} in your unit's scope.`);
  return region;
}

/** A visit of the caller's region or below; 404 otherwise. */
export async function visitInScope(staff: Staff, id: string): Promise<Visit> {
  return findVisible(id, getVisit, (visit) => coversRegion(staff, visit.regionCode), `There is no visit ${id} in your unit's scope.`);
}

/**
 * The cases a list of `unit` shows, as the worklist scopes them: an office's
 * subtree, or a department's own cases. A unit is the caller's own (by
 * default) or one below it that exists; 404 otherwise.
 */
export async function unitScope(staff: Staff, unit = isOfficeStaff(staff) ? regionOf(staff) : staff.unit): Promise<WorklistScope> {
  const { region, department } = parseUnit(unit);
  if (!isUnitWithin(unit, staff.unit) || !(await getRegion(region))) throw notFound(`There is no unit ${unit} in your unit's scope.`);
  return department === null ? { office: region } : { unit };
}
