import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import type { Case } from '../domain/case.ts';
import { caseOf } from './case-items.ts';
import { documents, tableName, untilProcessed } from './client.ts';
import { caseKey } from './keys.ts';

/** Up to 100 cases by id, in one batch read (and again for what DynamoDB leaves unprocessed). */
export async function getCases(ids: string[]): Promise<Case[]> {
  const found: Case[] = [];
  await untilProcessed<Record<string, unknown>>(ids.map(caseKey), 'cases could not be read', async (keys) => {
    const { Responses, UnprocessedKeys } = await documents.send(new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: keys } } }));
    found.push(...(Responses?.[tableName()] ?? []).map(caseOf));
    return UnprocessedKeys?.[tableName()]?.Keys ?? [];
  });
  return found;
}
