/** Invokes handler modules in this process the way Lambda does: one event, one context, a timeout. */
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Context } from 'aws-lambda';
import { FUNCTIONS, type FunctionName } from '../wiring.ts';

type Handler = (event: unknown, context: Context) => Promise<unknown>;

const PROJECT_ROOT = resolve(import.meta.dirname, '../..');

export class LambdaTimeout extends Error {
  constructor(name: string, seconds: number) {
    super(`${name} timed out after ${seconds} s`);
    this.name = 'LambdaTimeout';
  }
}

function contextFor(name: FunctionName, deadline: number): Context {
  const fn = FUNCTIONS[name];
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: name,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:us-east-1:000000000000:function:${name}`,
    memoryLimitInMB: String(fn.memoryMb),
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${name}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

/** The wiring's functions, loaded once; `invoke` runs one with the wiring's timeout. */
export class LocalLambdas {
  private readonly handlers = new Map<FunctionName, Handler>();

  /** Imports every handler module; call after the environment is set, as Lambda does. */
  async load(): Promise<void> {
    for (const [name, fn] of Object.entries(FUNCTIONS) as Array<[FunctionName, (typeof FUNCTIONS)[FunctionName]]>) {
      const module = (await import(pathToFileURL(resolve(PROJECT_ROOT, fn.entry)).href)) as { handler?: Handler };
      if (typeof module.handler !== 'function') throw new Error(`${fn.entry} exports no handler`);
      this.handlers.set(name, module.handler);
    }
  }

  async invoke(name: FunctionName, event: unknown): Promise<unknown> {
    const handler = this.handlers.get(name);
    if (!handler) throw new Error(`function ${name} is not loaded`);
    const seconds = FUNCTIONS[name].timeoutSeconds;
    const deadline = Date.now() + seconds * 1000;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new LambdaTimeout(name, seconds)), seconds * 1000);
    });
    try {
      return await Promise.race([handler(event, contextFor(name, deadline)), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
