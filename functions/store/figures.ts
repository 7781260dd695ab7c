import { GetCommand, paginateQuery, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Counters } from '../domain/figures.ts';
import { documents, tableName, type TransactItem } from './client.ts';
import { stringAt, withoutKeys, type Item } from './item.ts';
import { figuresKey, visitFiguresKey } from './keys.ts';

/** The counters a figures item holds: every attribute but its keys and labels, each a number. */
function countersOf(item: Item, labels: readonly string[]): Counters {
  const counters: Counters = {};
  for (const [name, value] of Object.entries(withoutKeys(item))) {
    if (labels.includes(name)) continue;
    if (typeof value !== 'number') throw new Error(`item ${String(item.pk)} ${String(item.sk)}: counter ${name} is not a number`);
    counters[name] = value;
  }
  return counters;
}

function addWrite(key: Record<string, string>, delta: Counters, labels: Record<string, string>): TransactItem {
  const names = Object.keys(delta);
  const labelNames = Object.keys(labels);
  return {
    Update: {
      TableName: tableName(),
      Key: key,
      UpdateExpression: `SET ${labelNames.map((_, i) => `#l${i} = :l${i}`).join(', ')} ADD ${names.map((_, i) => `#c${i} :c${i}`).join(', ')}`,
      ExpressionAttributeNames: {
        ...Object.fromEntries(names.map((name, i) => [`#c${i}`, name])),
        ...Object.fromEntries(labelNames.map((name, i) => [`#l${i}`, name])),
      },
      ExpressionAttributeValues: {
        ...Object.fromEntries(names.map((name, i) => [`:c${i}`, delta[name]])),
        ...Object.fromEntries(labelNames.map((name, i) => [`:l${i}`, labels[name]])),
      },
    },
  };
}

/**
 * The writes that add `delta` to the counters of each region of a case's
 * chain on its day: to go in the same transaction as the change they count.
 */
export function figureWrites(regions: string[], day: string, delta: Counters): TransactItem[] {
  if (Object.keys(delta).length === 0) return [];
  return regions.map((region) => addWrite(figuresKey(region, day), delta, { region, day }));
}

// A province's running totals over all days (the overdue backlog, every sweep): outside every day range.
const TOTAL_DAY = 'ALL';

/** The write that adds `delta` to a province's running totals, with the change it counts. */
export function totalWrites(province: string, delta: Counters): TransactItem[] {
  return figureWrites([province], TOTAL_DAY, delta);
}

/** A province's running totals. */
export async function readTotals(province: string): Promise<Counters> {
  const { days } = await readFigures(province, TOTAL_DAY, TOTAL_DAY);
  return days[0]?.counters ?? {};
}

/** Replaces a province's running totals (the recount's repair). */
export async function putTotals(province: string, counters: Counters): Promise<void> {
  await putFigures(province, TOTAL_DAY, counters);
}

/** The write that adds `delta` to a visit's counters, to go in the same transaction as the change it counts. */
export function visitFigureWrites(visitId: string, delta: Counters): TransactItem[] {
  return Object.keys(delta).length === 0 ? [] : [addWrite(visitFiguresKey(visitId), delta, { visitId })];
}

/** A visit's counters (one item). */
export async function readVisitFigures(visitId: string): Promise<Counters> {
  const { Item } = await documents.send(new GetCommand({ TableName: tableName(), Key: visitFiguresKey(visitId) }));
  return Item ? countersOf(Item, ['visitId']) : {};
}

/** A region's counters for one day. */
export interface DayFigures {
  day: string;
  counters: Counters;
}

/**
 * A region's counters for each day from `from` to `to` (inclusive) that has
 * any: one query of one partition, at most one item a day, whatever the
 * number of cases. `reads` is how many items it read.
 */
export async function readFigures(region: string, from: string, to: string): Promise<{ days: DayFigures[]; reads: number }> {
  const days: DayFigures[] = [];
  let reads = 0;
  const pages = paginateQuery(
    { client: documents },
    {
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': figuresKey(region, from).pk, ':from': figuresKey(region, from).sk, ':to': figuresKey(region, to).sk },
    },
  );
  for await (const page of pages) {
    reads += page.ScannedCount ?? 0;
    for (const item of page.Items ?? []) days.push({ day: stringAt(item, 'day'), counters: countersOf(item, ['region', 'day']) });
  }
  return { days, reads };
}

/** Replaces a region's counters for a day (the recount's repair, and bulk loading). */
export async function putFigures(region: string, day: string, counters: Counters): Promise<void> {
  await documents.send(new PutCommand({ TableName: tableName(), Item: { ...figuresKey(region, day), region, day, ...counters } }));
}
