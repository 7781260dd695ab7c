import type { Case } from '../domain/case.ts';
import { openCasesCursor, pageOfOpenCases } from '../store/open-cases.ts';
import type { Migration } from './migration.ts';

/**
 * A migration step that visits every open case, a page at a time (through
 * the worklist index, {@link pageOfOpenCases}): `visit` brings one case along
 * and answers whether it wrote anything. It must be idempotent, as a page cut
 * short is run again.
 */
export function openCasesMigration(step: {
  id: string;
  description: string;
  /** Names the step's cursors. */
  cursor: string;
  /** Open cases read per page. */
  pageSize: number;
  visit(subject: Case): Promise<boolean>;
}): Migration {
  const cursors = openCasesCursor(step.cursor);
  return {
    id: step.id,
    description: step.description,
    async run(position) {
      const after = typeof position?.after === 'string' ? position.after : undefined;
      const page = await pageOfOpenCases(cursors, { ...(after !== undefined && { after }), limit: step.pageSize });
      let changed = 0;
      for (const subject of page.cases) if (await step.visit(subject)) changed++;
      return { read: page.read, changed, ...(page.next !== undefined && { next: { after: page.next } }) };
    },
  };
}
