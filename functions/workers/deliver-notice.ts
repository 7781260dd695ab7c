import type { SQSRecord } from 'aws-lambda';
import { parseNotice } from '../queues/notices.ts';
import { publishNotice } from '../topics/notices.ts';
import { logger } from '../shared/logger.ts';
import { queueConsumer } from '../shared/worker.ts';
import { recordNotice } from '../store/notices.ts';

/**
 * Records a notice for each unit it is addressed to (their notices list) and
 * publishes it to the notices topic for operators and SMS/e-mail gateways.
 * Recording is idempotent; publishing is at least once.
 */
export async function deliverNotice(record: SQSRecord): Promise<void> {
  const notice = parseNotice(record.body);
  await recordNotice(notice);
  await publishNotice(notice);
  logger.info('notice delivered', { caseId: notice.caseId, kind: notice.kind, to: notice.to.length });
}

export const handler = queueConsumer(deliverNotice);
