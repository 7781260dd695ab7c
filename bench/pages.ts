/**
 * The first page's weight: what a phone downloads to show the submit page
 * (index.html, its stylesheet, its script and every chunk that script
 * imports, and config.json), each file gzip-compressed as CloudFront sends
 * it. Prints `pages: first_page_kb=K files=N` (KB of 1,024 bytes) and the
 * budget line (issue 17: at most 150 KB, JavaScript included). The API's
 * answers the page then asks for (categories, regions) are not files of the
 * site and are not counted; each is under 2 KB.
 */
import { gzipSync } from 'node:zlib';
import { buildPages } from '../lib/pages.ts';
import { budgetLine } from './budget.ts';

const FIRST_PAGE = 'index.html';
const BUDGET_KB = 150;

/** The site's files a page loads: its stylesheet and script, and the chunks they import, transitively. */
function filesOf(site: Map<string, Uint8Array>, page: string): string[] {
  const text = (file: string) => new TextDecoder().decode(site.get(file));
  const found = new Set<string>([page]);
  const pending = [...text(page).matchAll(/(?:src|href)="([\w-]+\.(?:js|css))"/g)].map((m) => m[1]!);
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (found.has(file)) continue;
    found.add(file);
    // esbuild's ESM output imports its chunks as `from"./shared-X.js"` or `import"./shared-X.js"`.
    for (const m of text(file).matchAll(/(?:from|import)\s*"\.\/([\w-]+\.js)"/g)) pending.push(m[1]!);
  }
  return [...found];
}

export async function benchPages(): Promise<string[]> {
  const site = buildPages();
  site.set('config.json', new TextEncoder().encode(JSON.stringify({ apiUrl: 'https://abcdefghij.execute-api.ap-east-1.amazonaws.com/' })));
  const files = [...filesOf(site, FIRST_PAGE), 'config.json'];
  let bytes = 0;
  for (const file of files) {
    const raw = site.get(file)!;
    const compressed = gzipSync(raw, { level: 9 }).length;
    bytes += compressed;
    console.error(`  ${file}: ${raw.length} B, ${compressed} B gzip`);
  }
  const kb = Math.round((bytes / 1024) * 10) / 10;
  return [`pages: first_page_kb=${kb} files=${files.length}`, budgetLine('pages', [{ name: 'first_page_kb', value: kb, limit: { max: BUDGET_KB } }])];
}
