/** Hand-made domain values for unit tests. */
import type { Category } from '../../functions/domain/categories.ts';
import { idCheckCharacter } from '../../functions/domain/petitioner.ts';
import type { Region } from '../../functions/domain/regions.ts';
import { DEFAULT_CATEGORIES, DEMO_REGIONS } from '../../functions/reference/demo.ts';
import { chainOf } from '../../functions/domain/regions.ts';

/** A valid identity number from its first 17 digits. */
export function idNumber(first17 = '33072619800101123'): string {
  return first17 + idCheckCharacter(first17);
}

export function demoChain(code: string): Region[] {
  const byCode = new Map(DEMO_REGIONS.map((region) => [region.code, region]));
  const region = byCode.get(code);
  if (!region) throw new Error(`no demo region ${code}`);
  return chainOf(region, (c) => byCode.get(c));
}

export function category(code: string): Category {
  const found = DEFAULT_CATEGORIES.find((c) => c.code === code);
  if (!found) throw new Error(`no category ${code}`);
  return found;
}
