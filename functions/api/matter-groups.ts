/**
 * Matter groups (举一反三), for staff: the groups of a region and period,
 * largest first; corrections (a case put in, a case taken out); and one
 * reply that answers every member. Members are shown only where the caller
 * may see the case.
 */
import { isOpen, type Case } from '../domain/case.ts';
import { canSee, replySchema } from '../domain/lifecycle.ts';
import { GROUPING_POLICY, groupView, memberSchema, partitionOf, type MatterGroup } from '../domain/matter-groups.ts';
import { conflict } from '../domain/problem.ts';
import { requireRole, type Staff } from '../domain/staff.ts';
import { config } from '../shared/config.ts';
import { now } from '../shared/clock.ts';
import { httpHandler, parseWith, requireStaff, type ApiAnswer, type ApiRequest } from '../shared/http.ts';
import { findVisible } from '../services/find-visible.ts';
import { replyToGroup } from '../services/reply-to-group.ts';
import { regionInScope } from '../services/scope.ts';
import { getCase } from '../store/cases.ts';
import { getCases } from '../store/get-cases.ts';
import { addMember, getGroup, listGroups, removeMember, type StoredGroup } from '../store/matter-groups.ts';
import { matterGroupsQuery } from './queries.ts';

// getCases reads at most 100 cases a call.
const BATCH = 100;

/** The member cases the caller may see, in the group's order. */
async function visibleMembers(staff: Staff, ids: readonly string[]): Promise<Case[]> {
  const read: Case[] = [];
  for (let i = 0; i < ids.length; i += BATCH) read.push(...(await getCases(ids.slice(i, i + BATCH))));
  const byId = new Map(read.filter((member) => canSee(staff, member)).map((member) => [member.id, member]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** A group with a member the caller may see; 404 otherwise, as for a group that does not exist. */
async function groupInScope(staff: Staff, id: string): Promise<{ stored: StoredGroup; members: Case[] }> {
  const read = async (groupId: string) => {
    const stored = await getGroup(groupId);
    return stored && { stored, members: await visibleMembers(staff, stored.members) };
  };
  return findVisible(id, read, (found) => found.members.length > 0, `There is no matter group ${id} in your unit's scope.`);
}

const viewOf = (group: MatterGroup, members: Case[]) => groupView(group, members.map((member) => member.id));

async function list(request: ApiRequest): Promise<ApiAnswer> {
  const staff = requireStaff(request);
  const { regionCode, from, to, limit, cursor } = parseWith(matterGroupsQuery, request.query, 'query');
  const region = await regionInScope(staff, regionCode);
  const page = await listGroups({ regionCode: region, from, to, windowMs: GROUPING_POLICY.windowMs }, { limit, ...(cursor !== undefined && { cursor }) });
  const items = [];
  for (const group of page.items) {
    const members = await visibleMembers(staff, (await getGroup(group.id))?.members ?? []);
    if (members.length > 0) items.push(viewOf(group, members));
  }
  return { status: 200, body: { regionCode: region, from, to, items, nextCursor: page.nextCursor } };
}

const changedMeanwhile = () => conflict('The group changed while you were correcting it: read it again.');

/** Staff put a case in a group: an open case of the group's county and category, in no other group. */
async function add(request: ApiRequest): Promise<ApiAnswer> {
  const staff = requireStaff(request);
  const { stored } = await groupInScope(staff, request.params.id ?? '');
  const { caseId } = request.body(memberSchema);
  const subject = await findVisible(caseId, getCase, (found) => canSee(staff, found), `There is no case ${caseId} in your unit's scope.`);
  const { county, category } = partitionOf(subject);
  if (county !== stored.group.county || category !== stored.group.category) throw conflict('The case is of another county or category than the group.');
  if (!isOpen(subject.status)) throw conflict(`The case is ${subject.status}: only open cases join a group.`);
  const added = stored.members.includes(subject.id) ? 'member' : await addMember(stored, subject);
  if (added === 'elsewhere') throw conflict('The case is in another matter group: take it out of that one first.');
  if (added === 'stale') throw changedMeanwhile();
  const after = await groupInScope(staff, stored.group.id);
  return { status: 200, body: viewOf(after.stored.group, after.members) };
}

/** Staff take a case out of a group; routing will not offer it to a group again. */
async function remove(request: ApiRequest): Promise<ApiAnswer> {
  const staff = requireStaff(request);
  const { stored } = await groupInScope(staff, request.params.id ?? '');
  const { caseId } = request.body(memberSchema);
  await findVisible(caseId, getCase, (found) => canSee(staff, found), `There is no case ${caseId} in your unit's scope.`);
  const removed = await removeMember(stored, caseId);
  if (removed === 'absent') throw conflict(`The case ${caseId} is not in this group.`);
  if (removed === 'stale') throw changedMeanwhile();
  const after = (await getGroup(stored.group.id)) ?? stored;
  return { status: 200, body: viewOf(after.group, await visibleMembers(staff, after.members)) };
}

/** One reply to every member in the caller's scope, each by the lifecycle's rules. */
async function reply(request: ApiRequest): Promise<ApiAnswer> {
  const staff = requireStaff(request);
  requireRole(staff, 'reply', 'handler', 'leader');
  const { stored, members } = await groupInScope(staff, request.params.id ?? '');
  const { opinion } = request.body(replySchema);
  const done = await replyToGroup(members, opinion, { staff, now: now(), clock: config.clock });
  return { status: 200, body: { groupId: stored.group.id, ...done } };
}

const ROUTES: Record<string, (request: ApiRequest) => Promise<ApiAnswer>> = {
  'GET /v1/matter-groups': list,
  'POST /v1/matter-groups/{id}/members': add,
  'POST /v1/matter-groups/{id}/removals': remove,
  'POST /v1/matter-groups/{id}/reply': reply,
};

export const handler = httpHandler(async (request) => {
  const route = ROUTES[request.route];
  if (!route) throw new Error(`matter-groups has no route ${request.route}`);
  return route(request);
});
