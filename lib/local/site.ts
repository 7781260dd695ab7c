/**
 * The petitioner's pages on the local runtime, at `/` beside the API (same
 * origin, so config.json sends the pages' calls to it), under the headers
 * CloudFront gives them on AWS.
 */
import { buildPages, cacheControl, contentType, securityHeaders, type PageOrigins } from '../pages.ts';

export interface SiteAnswer {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array;
}

export interface LocalSite {
  /** The file for a GET or HEAD of `path`, or undefined when the site has none (the API's own 404 then). */
  answer(method: string, path: string): SiteAnswer | undefined;
}

/** Builds the pages in memory; `origins.connect` are the other hosts they call (the emulator's S3). */
export function localSite(origins: PageOrigins): LocalSite {
  const site = buildPages();
  // Same origin: the pages call the API where they are served.
  site.set('config.json', new TextEncoder().encode(JSON.stringify({ apiUrl: '' })));
  const headers = securityHeaders(origins);
  return {
    answer(method, path) {
      if (method !== 'GET' && method !== 'HEAD') return undefined;
      const file = path === '/' ? 'index.html' : path.slice(1);
      const body = site.get(file);
      if (!body) return undefined;
      return {
        status: 200,
        headers: { ...headers, 'content-type': contentType(file), 'cache-control': cacheControl(file) },
        body: method === 'HEAD' ? new Uint8Array() : body,
      };
    },
  };
}
