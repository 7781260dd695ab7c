/** Hand-made domain values for unit tests. */
import { createSecretKey } from 'node:crypto';
import { registerCase, type Case, type Change } from '../../functions/domain/case.ts';
import { applyRouting, decideRouting } from '../../functions/domain/routing.ts';
import type { Category } from '../../functions/domain/categories.ts';
import { submissionSchema } from '../../functions/domain/intake.ts';
import { addMs, type Clock } from '../../functions/domain/policy.ts';
import type { Role, Staff } from '../../functions/domain/staff.ts';
import { Problem } from '../../functions/domain/problem.ts';
import { idCheckCharacter } from '../../functions/domain/petitioner.ts';
import type { Region } from '../../functions/domain/regions.ts';
import { DEFAULT_CATEGORIES, DEMO_REGIONS } from '../../functions/reference/demo.ts';
import { chainOf } from '../../functions/domain/regions.ts';

/** A fingerprint key for domain tests (the deployment derives its own from its secret). */
export const FINGERPRINT_KEY = createSecretKey(Buffer.alloc(32, 7));

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

/** The registration of a housing case from a Pujiang village, received at `now`, with its history entry. */
export function demoRegistration(now: string, clock: Clock, { id = 'c1', idNumber = '11010519491231002X' } = {}): Change {
  const submission = submissionSchema.parse({
    channel: 'online',
    category: 'housing',
    title: '楼顶漏水',
    content: '楼顶漏水三个月',
    regionCode: '330726001001',
    petitioner: { name: '张三', phone: '13800138000', idNumber },
  });
  return registerCase(submission, { id, now, clock, accessCodeHash: 'h', routingRetryMs: 60_000, actor: 'petitioner', fingerprintKey: FINGERPRINT_KEY });
}

/** A housing case from a Pujiang village (case "c1"), received at `now`, awaiting routing. */
export function registeredDemoCase(now: string, clock: Clock): Case {
  return demoRegistration(now, clock).case;
}

/** That case, routed to the county. */
export function routedDemoCase(now: string, clock: Clock): Case {
  const registered = registeredDemoCase(now, clock);
  return applyRouting(registered, decideRouting(registered, demoChain('330726001001'), category('housing')), now, clock)!.case;
}

/** A Monday the domain tests count from, and the instant `days` after it. */
export const T0 = '2026-03-02T00:00:00.000Z';
export const dayAfterT0 = (days: number): string => addMs(T0, days * 86_400_000);

/** A staff member of `unit` with `roles`, named after the first. */
export const staffOf = (unit: string, ...roles: Role[]): Staff => ({ sub: `${roles[0]}@${unit}`, unit, roles });

/** Runs `fn` and answers the kind of Problem it refused with; fails if it did not refuse. */
export function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof Problem) return error.kind;
    throw error;
  }
  throw new Error('expected a refusal');
}

/** The units' steps switched off (a case handled in one step, as before them), for tests of what lies beside them. */
export const ONE_STEP = Object.freeze({ signForReceipt: false, approveExtensions: false, replySignOff: false });
