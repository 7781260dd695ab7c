import { invalid, Problem } from './problem.ts';
import { isRegionWithin, isUnitWithin, parseUnit } from './units.ts';

export const ROLES = ['clerk', 'handler', 'supervisor', 'leader', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** A member of staff, as their token says: who, in which unit, in which roles. */
export interface Staff {
  sub: string;
  unit: string;
  roles: Role[];
}

/** Whether the staff member has one of `roles`; an admin has them all. */
export function hasRole(staff: Staff, ...roles: Role[]): boolean {
  return staff.roles.includes('admin') || roles.some((role) => staff.roles.includes(role));
}

/** Refuses (403) a staff member who has none of `roles`. */
export function requireRole(staff: Staff, action: string, ...roles: Role[]): void {
  if (!hasRole(staff, ...roles)) {
    throw new Problem('forbidden', 'Not allowed', `Only ${roles.join(' or ')} staff may ${action}.`);
  }
}

/** The region of the staff member's unit. */
export function regionOf(staff: Staff): string {
  return parseUnit(staff.unit).region;
}

/** Whether a region is the staff member's own or below it. */
export function coversRegion(staff: Staff, code: string): boolean {
  return isRegionWithin(code, regionOf(staff));
}

/** Whether the staff member belongs to a petition office rather than a department. */
export function isOfficeStaff(staff: Staff): boolean {
  return parseUnit(staff.unit).department === null;
}

/** Refuses (403) a member of a department: `action` is a petition office's. */
export function requireOfficeStaff(staff: Staff, action: string): void {
  if (!isOfficeStaff(staff)) throw new Problem('forbidden', 'Not allowed', `${action} is for a petition office, not a department.`);
}

/** Refuses (400, naming each) units that are not the staff member's own or below it. */
export function requireUnitsWithin(staff: Staff, units: Array<[path: string, unit: string]>, detail: string): void {
  const outside = units.filter(([, unit]) => !isUnitWithin(unit, staff.unit));
  if (outside.length > 0) throw invalid(detail, outside.map(([path, unit]) => ({ path, message: `${unit} is not within ${staff.unit}` })));
}
