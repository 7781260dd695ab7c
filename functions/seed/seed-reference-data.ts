import type { CloudFormationCustomResourceEvent, Context } from 'aws-lambda';
import { migrationsVersion } from '../migrations/registry.ts';
import { runMigrations } from '../migrations/run-migrations.ts';
import { DEFAULT_CATEGORIES, DEMO_REGIONS } from '../reference/demo.ts';
import { logger } from '../shared/logger.ts';
import { putReferenceData } from '../store/reference.ts';

/** The custom resource that runs the data migrations on deploy (see docs/UPGRADES.md). */
export const MIGRATIONS_RESOURCE_TYPE = 'Custom::Migrations';

/**
 * Serves two custom resources on AWS (on create and update; the table and its
 * data are retained on delete): the reference data, which the local runtime
 * also loads into a fresh system this way, and the data migrations. The
 * migrations stop with time to spare before Lambda's timeout; what is left
 * fails the deploy loudly, with every step's position saved, and the next
 * deploy resumes from there. An event naming other steps than this code's is
 * the rollback of a failed deploy: it changes nothing and succeeds.
 */
export async function handler(
  event: Pick<CloudFormationCustomResourceEvent, 'RequestType'> & { ResourceType?: string; ResourceProperties?: { steps?: string } },
  context?: Context,
) {
  if (event.ResourceType === MIGRATIONS_RESOURCE_TYPE) {
    // Steps other than this code's are a rollback to an older release: what ran stays, and
    // failing here would leave the stack stuck in UPDATE_ROLLBACK_FAILED.
    if (event.RequestType !== 'Delete' && event.ResourceProperties?.steps === migrationsVersion()) {
      const run = await runMigrations(context ? { remainingMs: () => context.getRemainingTimeInMillis() } : {});
      if (!run.complete) {
        const left = run.steps.at(-1);
        throw new Error(`data migration ${left?.id} is not finished (${left?.pages} pages so far, position saved): deploy again to resume it`);
      }
    }
    return { PhysicalResourceId: 'migrations' };
  }
  if (event.RequestType !== 'Delete') {
    await putReferenceData(DEMO_REGIONS, DEFAULT_CATEGORIES);
    logger.info('reference data loaded', { regions: DEMO_REGIONS.length, categories: DEFAULT_CATEGORIES.length });
  }
  return { PhysicalResourceId: 'reference-data' };
}
