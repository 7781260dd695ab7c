/**
 * The local servers listen on the loopback interface only: nothing on the
 * network can reach the emulators or the API of a developer's machine.
 * Read from the kernel's socket table, so the test sees what is really bound.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { serveApi } from '../../lib/local/api-gateway.ts';
import { startSqs } from '../../lib/local/emulators.ts';
import { LocalLambdas } from '../../lib/local/lambda.ts';

/** The local addresses (hex, as /proc/net/tcp{,6} has them) of the sockets listening on `port`. */
async function listeningOn(port: number): Promise<string[]> {
  const addresses: string[] = [];
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    const lines = (await readFile(table, 'utf8').catch(() => '')).split('\n').slice(1);
    for (const line of lines) {
      const [, local, , state] = line.trim().split(/\s+/);
      const [address, hexPort] = (local ?? '').split(':');
      // 0A: LISTEN.
      if (state === '0A' && Number.parseInt(hexPort ?? '', 16) === port) addresses.push(address ?? '');
    }
  }
  return addresses;
}

const IPV4_LOOPBACK = '0100007F'; // 127.0.0.1, little-endian

describe.runIf(process.platform === 'linux')('the local servers bind 127.0.0.1 only', () => {
  it('the SQS and SNS emulator', async () => {
    const sqs = await startSqs();
    try {
      expect(await listeningOn(Number(new URL(sqs.endpoint).port))).toEqual([IPV4_LOOPBACK]);
    } finally {
      await sqs.stop();
    }
  });

  it('the API', async () => {
    const api = await serveApi(new LocalLambdas(), 0, () => undefined);
    try {
      expect(await listeningOn(Number(new URL(api.url).port))).toEqual([IPV4_LOOPBACK]);
    } finally {
      await api.close();
    }
  });
});
