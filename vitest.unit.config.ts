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
];

export default mergeConfig(
  base,
  defineConfig({
    test: { exclude: [...SLOW_TESTS, '**/node_modules/**'] }, // one worker per core, as vitest.config.ts says
  }),
);
