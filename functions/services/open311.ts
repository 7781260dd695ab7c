/** What the Open311 routes read: the jurisdiction asked for, and cases as public service requests. */
import { FINISHED_STATUSES, OPEN_STATUSES, type CaseStatus } from '../domain/case.ts';
import type { Category } from '../domain/categories.ts';
import { MAX_REQUESTS, serviceRequestOf, type Open311Status, type ServiceRequest } from '../domain/open311.ts';
import { invalid, notFound } from '../domain/problem.ts';
import type { Region } from '../domain/regions.ts';
import { isRegionWithin } from '../domain/units.ts';
import { getCaseWithHistory } from '../store/cases.ts';
import { childRegions, getRegion, listCategories } from '../store/reference.ts';
import { casesReceivedUnder } from '../store/worklist.ts';

/** Case partitions read at once for a list: a thousand requests in a hundred rounds, without a burst on the table. */
const READS_AT_ONCE = 10;

/**
 * The jurisdiction a request names: a region, whose cases it serves (a
 * province, a city, a county). Without `jurisdiction_id`, the one top-level
 * region when the system has just one; 400 when it has several (the spec:
 * required where an endpoint serves more than one), 404 for an unknown one.
 */
export async function jurisdictionOf(id: string | undefined): Promise<Region> {
  if (id !== undefined) {
    const region = await getRegion(id);
    if (!region) throw notFound(`jurisdiction_id ${id} was not found: it is the code of a region (GET /v1/regions).`);
    return region;
  }
  const top = await childRegions(undefined);
  if (top.length !== 1) throw invalid('This endpoint serves several jurisdictions: name one.', [{ path: 'jurisdiction_id', message: 'is required' }]);
  return top[0]!;
}

/** The services: the categories, by code. */
export async function servicesByCode(): Promise<Map<string, Category>> {
  return new Map((await listCategories()).map((category) => [category.code, category]));
}

/** The statuses of the system an Open311 status stands for. */
export function caseStatusesOf(statuses: readonly Open311Status[] | undefined): CaseStatus[] {
  const wanted = new Set(statuses ?? ['open', 'closed']);
  return [...(wanted.has('open') ? OPEN_STATUSES : []), ...(wanted.has('closed') ? FINISHED_STATUSES : [])];
}

async function regionName(code: string): Promise<string> {
  return (await getRegion(code))?.name ?? code;
}

/** The public views of the cases with these ids that lie in the jurisdiction, in the order given; the rest are left out. */
export async function serviceRequests(ids: readonly string[], jurisdiction: Region, services: Map<string, Category>): Promise<ServiceRequest[]> {
  const views: Array<ServiceRequest | undefined> = [];
  for (let start = 0; start < ids.length; start += READS_AT_ONCE) {
    views.push(
      ...(await Promise.all(
        ids.slice(start, start + READS_AT_ONCE).map(async (id) => {
          const found = id.length <= 100 ? await getCaseWithHistory(id) : undefined;
          if (!found || !isRegionWithin(found.case.regionCode, jurisdiction.code)) return undefined;
          const office = found.case.office;
          return serviceRequestOf(found.case, found.history, {
            service: services.get(found.case.category)?.name ?? found.case.category,
            agency: office === null ? null : `${await regionName(office)}信访部门`,
            address: await regionName(found.case.regionCode),
          });
        }),
      )),
    );
  }
  return views.filter((view) => view !== undefined);
}

/** The newest {@link MAX_REQUESTS} cases of the jurisdiction received in the range, in the statuses and categories asked for: their ids, newest first. */
export async function newestCaseIds(
  jurisdiction: Region,
  statuses: readonly CaseStatus[],
  received: { from: string; to: string },
  categories?: readonly string[],
): Promise<string[]> {
  const found = await casesReceivedUnder(jurisdiction.code, statuses, received, categories);
  return found
    .sort((a, b) => b.receivedAt.localeCompare(a.receivedAt) || a.id.localeCompare(b.id))
    .slice(0, MAX_REQUESTS)
    .map((entry) => entry.id);
}
