/** Routing (小事不出村、大事不出镇): the office that must accept a case, and the unit that should lead it. */
import type { Category } from './categories.ts';
import { clockDue, next, type Case, type Change } from './case.ts';
import type { Clock } from './policy.ts';
import { depthOf, type Region } from './regions.ts';

/** Routing's decision for a case. */
export interface Routing {
  office: Region;
  proposedLeadUnit: string;
  overLevel: boolean;
}

/**
 * Decides which petition office must accept a case and which unit should lead
 * it: the lowest level able to handle the category, within the case's own chain.
 *
 * @param chain - the case region and its ancestors, the case region first
 */
export function decideRouting(subject: Pick<Case, 'addressedTo'>, chain: Region[], category: Category): Routing {
  const handlingDepth = depthOf(category.handlingLevel);
  // The first unit, going up, at or above the handling level. A case filed
  // above that level stays where it was filed: nothing lower is known.
  const office = chain.find((region) => depthOf(region.level) <= handlingDepth) ?? (chain[0] as Region);
  const hasDepartments = office.level !== 'village';
  const proposedLeadUnit =
    category.department !== null && hasDepartments ? `${office.code}:${category.department}` : office.code;
  const addressed = subject.addressedTo === null ? undefined : chain.find((r) => r.code === subject.addressedTo);
  const overLevel = addressed !== undefined && depthOf(addressed.level) < depthOf(office.level);
  return { office, proposedLeadUnit, overLevel };
}

/** Whether a case is still waiting for routing to place it at an office. */
export const awaitsRouting = (subject: Case): boolean => subject.office === null && subject.status === 'received';

/**
 * Applies routing to a case that has not been routed yet; `undefined` when it
 * already has been, so a redelivered routing message changes nothing.
 */
export function applyRouting(subject: Case, routing: Routing, now: string, clock: Clock): Change | undefined {
  if (!awaitsRouting(subject)) return undefined;
  const { office, proposedLeadUnit, overLevel } = routing;
  return next(
    subject,
    { office: office.code, proposedLeadUnit, overLevel, level: office.level, due: clockDue('acceptance', subject.acceptanceDueAt, now, clock) },
    {
      at: now,
      actor: 'system:routing',
      action: 'routed',
      detail: { office: office.code, proposedLeadUnit, overLevel },
      timeline: {
        event: 'routed',
        note: overLevel ? `本事项由${office.name}负责，已转交${office.name}信访部门办理。` : `已交${office.name}信访部门办理。`,
      },
    },
  );
}
