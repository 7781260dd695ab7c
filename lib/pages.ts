/**
 * The petitioner's pages (client/pages): each page's HTML in the one layout,
 * its script bundled by esbuild (shared code split out, hashed names so
 * everything but the HTML is cached for good), and the headers they are
 * served with. `npm start` serves them from memory (lib/local/site.ts); the
 * stack deploys them to S3 behind CloudFront (lib/constructs/pages.ts).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { buildSync } from 'esbuild';

const SOURCE = resolve(import.meta.dirname, '../client/pages');

export interface PageSpec {
  /** The HTML file, and the fragment of its <main> in client/pages. */
  file: string;
  /** Its script in client/pages, without .ts. */
  script: string;
  title: string;
  /** Listed in the navigation. */
  listed: boolean;
}

export const PAGES: readonly PageSpec[] = [
  { file: 'index.html', script: 'submit', title: '我要信访', listed: true },
  { file: 'follow.html', script: 'follow', title: '查询进度', listed: true },
  { file: 'visits.html', script: 'visits', title: '领导接访', listed: true },
  { file: 'figures.html', script: 'figures', title: '数据公开', listed: true },
  { file: 'recover.html', script: 'recover', title: '找回查询码', listed: false },
];

/** The built site: each file's path (no leading slash) and bytes. */
export type Site = Map<string, Uint8Array>;

/** Where the pages may connect: the API and the attachments' storage, besides their own origin. */
export interface PageOrigins {
  connect: string[];
}

/**
 * The pages' Content-Security-Policy: scripts and styles only from the
 * pages' own files (no inline script or style, no other host), calls only to
 * the API and the uploads' storage, and no framing.
 */
export function contentSecurityPolicy({ connect }: PageOrigins): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    `connect-src 'self' ${connect.join(' ')}`.trim(),
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The headers every page and file goes with, besides its type and caching. */
export function securityHeaders(origins: PageOrigins): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy(origins),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  };
}

/** Scripts and styles: their names change with their content, so they are cached for good. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** The pages and config.json: asked again each time, so a release shows at once. */
export const REVALIDATED = 'no-cache';

/** How long a file may be cached. */
export function cacheControl(path: string): string {
  return /-[A-Z0-9]{8}\.(js|css)$/.test(path) ? IMMUTABLE : REVALIDATED;
}

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

function layout(page: PageSpec, main: string, script: string, style: string): string {
  const nav = PAGES.filter((p) => p.listed)
    .map((p) => `<li><a href="${p.file}"${p === page ? ' aria-current="page"' : ''}>${escapeHtml(p.title)}</a></li>`)
    .join('');
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)} · 网上信访</title>
<link rel="stylesheet" href="${style}">
<script type="module" src="${script}"></script>
</head>
<body>
<a class="skip" href="#main">跳到正文</a>
<header><p class="site">网上信访</p><nav aria-label="栏目"><ul>${nav}</ul></nav></header>
<main id="main">
${main.trim()}
</main>
<footer>依法逐级反映诉求。紧急情况请拨打 110。</footer>
</body>
</html>
`;
}

/** Builds the site in memory (synchronously: the stack builds it during synthesis). */
export function buildPages(): Site {
  const result = buildSync({
    entryPoints: [...PAGES.map((page) => join(SOURCE, `${page.script}.ts`)), join(SOURCE, 'pages.css')],
    bundle: true,
    splitting: true,
    format: 'esm',
    // The web views of WeChat and of older phones: ES2019 syntax.
    target: ['es2019'],
    minify: true,
    entryNames: '[name]-[hash]',
    chunkNames: 'shared-[hash]',
    outdir: '/pages',
    write: false,
    metafile: true,
    tsconfig: join(SOURCE, 'tsconfig.json'),
    legalComments: 'none',
  });
  const site: Site = new Map();
  const built = new Map<string, string>();
  for (const file of result.outputFiles) site.set(file.path.slice('/pages/'.length), file.contents);
  for (const [output, { entryPoint }] of Object.entries(result.metafile.outputs)) {
    if (entryPoint) built.set(basename(entryPoint), basename(output));
  }
  const style = built.get('pages.css');
  for (const page of PAGES) {
    const script = built.get(`${page.script}.ts`);
    if (!script || !style) throw new Error(`esbuild made no bundle for ${page.file}`);
    const main = readFileSync(join(SOURCE, page.file), 'utf8');
    site.set(page.file, new TextEncoder().encode(layout(page, main, script, style)));
  }
  return site;
}

/** Builds the site into `dir` (emptied first), for the stack's deployment. */
export function writePages(dir: string): void {
  const site = buildPages();
  rmSync(dir, { recursive: true, force: true });
  for (const [path, bytes] of site) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), bytes);
  }
}

/** The type a file is served with. */
export function contentType(path: string): string {
  const types: Record<string, string> = {
    html: 'text/html; charset=utf-8',
    js: 'text/javascript; charset=utf-8',
    css: 'text/css; charset=utf-8',
    json: 'application/json',
  };
  return types[path.split('.').pop() ?? ''] ?? 'application/octet-stream';
}
