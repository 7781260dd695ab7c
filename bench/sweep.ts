/**
 * The sweep reads only what is due: items read per sweep ÷ entries due ≤ 1.05,
 * whatever the number of open cases. Loads open cases into DynamoDB Local
 * (about 1% of them due; a tenth of them accepted, with an idle entry of
 * their own in the index, one in ten of those due; half the accepted ones
 * with a co-handling task, whose clock is an entry of its own too, some of
 * them come to their warning), runs one sweep with
 * ReturnConsumedCapacity, and prints `sweep: open=N due=M items_read=K
 * ratio=R`; then again with ten times fewer open cases.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DAY_MS } from '../functions/domain/calendar.ts';
import { sideDues, type Case } from '../functions/domain/case.ts';
import { askCoHandling } from '../functions/domain/co-handling.ts';
import { withIdleClock } from '../functions/domain/idle.ts';
import { acceptanceSchema, decideAcceptance } from '../functions/domain/lifecycle.ts';
import { sweep } from '../functions/services/sweep.ts';
import { ensureTable } from '../lib/local/provision.ts';
import { budgetLine } from './budget.ts';
import { benchCase, clock, load, onEmulators } from './cases.ts';


const CLERK = { sub: 'bench', unit: '330726', roles: ['clerk' as const] };

/** The case accepted by its county office at `acceptedAt`, its idle clock started. */
function acceptedAt(subject: Case, acceptedAt: string): Case {
  const acting = { staff: CLERK, now: acceptedAt, clock };
  return withIdleClock(decideAcceptance(subject, acceptanceSchema.parse({ decision: 'accept' }), acting), acting).case;
}

/** The case with a co-handling task asked of another unit of its office at `askedAt` (its warning 4 days on). */
function withTask(subject: Case, askedAt: string): Case {
  const staff = { sub: 'bench', unit: subject.leadUnit as string, roles: ['handler' as const] };
  return askCoHandling(subject, { unit: `${subject.office}:land`, request: '基准测试' }, { staff, now: askedAt, clock }).case;
}

/**
 * `count` open cases; every hundredth has come to its acceptance warning, the
 * rest are due within days. Every tenth is accepted: one in ten of those has
 * come to its idle warning (half its handling limit with nothing done), the
 * rest are idle for days yet; every twentieth has a co-handling task, asked
 * just after the acceptance (those accepted 4 days ago or more are at its warning).
 */
function openCases(count: number, now: number): Case[] {
  const warningAfterReceipt = clock.acceptance - clock.warningBefore;
  const ago = (ms: number) => new Date(now - ms).toISOString();
  return Array.from({ length: count }, (_, i) => {
    const due = i % 100 === 0;
    const idle = i % 100 === 55;
    const sinceReceipt = due ? warningAfterReceipt + 60_000 : idle ? clock.handling / 2 + 120_000 : (i % 11) * DAY_MS * 0.9 + 60_000;
    const received = benchCase(i, ago(sinceReceipt));
    if (i % 10 !== 5) return received;
    const accepted = acceptedAt(received, ago(idle ? clock.handling / 2 + 60_000 : sinceReceipt - 30_000));
    return i % 20 === 5 ? withTask(accepted, ago(idle ? clock.handling / 2 : sinceReceipt - 60_000)) : accepted;
  });
}

async function measure(open: number): Promise<{ line: string; ratio: number }> {
  process.env.TABLE_NAME = `bench-sweep-${open}`;
  await ensureTable(new DynamoDBClient({}), process.env.TABLE_NAME);
  const now = Date.now();
  const cases = openCases(open, now);
  const isDue = (due: { at: string } | null) => due !== null && Date.parse(due.at) <= now;
  const dueCount = cases.flatMap((subject) => [subject.due, ...sideDues(subject)]).filter(isDue).length;
  console.error(`  loaded ${open} open cases in ${(await load(cases)).toFixed(1)} s`);
  const result = await sweep({ now: new Date(now).toISOString() });
  if (result.due !== dueCount) throw new Error(`the sweep found ${result.due} due entries, ${dueCount} are due`);
  const ratio = result.itemsRead / Math.max(1, result.due);
  return { line: `sweep: open=${open} due=${result.due} items_read=${result.itemsRead} ratio=${ratio.toFixed(3)} read_units=${result.capacityUnits.toFixed(1)}`, ratio };
}

export async function benchSweep(sizes = [100_000, 10_000]): Promise<string[]> {
  return onEmulators(async () => {
    const measured = [];
    for (const size of sizes) measured.push({ size, ...(await measure(size)) });
    const checks = measured.map(({ size, ratio }) => ({ name: `ratio_${size}`, value: ratio, limit: { max: 1.05 } }));
    return [...measured.map(({ line }) => line), budgetLine('sweep', checks)];
  });
}
