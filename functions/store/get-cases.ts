import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import type { Case } from '../domain/case.ts';
import { caseOf } from './case-items.ts';
import { documents, tableName } from './client.ts';
import { caseKey } from './keys.ts';

/** Up to 100 cases by id, in one batch read (and again for what DynamoDB leaves unprocessed). */
export async function getCases(ids: string[]): Promise<Case[]> {
  const found: Case[] = [];
  let keys: Array<Record<string, unknown>> = ids.map(caseKey);
  for (let attempt = 0; keys.length > 0; attempt++) {
    if (attempt > 8) throw new Error('cases could not be read: throttled');
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
    const { Responses, UnprocessedKeys } = await documents.send(new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: keys } } }));
    found.push(...(Responses?.[tableName()] ?? []).map(caseOf));
    keys = UnprocessedKeys?.[tableName()]?.Keys ?? [];
  }
  return found;
}
