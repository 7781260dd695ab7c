/**
 * GET /v1/openapi.json: the API document; GET /v1/docs: its reference page
 * (Redoc's standalone bundle with the document inside: no CDN, no fetch).
 * Both are made once per process. They read and send nothing else.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename } from 'node:path';
import { apiDocument } from '../../lib/openapi.ts';
import { FUNCTIONS } from '../../lib/wiring.ts';
import { httpHandler } from '../shared/http.ts';

const [REDOC] = FUNCTIONS.apiDocument.assets;

/** Redoc's bundle: beside this function's bundle when deployed (lib/bundling.ts copies it there), from node_modules when run from source. */
function redocScript(): string {
  const beside = new URL(`./${basename(REDOC)}`, import.meta.url);
  return readFileSync(existsSync(beside) ? beside : createRequire(import.meta.url).resolve(REDOC), 'utf8');
}

/**
 * Text that cannot end or change the inline script it sits in: `<!--`,
 * `<script` and `</script` only occur inside the bundle's string and regular
 * expression literals, where `\x3C` means the same `<`.
 */
const inlineSafe = (script: string) => script.replace(/<(!--|\/?script)/gi, '\\x3C$1');

let page: { html: string; scriptHash: string } | undefined;

function referencePage() {
  if (page) return page;
  const spec = JSON.stringify(apiDocument()).replaceAll('<', '\\u003c');
  const script = `${inlineSafe(redocScript())}\nRedoc.init(${spec}, {}, document.getElementById('redoc'));`;
  const html = `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Petitions (信访) API</title></head>
<body><div id="redoc"></div><script>${script}</script></body>
</html>`;
  page = { html, scriptHash: createHash('sha256').update(script).digest('base64') };
  return page;
}

export const handler = httpHandler(async (request) => {
  if (request.route === 'GET /v1/openapi.json') return { status: 200, body: apiDocument() };
  const { html, scriptHash } = referencePage();
  return {
    status: 200,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      // Only the page's own script runs; Redoc's search runs in a worker it makes from a blob.
      'content-security-policy': `default-src 'none'; script-src 'sha256-${scriptHash}'; style-src 'unsafe-inline'; img-src data:; font-src data:; worker-src blob:`,
    },
    text: html,
  };
});
