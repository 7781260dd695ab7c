import { rekeyMatterFingerprints } from '../store/matters.ts';
import type { Migration } from './migration.ts';

/** Open cases read per page: each page also reads the cases themselves and moves their matters. */
const PAGE_SIZE = 100;

/**
 * Matter fingerprints become keyed hashes (HMAC with the deployment secret's
 * fingerprint key) instead of v0.1.0's bare SHA-256, which could be reversed
 * to a phone number. Without it, a repeat petition on a matter opened before
 * the upgrade would not be recognised.
 */
export const rekeyMatters: Migration = {
  id: '2026-12-02-rekey-matters',
  description: "the open cases' matter fingerprints are HMAC with the deployment secret",
  async run(position) {
    const after = typeof position?.after === 'string' ? position.after : undefined;
    const page = await rekeyMatterFingerprints({ ...(after !== undefined && { after }), limit: PAGE_SIZE });
    return { read: page.read, changed: page.changed, ...(page.next !== undefined && { next: { after: page.next } }) };
  },
};
