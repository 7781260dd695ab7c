/**
 * A county's figures over a quarter cost a bounded number of reads, whatever
 * the number of cases: `stats: cases=N reads=K ms_ratio=R`, at 1,000 and at
 * 100,000 cases received over the quarter. `ms_ratio` is the median time of
 * the answer against the one at 1,000 cases, in the same run.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { chinaDay, DAY_MS } from '../functions/domain/calendar.ts';
import { contributionOf, figuresOf, sum, type Counters } from '../functions/domain/figures.ts';
import { DEFAULT_CATEGORIES } from '../functions/reference/demo.ts';
import { putFigures, readFigures } from '../functions/store/figures.ts';
import { ensureTable } from '../lib/local/provision.ts';
import { budgetLine, median, warmUp } from './budget.ts';
import { benchCase, demoChainCodes, load, onEmulators } from './cases.ts';

const QUARTER_START = Date.parse('2026-07-01T00:00:00+08:00');
/** Loads `count` cases over the quarter with their counters, as the store would have counted them. */
async function loadQuarter(count: number): Promise<void> {
  const cases = Array.from({ length: count }, (_, i) => benchCase(i, new Date(QUARTER_START + (i % 92) * DAY_MS + 3_600_000).toISOString()));
  console.error(`  loaded ${count} cases in ${(await load(cases)).toFixed(1)} s`);
  const counters = new Map<string, Counters[]>();
  for (const subject of cases) {
    for (const region of demoChainCodes(subject.regionCode)) {
      const key = `${region} ${chinaDay(subject.receivedAt)}`;
      counters.set(key, [...(counters.get(key) ?? []), contributionOf(subject)]);
    }
  }
  for (const [key, list] of counters) {
    const [region, day] = key.split(' ') as [string, string];
    await putFigures(region, day, sum(list));
  }
}

/** The county-quarter answer from one table: its reads, its count, and how long it took. */
async function answer(table: string): Promise<{ reads: number; ms: number; received: number }> {
  process.env.TABLE_NAME = table;
  const started = performance.now();
  const result = await readFigures('330726', '2026-07-01', '2026-09-30');
  const received = figuresOf(sum(result.days.map((d) => d.counters)), DEFAULT_CATEGORIES.map((c) => c.code)).received;
  return { reads: result.reads, ms: performance.now() - started, received };
}

export async function benchStats(sizes = [1_000, 100_000]): Promise<string[]> {
  return onEmulators(async () => {
    const tables = sizes.map((size) => `bench-stats-${size}`);
    for (const [i, size] of sizes.entries()) {
      process.env.TABLE_NAME = tables[i];
      await ensureTable(new DynamoDBClient({}), tables[i]!);
      await loadQuarter(size);
    }
    // Warm up until rounds (the median of 10 answers from each table) agree, then time the sizes in
    // turn, so that both meet the same JIT and garbage collector.
    const warm = await warmUp(async () => {
      const round: Record<string, number> = {};
      for (const [i, table] of tables.entries()) {
        const ms: number[] = [];
        for (let n = 0; n < 10; n++) ms.push((await answer(table)).ms);
        round[String(sizes[i])] = median(ms);
      }
      return round;
    });
    console.error(`  warm-up: ${warm.rounds} rounds, ${warm.agreed ? 'the last two within 10%' : 'stopped at the cap before two rounds agreed'}`);
    const times: number[][] = sizes.map(() => []);
    const last: Array<{ reads: number; received: number }> = [];
    for (let round = 0; round < 40; round++) {
      for (const [i, table] of tables.entries()) {
        const result = await answer(table);
        times[i]!.push(result.ms);
        last[i] = result;
      }
    }
    const baseline = median(times[0]!);
    const lines = sizes.map((size, i) => {
      if (last[i]!.received !== size) throw new Error(`the figures count ${last[i]!.received} cases, ${size} were loaded`);
      return `stats: cases=${size} reads=${last[i]!.reads} ms_ratio=${(median(times[i]!) / baseline).toFixed(2)}`;
    });
    // The budget: the same items read whatever the number of cases.
    return [...lines, budgetLine('stats', [{ name: 'reads_ratio', value: last.at(-1)!.reads / last[0]!.reads, limit: { max: 1 } }])];
  });
}
