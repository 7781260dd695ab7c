import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { CalendarYear, DayOff } from '../domain/calendar.ts';
import type { Category } from '../domain/categories.ts';
import { chainOf, REGION_LEVELS, type Region } from '../domain/regions.ts';
import { regionCode } from '../domain/fields.ts';
import { parseUnit, unitNameOf } from '../domain/units.ts';
import * as z from '../domain/zod.ts';
import { documents, putOnCondition, queryItems, tableName, writeBatches } from './client.ts';
import { cursorCodec } from './cursor.ts';
import { nullableStringAt, numberAt, oneOfAt, stringAt, type Item } from './item.ts';
import { CALENDAR_PK, calendarKey, calendarSk, CATEGORIES_PK, categoryKey, regionKey, TOP_REGIONS } from './keys.ts';
import { INDEX } from './schema.ts';

// Reference data changes rarely (only by seeding): each function instance
// keeps what it read for a few minutes instead of reading it per request.
const CACHE_MS = 5 * 60 * 1000;
const cache = new Map<string, { value: unknown; until: number }>();

async function cached<T>(key: string, read: () => Promise<T>): Promise<T> {
  const scoped = `${tableName()}\n${key}`;
  const hit = cache.get(scoped);
  if (hit && hit.until > Date.now()) return hit.value as T;
  const value = await read();
  if (value !== undefined) cache.set(scoped, { value, until: Date.now() + CACHE_MS });
  return value;
}

function regionOf(item: Item): Region {
  const region: Region = {
    code: stringAt(item, 'code'),
    name: stringAt(item, 'name'),
    level: oneOfAt(item, 'level', REGION_LEVELS),
    population: numberAt(item, 'population'),
  };
  const parentCode = nullableStringAt(item, 'parentCode');
  if (parentCode !== null) region.parentCode = parentCode;
  return region;
}

function categoryOf(item: Item): Category {
  return {
    code: stringAt(item, 'code'),
    name: stringAt(item, 'name'),
    department: nullableStringAt(item, 'department'),
    handlingLevel: oneOfAt(item, 'handlingLevel', REGION_LEVELS),
  };
}

export async function getRegion(code: string): Promise<Region | undefined> {
  return cached(`region:${code}`, async () => {
    const { Item } = await documents.send(new GetCommand({ TableName: tableName(), Key: regionKey(code) }));
    return Item ? regionOf(Item) : undefined;
  });
}

/** The region and its ancestors, the region first; `undefined` when the code is unknown. */
export async function getRegionChain(code: string): Promise<Region[] | undefined> {
  const region = await getRegion(code);
  if (!region) return undefined;
  const known = new Map<string, Region>([[region.code, region]]);
  // Parents are read one by one; the chain is at most five long and cached.
  for (let current = region; current.parentCode !== undefined; ) {
    const parent = await getRegion(current.parentCode);
    if (!parent) break;
    known.set(parent.code, parent);
    current = parent;
  }
  return chainOf(region, (c) => known.get(c));
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

// The position: the code of the last region read.
const cursors = cursorCodec('regions', z.object({ after: regionCode }));

/** The query of the regions directly below a region (`TOP` for the top level), by code. */
const childrenQuery = (childrenOf: string) => ({
  IndexName: INDEX.children,
  KeyConditionExpression: 'childrenOf = :parent',
  ExpressionAttributeValues: { ':parent': childrenOf },
});

/** The regions directly below `parentCode`, or the top level without it, by code. */
export async function listChildRegions(parentCode: string | undefined, limit: number, cursor?: string): Promise<Page<Region>> {
  const childrenOf = parentCode ?? TOP_REGIONS;
  const binding = [childrenOf];
  let start: Record<string, string> | undefined;
  if (cursor !== undefined) {
    const { after } = cursors.decode(cursor, binding);
    start = { ...regionKey(after), childrenOf, code: after };
  }
  const { Items = [], LastEvaluatedKey } = await documents.send(
    new QueryCommand({ TableName: tableName(), ...childrenQuery(childrenOf), Limit: limit, ExclusiveStartKey: start }),
  );
  const items = Items.map(regionOf);
  const last = items.at(-1);
  return { items, nextCursor: LastEvaluatedKey && last ? cursors.encode({ after: last.code }, binding) : null };
}

/** The regions directly below a region, all of them. */
export async function childRegions(parentCode: string | undefined): Promise<Region[]> {
  const children: Region[] = [];
  for await (const item of queryItems(childrenQuery(parentCode ?? TOP_REGIONS))) children.push(regionOf(item));
  return children;
}

/** Every region of the reference data, top down. */
export async function allRegions(): Promise<Region[]> {
  const regions: Region[] = [];
  const walk = async (parent?: string) => {
    for (const region of await childRegions(parent)) {
      regions.push(region);
      await walk(region.code);
    }
  };
  await walk();
  return regions;
}

export async function listCategories(): Promise<Category[]> {
  return cached('categories', async () => {
    const { Items = [] } = await documents.send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': CATEGORIES_PK },
      }),
    );
    return Items.map(categoryOf);
  });
}

