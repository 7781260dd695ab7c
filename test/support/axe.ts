/**
 * axe-core run inside a page, for WCAG 2.1 A and AA. Evaluated through the
 * browser's debugging protocol, so the page's own CSP (no inline script)
 * stays in force while it runs.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** What axe finds against WCAG 2.1 AA on the page as it is now, each with the elements it names. */
export async function accessibilityViolations(page: Page): Promise<Violation[]> {
  await page.evaluate(await AXE_SOURCE);
  return page.evaluate(async () => {
    // In the page: its document is axe's default context.
    const axe = (globalThis as unknown as { axe: { run(options: object): Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
    const { violations } = await axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
}
