/**
 * The local API Gateway against what a hostile or broken client sends, as raw
 * bytes on a socket: every answer is a 4xx, never a 500, and the server keeps
 * serving. An idle keep-alive connection outlives a client's pause.
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveApi, type LocalApi } from '../../lib/local/api-gateway.ts';
import { bearer, testSystem, type TestSystem } from '../support/emulators.ts';
import { setTimeout as sleep } from 'node:timers/promises';

let system: TestSystem;
let api: LocalApi;
const logged: string[] = [];

beforeAll(async () => {
  system = await testSystem();
  api = await serveApi(system.lambdas, 0, (line) => logged.push(line));
});
afterAll(async () => {
  await api?.close();
  await system?.close();
});

/** Writes `request` on a new connection and answers the status of the first response (0 if closed without one). */
function rawStatus(request: string | Buffer): Promise<{ status: number; response: string }> {
  const { hostname, port } = new URL(api.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname === 'localhost' ? '127.0.0.1' : hostname);
    let response = '';
    socket.on('data', (chunk: Buffer) => {
      response += chunk.toString('latin1');
      // The head and what came with it is enough: we only read the status and the content type.
      if (response.includes('\r\n\r\n')) socket.end();
    });
    socket.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' || error.code === 'EPIPE' ? undefined : reject(error)));
    socket.on('close', () => resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1] ?? 0), response }));
    socket.write(request);
  });
}

const get = (target: string, headers = '') => `GET ${target} HTTP/1.1\r\nHost: localhost\r\n${headers}Connection: close\r\n\r\n`;

describe('the local API gateway and hostile bytes', () => {
  it.each(['/v1/cases/%E0%A4%A/progress', '/v1/cases/%/progress', '/v1/cases/%FF%FE/progress', '/v1/visits/%C0%AF/summary'])(
    'answers %s (malformed percent-encoding) 400 with a problem document',
    async (path) => {
      const { status, response } = await rawStatus(get(path, 'x-access-code: 123456\r\n'));
      expect(status).toBe(400);
      expect(response).toMatch(/content-type: application\/problem\+json/i);
      expect(response).toContain('"status":400');
    },
  );

  it.each<[string, string | Buffer]>([
    ['raw bytes that are not UTF-8 in the path', Buffer.concat([Buffer.from('GET /v1/cases/'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('/progress HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')])],
    ['bytes that are not UTF-8 in the query', get('/v1/visits?regionCode=%FF%FE&from=%E0%A4%A')],
    ['a repeated, malformed query', get('/v1/visits?regionCode=%&regionCode=%%&from')],
    ['an unparsable absolute-form target', get('http://[/v1/health')],
    ['a target that is not a path', get('*')],
    ['a method nobody knows', 'BREW /v1/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'],
    ['a known method no route has', 'PROPFIND /v1/cases HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'],
    ['headers over 16 KB', get('/v1/health', `x-junk: ${'a'.repeat(20_000)}\r\n`)],
    ['a control character in a header', get('/v1/health', 'x-junk: a\u0000b\r\n')],
    ['a broken chunked body', 'POST /v1/cases HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\nConnection: close\r\n\r\nzz\r\n{}\r\n0\r\n\r\n'],
    ['a content length that lies', 'POST /v1/cases HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\nConnection: close\r\n\r\n{}'],
    ['a garbage token on a staff route', get('/v1/cases', 'Authorization: Bearer \u00ff\u00fe.x.y\r\n')],
  ])('answers %s with a 4xx', async (_, request) => {
    const { status } = await rawStatus(request);
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);
  });

  it.each<[string, string | Uint8Array, string]>([
    ['JSON that does not parse', '{"channel": "online",', 'application/json'],
    ['bytes that are not UTF-8 as JSON', new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]), 'application/json'],
    ['JSON nested deeper than any parser recurses', '['.repeat(200_000) + ']'.repeat(200_000), 'application/json'],
    ['a JSON string, not an object', '"case"', 'application/json'],
    ['binary under another content type', new Uint8Array([0, 1, 2, 255]), 'application/octet-stream'],
    ['an empty body', '', 'application/json'],
  ])('answers a submission of %s with a 4xx problem document', async (_, body, contentType) => {
    const response = await fetch(`${api.url}/v1/cases`, { method: 'POST', body, headers: { 'content-type': contentType } });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('answers a body over 10 MB 413', async () => {
    const response = await fetch(`${api.url}/v1/cases`, { method: 'POST', body: new Uint8Array(10 * 1024 * 1024 + 1), headers: { 'content-type': 'application/json' } });
    expect(response.status).toBe(413);
  });

  it('keeps serving, and answered none of the above 500', async () => {
    expect((await fetch(`${api.url}/v1/health`)).status).toBe(200);
    expect(logged.length).toBeGreaterThan(10);
    expect(logged.filter((line) => / 5\d\d \d+ms$/.test(line))).toEqual([]);
  });

  it('a keep-alive connection left idle longer than a client pauses (Node closes its own at 5 s) still takes the next request', { timeout: 20_000 }, async () => {
    const { hostname, port } = new URL(api.url);
    const socket = connect(Number(port), hostname === 'localhost' ? '127.0.0.1' : hostname);
    let received = '';
    socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
    const responses = (count: number) =>
      new Promise<void>((resolve, reject) => {
        const check = setInterval(() => {
          if ((received.match(/HTTP\/1\.1 200/g) ?? []).length >= count) resolve(clearInterval(check));
          if (socket.destroyed) {
            clearInterval(check);
            reject(new Error(`the server closed the connection:\n${received}`));
          }
        }, 20);
      });
    const request = 'GET /v1/health HTTP/1.1\r\nHost: localhost\r\n\r\n';
    socket.write(request);
    await responses(1);
    // A real pause: the server's idle timer runs on its own clock, out of the test's reach.
    await sleep(6_000);
    expect(socket.destroyed).toBe(false);
    socket.write(request);
    await responses(2);
    expect(received).not.toMatch(/connection: close/i);
    socket.destroy();
  });
});

describe('token checks', () => {
  it('a valid staff token still passes (the 4xx above are about the bytes)', async () => {
    const response = await fetch(`${api.url}/v1/cases`, { headers: bearer(await system.token('330726', 'clerk')) });
    expect(response.status).toBe(200);
  });
});
