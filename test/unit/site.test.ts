/**
 * The pages as the local runtime serves them (lib/local/site.ts): every
 * page and file of the build under the pages' headers, scripts cached for
 * good and pages revalidated, and nothing else: an unknown path and every
 * method but GET and HEAD are left to the API's own answer.
 */
import { describe, expect, it } from 'vitest';
import { localSite } from '../../lib/local/site.ts';
import { IMMUTABLE, PAGES, REVALIDATED } from '../../lib/pages.ts';

const site = localSite({ connect: ['http://127.0.0.1:4566'] });

describe('the local site', () => {
  it.each(['/', ...PAGES.map((page) => `/${page.file}`)])('serves %s as a page in Chinese, revalidated, under the CSP', (path) => {
    const answer = site.answer('GET', path)!;
    expect(answer.status).toBe(200);
    expect(answer.headers).toMatchObject({ 'content-type': 'text/html; charset=utf-8', 'cache-control': REVALIDATED, 'x-content-type-options': 'nosniff' });
    expect(answer.headers['content-security-policy']).toContain("connect-src 'self' http://127.0.0.1:4566;");
    expect(new TextDecoder().decode(answer.body)).toContain('<html lang="zh-CN">');
  });

  it('serves each page’s script and stylesheet, cached for good, and config.json naming its own origin', () => {
    const html = new TextDecoder().decode(site.answer('GET', '/')!.body);
    const files = [...html.matchAll(/(?:src|href)="([\w-]+\.(?:js|css))"/g)].map((m) => m[1]!);
    expect(files).toHaveLength(2);
    for (const file of files) expect(site.answer('GET', `/${file}`)?.headers['cache-control']).toBe(IMMUTABLE);
    expect(JSON.parse(new TextDecoder().decode(site.answer('GET', '/config.json')!.body))).toEqual({ apiUrl: '' });
  });

  it('answers HEAD without a body, and leaves other methods and unknown paths to the API', () => {
    expect(site.answer('HEAD', '/')?.body).toHaveLength(0);
    expect(site.answer('POST', '/')).toBeUndefined();
    expect(site.answer('GET', '/v1/health')).toBeUndefined();
    expect(site.answer('GET', '/../package.json')).toBeUndefined();
  });
});
