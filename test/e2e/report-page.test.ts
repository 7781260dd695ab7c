/**
 * The report page as the meeting sees it: compiled from demo cases through
 * the API, served as HTML, and rendered by headless Chromium into a
 * screenshot kept at test/artifacts/report-page.png.
 */
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDay } from '../../functions/domain/calendar.ts';
import { chromiumPath, MISSING, screenshot } from '../support/chromium.ts';
import { bearer, postJson, submission, testSystem, type TestSystem } from '../support/emulators.ts';

const ARTIFACT = resolve(import.meta.dirname, '../artifacts/report-page.png');
const browser = chromiumPath();

let system: TestSystem;
beforeAll(async () => {
  system = await testSystem();
});
afterAll(() => system?.close());

describe('the report page', { timeout: 120_000 }, () => {
  it('renders in a headless browser, charts and Chinese text and all', async () => {
    expect(browser, MISSING).toBeTruthy();
    const clerk = await system.token('330726', 'clerk');
    const categories = ['housing', 'land', 'labour', 'environment', 'other'];
    const villages = ['330726001001', '330726001002', '330726001003', '330726101201', '330726103201'];
    for (let i = 0; i < 20; i++) {
      const body = submission({
        channel: i % 4 === 0 ? 'visit' : 'online',
        category: categories[i % categories.length],
        regionCode: villages[i % villages.length],
        headcount: i % 7 === 0 ? 6 : 1,
        petitioner: { name: '朱二十', phone: String(13_700_000_000 + i) },
      });
      const response = await system.api('/v1/cases', postJson(body, i % 4 === 0 ? bearer(clerk) : {}));
      expect([200, 201]).toContain(response.status);
    }
    await system.consume('routing', await system.receive('routing', 100, 2));
    const leader = await system.token('330726', 'leader');
    const compiled = await system.api('/v1/reports', postJson({ kind: 'weekly', day: chinaDay(new Date().toISOString()) }, bearer(leader)));
    const { id } = (await compiled.json()) as { id: string };
    const page = await system.api(`/v1/reports/${id}/page`, { headers: bearer(leader) });
    const html = await page.text();
    expect(html).toContain('浦江县 信访工作周报');

    await mkdir(resolve(ARTIFACT, '..'), { recursive: true });
    await screenshot(html, ARTIFACT, { width: 900, height: 2400 });
    const png = readFileSync(ARTIFACT);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    // A blank or error page compresses to a few KB; charts and text do not.
    expect(png.length).toBeGreaterThan(50_000);
  });
});