export async function getCategory(code: string): Promise<Category | undefined> {
  return (await listCategories()).find((category) => category.code === code);
}

/**
 * A unit's name from the reference data (cached), as people read it;
 * `undefined` where its region or department is not in it.
 */
export async function getUnitName(unit: string): Promise<string | undefined> {
  const { region, department } = parseUnit(unit);
  const found = await getRegion(region);
  if (!found) return undefined;
  if (department === null) return unitNameOf(found.name, null);
  const category = (await listCategories()).find((candidate) => candidate.department === department);
  return category ? unitNameOf(found.name, category.name) : undefined;
}

/** Writes (or overwrites) the reference data; safe to run again. */
export async function putReferenceData(regions: Region[], categories: Category[]): Promise<void> {
  await writeBatches([
    ...regions.map((region) => ({ ...regionKey(region.code), childrenOf: region.parentCode ?? TOP_REGIONS, ...region })),
    ...categories.map((category) => ({ ...categoryKey(category.code), ...category })),
  ]);
  cache.clear();
}

function calendarYearOf(item: Item): CalendarYear {
  const { daysOff, workdays } = item;
  const isDay = (day: unknown): day is string => typeof day === 'string';
  const isDayOff = (day: unknown): day is DayOff => isDay((day as DayOff | null)?.date) && isDay((day as DayOff).name);
  if (!Array.isArray(daysOff) || !daysOff.every(isDayOff) || !Array.isArray(workdays) || !workdays.every(isDay)) {
    throw new Error(`item ${String(item.pk)} ${String(item.sk)}: daysOff or workdays is not a list of days`);
  }
  return { year: numberAt(item, 'year'), daysOff: daysOff.map(({ date, name }) => ({ date, name })), workdays };
}

/**
 * The statutory calendar years loaded, from `from` to `to`. Read afresh every
 * time, never cached: a year an admin replaces counts at once everywhere.
 */
export async function getCalendarYears(from: number, to: number): Promise<CalendarYear[]> {
  const { Items = [] } = await documents.send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': CALENDAR_PK, ':from': calendarSk(from), ':to': calendarSk(to) },
    }),
  );
  return Items.map(calendarYearOf);
}

const calendarItem = (year: CalendarYear, by: string) => ({ ...calendarKey(year.year), year: year.year, daysOff: year.daysOff, workdays: year.workdays, by });

/** Puts a year in force, replacing what was there. */
export async function putCalendarYear(year: CalendarYear, by: string): Promise<void> {
  await documents.send(new PutCommand({ TableName: tableName(), Item: calendarItem(year, by) }));
}

/** Loads a shipped year unless one is there already (an admin's replacement stays). Answers whether it was written. */
export async function addCalendarYear(year: CalendarYear, by: string): Promise<boolean> {
  return putOnCondition({ Item: calendarItem(year, by), ConditionExpression: 'attribute_not_exists(pk)' });
}
