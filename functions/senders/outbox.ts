/**
 * The local sender: each SMS is a line of a file in DATA_DIR, which the
 * local runtime serves at GET /local/outbox?phone= (never deployed), so a
 * petitioner's codes and messages can be read without a phone.
 */
import { appendFile, readFile } from 'node:fs/promises';
import type { Sms, SmsSender } from './sms.ts';

/** What the outbox shows of an SMS. */
export type OutboxEntry = Pick<Sms, 'at' | 'phone' | 'kind' | 'text'>;

export function outboxSender(file: string): SmsSender {
  return async ({ at, phone, kind, text }) => {
    await appendFile(file, `${JSON.stringify({ at, phone, kind, text } satisfies OutboxEntry)}\n`, { mode: 0o600 });
  };
}

/** The SMS of the outbox sent to `phone` (digits, as sent), oldest first; none before the first is sent. */
export async function readOutbox(file: string, phone: string): Promise<OutboxEntry[]> {
  let lines: string;
  try {
    lines = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return lines
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as OutboxEntry)
    .filter((entry) => entry.phone === phone);
}
