/**
 * What the benchmarks share in judging their figures: the median, the warm-up
 * whose rounds agree, and the `budget:` line that says whether a figure holds
 * its budget (docs/ARCHITECTURE.md's performance budgets).
 */

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** A figure's budget: at least `min`, or at most `max`. */
export type Limit = { min: number } | { max: number };

/** One figure checked against its budget. */
export interface Check {
  name: string;
  value: number;
  limit: Limit;
}

const holds = ({ value, limit }: Check) => ('min' in limit ? value >= limit.min : value <= limit.max);

/**
 * The line printed after a benchmark's own: each budget as `name_min=` or
 * `name_max=`, and `holds=yes` only if every figure keeps its budget; the
 * figures that do not are named in `failed=`.
 */
export function budgetLine(bench: string, checks: Check[]): string {
  const limits = checks.map((check) => ('min' in check.limit ? `${check.name}_min=${check.limit.min}` : `${check.name}_max=${check.limit.max}`));
  const failed = checks.filter((check) => !holds(check)).map((check) => check.name);
  return `budget: bench=${bench} ${limits.join(' ')} holds=${failed.length === 0 ? 'yes' : 'no'}${failed.length > 0 ? ` failed=${failed.join(',')}` : ''}`;
}

/** How the warm-up went: the rounds it took, and whether the last two agreed before the cap. */
export interface WarmUp {
  rounds: number;
  agreed: boolean;
}

/**
 * Runs warm-up rounds until, for every side, the last round's figure is
 * within `tolerance` of the one before (docs/ARCHITECTURE.md: rounds that agree),
 * or `cap` rounds have run. `round` runs one round of every side and answers
 * each side's figure (a rate, a time).
 */
export async function warmUp<Side extends string>(
  round: () => Promise<Record<Side, number>>,
  { tolerance = 0.1, cap = 12, label = 'warm-up' }: { tolerance?: number; cap?: number; label?: string } = {},
): Promise<WarmUp> {
  let previous: Record<Side, number> | undefined;
  for (let rounds = 1; rounds <= cap; rounds++) {
    const figures = await round();
    console.error(`  ${label} ${rounds}: ${Object.entries(figures).map(([side, figure]) => `${side} ${(figure as number).toFixed(1)}`).join(', ')}`);
    const last = previous;
    previous = figures;
    if (last && (Object.keys(figures) as Side[]).every((side) => Math.abs(figures[side] / last[side] - 1) <= tolerance)) return { rounds, agreed: true };
  }
  return { rounds: cap, agreed: false };
}
