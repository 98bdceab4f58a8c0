// `npm run test:unit`: the fast tier to run while editing. Pure and in-process tests only, in under a
// minute; `npm test` (vitest.config.ts) still runs everything before a push. The one list of what the
// fast tier leaves out, and why:
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.ts';

export const SLOW_TESTS = [
  'test/validators/**', // the generated matrix through packer, shellcheck, cfn-lint and the other validators
  'test/boot/**', // build-and-boot: generated scripts run in a sandbox
  'test/e2e/**', // the built CLI (dist/) as a user runs it: subprocesses and pseudo-terminals
  'test/**/*-cli.test.ts', // the built CLI in a subprocess
  'test/**/*-pty.test.ts', // the built CLI in a pseudo-terminal
  'test/aws/sdk-loading.test.ts', // reads the built bundle (dist/)
  'test/generators/escape.test.ts', // round-trips through bash, packer, pwsh and Python (its properties: escape-properties)
  'test/independent/**', // the Image Builder output read by an independent checker (AWS's resource specification, bash -n)
  'test/generators/engine-parity-lifecycle.test.ts', // runs the generated make targets against the Python AWS CLI stub
  'test/generators/engine-parity-sharing.test.ts', // runs the generated promotion against the Python AWS CLI stub
];

// The unit tier runs its files in shared threads, one module graph per worker (isolate: false): loading
// zod, Ink and the generators once per worker instead of once per file saves most of its time. A file
// that replaces a module with vi.mock would leak that mock into the files after it, so those run
// isolated; test/architecture/unit-tier.test.ts checks that this list holds every file that mocks.
export const MOCKING_TESTS = [
  'test/output/file-plan.test.ts',
  'test/output/interrupted-write.test.ts',
  'test/text/json-output.test.ts',
];

const { include, testTimeout, hookTimeout } = base.test!;
const exclude = [...SLOW_TESTS, '**/node_modules/**'];

export default mergeConfig(
  base,
  defineConfig({
    test: {
      // One worker per core, as vitest.config.ts says, shared by the two projects. Each project spells
      // out its files: one that extends the config would add its include to the config's own.
      projects: [
        {
          test: {
            name: 'unit',
            include,
            exclude: [...exclude, ...MOCKING_TESTS],
            testTimeout,
            hookTimeout,
            pool: 'threads',
            isolate: false,
            setupFiles: ['test/support/ink-as-the-wizard-loads-it.ts'],
          },
        },
        { test: { name: 'unit-mocks', include: MOCKING_TESTS, exclude, testTimeout, hookTimeout, isolate: true } },
      ],
    },
  }),
);
