/**
 * The API document (GET /v1/openapi.json) against the wiring it is made
 * from, Redocly's recommended lint, and the reference page (GET /v1/docs) as
 * a browser renders it; and the check every suite's answers go through
 * (test/support/api-contract.ts), shown to catch what it must.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operationId } from '../../lib/openapi.ts';
import { ROUTES } from '../../lib/wiring.ts';
import { contractBreaches } from '../support/api-contract.ts';
import { renderedDom } from '../support/chromium.ts';
import { testSystem, type TestSystem } from '../support/emulators.ts';

type Operation = {
  operationId: string;
  summary: string;
  security: unknown[];
  parameters?: Array<{ name: string; in: string }>;
  requestBody?: { content: Record<string, { example?: unknown }> };
  responses: Record<string, unknown>;
};
type Document = { openapi: string; paths: Record<string, Record<string, Operation>>; components: { securitySchemes: Record<string, unknown> } };

const PROJECT_ROOT = resolve(import.meta.dirname, '../..');

let system: TestSystem;
let document: Document;
beforeAll(async () => {
  system = await testSystem();
  const served = await system.api('/v1/openapi.json');
  expect(served.status).toBe(200);
  document = (await served.json()) as Document;
});
afterAll(() => system?.close());

const operations = () =>
  Object.entries(document.paths).flatMap(([path, byMethod]) => Object.entries(byMethod).map(([method, operation]) => ({ key: `${method.toUpperCase()} ${path}`, path, operation })));

describe('GET /v1/openapi.json', () => {
  it('is OpenAPI 3.1 with both ways in: the staff token and the access code', () => {
    expect(document.openapi).toMatch(/^3\.1\./);
    expect(document.components.securitySchemes).toEqual({
      staffToken: expect.objectContaining({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }),
      accessCode: expect.objectContaining({ type: 'apiKey', in: 'header', name: 'X-Access-Code' }),
    });
  });

  it('has one operation for every route of the wiring, and no operation without a route', () => {
    const routes = ROUTES.map((route) => `${route.method} ${route.path}`).sort();
    expect(operations().map(({ key }) => key).sort()).toEqual(routes);
    expect(new Set(routes).size).toBe(routes.length);
  });

  it('gives each operation a summary, its security, its path parameters, a success, and a Chinese example of every body', () => {
    for (const { key, path, operation } of operations()) {
      const route = ROUTES.find((r) => `${r.method} ${r.path}` === key)!;
      expect(operation.summary, key).toBe(route.summary);
      expect(Object.keys(operation.responses).some((status) => /^2\d\d$/.test(status)), key).toBe(true);
      const inPath = (operation.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
      expect(inPath, key).toEqual([...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]));
      expect(operation.security, key).toEqual(
        route.accessCode
          ? route.auth === 'optional'
            ? [{ accessCode: [] }, { staffToken: [] }]
            : [{ accessCode: [] }]
          : route.auth === 'staff' ? [{ staffToken: [] }] : route.auth === 'optional' ? [{}, { staffToken: [] }] : [],
      );
      if (route.body) {
        const { example } = operation.requestBody!.content['application/json']!;
        expect(example, key).toEqual(route.body.example);
        // The example is a request the handler takes, not just one that looks right.
        expect(route.body.schema.safeParse(example).success, key).toBe(true);
      }
      // Every body but a report's (a kind, a region code and a day), a matter group's correction (a case id)
      // and a phone's verification and recovery (a phone, a code) holds text a person writes: in Chinese.
      const noText = ['/v1/reports', '/v1/matter-groups/{id}/members', '/v1/matter-groups/{id}/removals', '/v1/verifications', '/v1/access-recovery'];
      if (route.body && !noText.includes(route.path)) expect(JSON.stringify(route.body.example), key).toMatch(/\p{Script=Han}/u);
    }
  });

  it('documents the Idempotency-Key header where intake takes it, and paging where a list pages', () => {
    for (const { key, operation } of operations()) {
      const names = (operation.parameters ?? []).map((p) => `${p.in}:${p.name}`);
      expect(names.includes('header:Idempotency-Key'), key).toBe(['POST /v1/cases', 'POST /v1/visits/{id}/receptions'].includes(key));
    }
    const paged = operations().filter(({ operation }) => (operation.parameters ?? []).some((p) => p.name === 'cursor'));
    expect(paged.map(({ key }) => key).sort()).toEqual(['GET /v1/cases', 'GET /v1/cases/{id}/messages', 'GET /v1/hard-cases', 'GET /v1/matter-groups', 'GET /v1/notices', 'GET /v1/regions', 'GET /v1/reports', 'GET /v1/visits', 'GET /v1/visits/{id}/bookings']);
  });

  it('passes Redocly’s recommended lint (deviations, with reasons, in redocly.yaml)', { timeout: 60_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'openapi-'));
    try {
      const file = join(dir, 'openapi.json');
      await writeFile(file, JSON.stringify(document));
      const output = await new Promise<string>((done, fail) => {
        execFile(
          join(PROJECT_ROOT, 'node_modules/.bin/redocly'),
          ['lint', file, '--config', join(PROJECT_ROOT, 'redocly.yaml'), '--format=json'],
          { cwd: PROJECT_ROOT, env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' }, maxBuffer: 16 * 1024 * 1024 },
          (error, stdout, stderr) => (stdout.trim().startsWith('{') ? done(stdout) : fail(error ?? new Error(stderr))),
        );
      });
      const report = JSON.parse(output) as { totals: { errors: number; warnings: number }; problems: Array<{ ruleId: string; message: string }> };
      expect(report.problems.map((p) => `${p.ruleId}: ${p.message}`)).toEqual([]);
      expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('GET /v1/docs', () => {
  it('is one self-contained page: the bundle and the document inline, one script allowed by its hash, nothing from elsewhere', async () => {
    const page = await system.api('/v1/docs');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html.match(/<script\b/g)).toHaveLength(1);
    expect(html.match(/<\/script>/g)).toHaveLength(1);
    const script = html.slice(html.indexOf('<script>') + '<script>'.length, html.indexOf('</script>'));
    expect(html.replace(script, '')).not.toMatch(/<(?:script|link|img)[^>]+(?:src|href)=/i);
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toContain(`script-src 'sha256-${createHash('sha256').update(script).digest('base64')}'`);
    expect(csp).toContain("default-src 'none'");
  });

  it('renders every operation in a browser, under its own security policy', { timeout: 120_000 }, async () => {
    const dom = await renderedDom(`${system.url}/v1/docs`);
    // Outside the script (which holds the document itself), what Redoc made of it: a section for each operation.
    const rendered = dom.replace(/<script>[\s\S]*<\/script>/, '');
    expect(rendered).toContain('Petitions (信访)');
    for (const route of ROUTES) expect(rendered, `${route.method} ${route.path}`).toContain(`id="operation/${operationId(route)}"`);
  });
});

describe('the check of every answer against the document', () => {
  const answer = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

  it('passes an answer the document describes', async () => {
    expect(await contractBreaches('GET', '/v1/health', answer(200, { status: 'ok' }))).toEqual([]);
    expect(await contractBreaches('GET', '/v1/nowhere', answer(404, { message: 'Not Found' }))).toEqual([]);
  });

  it('fails a status, a body, a content type or a header the document does not have, and a route it does not know', async () => {
    expect(await contractBreaches('GET', '/v1/health', answer(202, { status: 'ok' }))).toEqual([expect.stringContaining('no such answer')]);
    expect(await contractBreaches('GET', '/v1/health', answer(200, { status: 'fine' }))).toEqual([expect.stringContaining('does not fit')]);
    expect(await contractBreaches('GET', '/v1/health', answer(200, 'ok', { 'content-type': 'text/plain' }))).toEqual([expect.stringContaining('content type')]);
    const submitted = { id: 'c1', caseNumber: '330726-2026-000001', accessCode: 'A', status: 'received', receivedAt: '2026-12-02T01:00:00.000Z', acceptanceDueAt: '2026-12-17T01:00:00.000Z' };
    expect(await contractBreaches('POST', '/v1/cases', answer(201, submitted))).toEqual([expect.stringContaining('no Location header')]);
    expect(await contractBreaches('GET', '/v1/nowhere', answer(200, {}))).toEqual([expect.stringContaining('no operation')]);
  });
});
