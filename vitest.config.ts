import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Starts DynamoDB Local and the SQS emulator once for the whole run.
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // The files mostly wait on the emulators, Chromium and npm start: two at a time on 2 cores took
    // the suite from about 500 s to 280 s (vitest's default, cores - 1, runs one file at a time there).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // Test systems (the handlers on the emulators, npm start as a process) take anonymous submissions
    // without a verified phone, and a handler's extension and reply take effect at once without a
    // receipt signed: most tests walk a case in one step. The tests of verification, of the units'
    // steps and the walks run the deployed defaults, or switch on what they test.
    env: {
      POWERTOOLS_LOG_LEVEL: 'SILENT',
      POWERTOOLS_METRICS_DISABLED: 'true',
      AWS_REGION: 'us-east-1',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      POLICY: JSON.stringify({ phoneVerification: false, signForReceipt: false, approveExtensions: false, replySignOff: false }),
    },
  },
});
