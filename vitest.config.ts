import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // The built CLI's code cache goes in a folder of the run's own (test/support/cache-home.ts).
    globalSetup: ['./test/support/cache-home.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // One worker per core: most of the full tier waits on child processes (validators, the built CLI,
    // pseudo-terminals, sandboxes), so vitest's default of one core idle left the suite running one file
    // at a time on two cores. No test asserts wall-clock time, and the pty tests wait for whole frames.
    maxWorkers: availableParallelism(),
    // The run ends with the tools that were missing and the files that skipped for each.
    reporters: ['default', './test/support/skip-summary.ts'],
  },
});
