import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import type { Case } from '../domain/case.ts';
import { caseOf } from './case-items.ts';
import { documents, tableName, untilProcessed } from './client.ts';
import { caseKey } from './keys.ts';

/** BatchGetItem reads at most 100 keys a request. */
const BATCH_READ = 100;

/** Cases by id, 100 a batch read (and again for what DynamoDB leaves unprocessed). */
export async function getCases(ids: string[]): Promise<Case[]> {
  const found: Case[] = [];
  for (let i = 0; i < ids.length; i += BATCH_READ) {
    await untilProcessed<Record<string, unknown>>(ids.slice(i, i + BATCH_READ).map(caseKey), 'cases could not be read', async (keys) => {
      const { Responses, UnprocessedKeys } = await documents.send(new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: keys } } }));
      found.push(...(Responses?.[tableName()] ?? []).map(caseOf));
      return UnprocessedKeys?.[tableName()]?.Keys ?? [];
    });
  }
  return found;
}
