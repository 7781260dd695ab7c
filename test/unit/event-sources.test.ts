import type { SQSRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { settled } from '../../lib/local/event-sources.ts';

const record = (messageId: string) => ({ messageId }) as SQSRecord;

describe('which messages the local event source deletes after an invocation', () => {
  const records = [record('a'), record('b'), record('c')];

  it('all of them when the consumer reports no failure', () => {
    expect(settled(records, { response: { batchItemFailures: [] }, threw: false })).toEqual(records);
    expect(settled(records, { response: undefined, threw: false })).toEqual(records);
  });

  it('all but the reported failures', () => {
    expect(settled(records, { response: { batchItemFailures: [{ itemIdentifier: 'b' }] }, threw: false })).toEqual([
      record('a'),
      record('c'),
    ]);
  });

  it('none when the consumer threw', () => {
    expect(settled(records, { threw: true })).toEqual([]);
  });
});
