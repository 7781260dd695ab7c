import { GetCommand, paginateQuery, PutCommand } from '@aws-sdk/lib-dynamodb';
import { sum, type Counters } from '../domain/figures.ts';
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

/** Counters to add to one figures item, with the labels it carries. */
export interface Addition {
  key: Record<string, string>;
  labels: Record<string, string>;
  delta: Counters;
}

/** What adds `delta` to the counters of each region of a case's chain on its day. */
export function figureAdditions(regions: string[], day: string, delta: Counters): Addition[] {
  if (Object.keys(delta).length === 0) return [];
  return regions.map((region) => ({ key: figuresKey(region, day), labels: { region, day }, delta }));
}

// A province's running totals over all days (the overdue backlog, every sweep): outside every day range.
const TOTAL_DAY = 'ALL';

/** What adds `delta` to a province's running totals. */
export function totalAdditions(province: string, delta: Counters): Addition[] {
  return figureAdditions([province], TOTAL_DAY, delta);
}

/** What adds `delta` to a visit's counters. */
export function visitAdditions(visitId: string, delta: Counters): Addition[] {
  return Object.keys(delta).length === 0 ? [] : [{ key: visitFiguresKey(visitId), labels: { visitId }, delta }];
}

/**
 * The writes of additions, to go in the same transaction as the changes they
 * count: those to one item summed into one write, as a transaction writes an
 * item once (two cases of one region and day changed together).
 */
export function additionWrites(additions: Addition[]): TransactItem[] {
  const byItem = new Map<string, Addition>();
  for (const addition of additions) {
    const id = JSON.stringify(addition.key);
    const was = byItem.get(id);
    byItem.set(id, was ? { ...was, delta: sum([was.delta, addition.delta]) } : addition);
  }
  return [...byItem.values()]
    .map((addition) => ({ ...addition, delta: Object.fromEntries(Object.entries(addition.delta).filter(([, value]) => value !== 0)) }))
    .filter((addition) => Object.keys(addition.delta).length > 0)
    .map((addition) => addWrite(addition.key, addition.delta, addition.labels));
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
