import { availableParallelism } from 'node:os';
import { BaseSequencer } from 'vitest/node';
import type { TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

// The files that take minutes (the build-and-boot simulation, about 14 minutes on two cores, then the
// validator matrix, one to two minutes a file) start first, longest first: started late, as the
// default order left them on a fresh clone with no timings cached, they ran on after every short
// file had finished, with one core idle. The rest keep vitest's order.
const LONGEST_FIRST = [/\/test\/boot\//, /\/test\/validators\/matrix-/, /\/test\/validators\//];

class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification) => {
      const at = LONGEST_FIRST.findIndex((pattern) => pattern.test(file.moduleId));
      return at === -1 ? LONGEST_FIRST.length : at;
    };
    // Array.prototype.sort is stable: within a rank, vitest's own order stays.
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // One worker per core: most of the full tier waits on child processes (validators, the built CLI,
    // pseudo-terminals, sandboxes), so vitest's default of one core idle left the suite running one file
    // at a time on two cores. No test asserts wall-clock time, and the pty tests wait for whole frames.
    maxWorkers: availableParallelism(),
    sequence: { sequencer: LongestFirst },
    // The run ends with the tools that were missing and the files that skipped for each.
    reporters: ['default', './test/support/skip-summary.ts'],
  },
});
