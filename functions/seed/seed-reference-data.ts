import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import { DEFAULT_CATEGORIES, DEMO_REGIONS } from '../reference/demo.ts';
import { logger } from '../shared/logger.ts';
import { putReferenceData } from '../store/reference.ts';

/**
 * Loads the reference data: as a CloudFormation custom resource on AWS (on
 * create and update; the table and its data are retained on delete), and by
 * the local runtime into a fresh system.
 */
export async function handler(event: Pick<CloudFormationCustomResourceEvent, 'RequestType'>) {
  if (event.RequestType !== 'Delete') {
    await putReferenceData(DEMO_REGIONS, DEFAULT_CATEGORIES);
    logger.info('reference data loaded', { regions: DEMO_REGIONS.length, categories: DEFAULT_CATEGORIES.length });
  }
  return { PhysicalResourceId: 'reference-data' };
}
