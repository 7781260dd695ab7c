/**
 * The counters case numbers are drawn from: one item a series (county and
 * year) holding the last sequence given. A case takes the next one in the
 * transaction that writes it, on condition that nobody took it meanwhile, so
 * a number is given only with a case written and never twice.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { caseNumberOf, type NumberSeries } from '../domain/case-number.ts';
import { documents, tableName, type TransactItem } from './client.ts';
import { numberAt } from './item.ts';
import { caseNumberCounterKey } from './keys.ts';

/** The next number of a series, and the write that takes it (refused if another case took it first). */
export async function nextCaseNumber(series: NumberSeries): Promise<{ caseNumber: string; take: TransactItem }> {
  const key = caseNumberCounterKey(series.county, series.year);
  const { Item } = await documents.send(new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: true }));
  const last = Item ? numberAt(Item, 'last') : 0;
  return {
    caseNumber: caseNumberOf(series, last + 1),
    take: {
      Update: {
        TableName: tableName(),
        Key: key,
        UpdateExpression: 'SET #last = :next',
        ConditionExpression: last === 0 ? 'attribute_not_exists(pk)' : '#last = :last',
        ExpressionAttributeNames: { '#last': 'last' },
        ExpressionAttributeValues: { ':next': last + 1, ...(last !== 0 && { ':last': last }) },
      },
    },
  };
}
