/** Plays EventBridge's rate schedules: invokes a function every interval, never two runs at once. */
import type { FunctionName } from '../wiring.ts';
import type { LocalLambdas } from './lambda.ts';

export interface Schedule {
  function: FunctionName;
  stop(): Promise<void>;
}

export function runEvery(
  lambdas: LocalLambdas,
  name: FunctionName,
  everySeconds: number,
  log: (line: string) => void,
): Schedule {
  let running: Promise<void> | undefined;
  const timer = setInterval(() => {
    // The previous run is still going: skip this tick rather than run two at once.
    if (running) return;
    const event = { source: 'aws.events', 'detail-type': 'Scheduled Event', time: new Date().toISOString(), detail: {} };
    running = lambdas
      .invoke(name, event)
      .then(
        () => undefined,
        (error: Error) => log(`${name} failed: ${error.message}`),
      )
      .finally(() => (running = undefined));
  }, everySeconds * 1000);
  return {
    function: name,
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
