// Runs the built CLI against the fake EC2 endpoint, through the SDK's standard configuration chain, the
// way a user's shell would set it. Asynchronous (the fake server lives in this process) and bounded.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { UNSAFE_TEXT } from '../../../source/text/printable.ts';
import { CLI, assertBuilt } from '../../support/cli.ts';
import { tempDir } from '../../support/answers.ts';

export { CLI };
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** Preloaded into every run: any host name but localhost fails to resolve, so nothing reaches the internet. */
const OFFLINE_DNS = fileURLToPath(new URL('../fixtures/offline-dns.mjs', import.meta.url));

// Test values, recognisable in output (tests assert they never appear there).
export const TEST_ACCESS_KEY = 'AKIDLOCALTESTONLY0000';
const TEST_SECRET_KEY = 'local-test-secret-never-printed';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface AwsEnvOptions {
  endpoint?: string;
  region?: string | null;
  credentials?: boolean;
  /** AWS_MAX_ATTEMPTS: the SDK's standard retry strategy reads it; 2 keeps retry waits short. */
  maxAttempts?: number;
  extra?: Record<string, string>;
}

/**
 * A clean environment: the developer's own AWS settings never leak in; HOME points at an empty folder
 * (no ~/.aws), instance metadata is off (no 169.254.169.254), DNS is stubbed offline.
 */
export function awsEnv(home: string, o: AwsEnvOptions = {}): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    HOME: home,
    AWS_CONFIG_FILE: join(home, 'no-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, 'no-credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_MAX_ATTEMPTS: String(o.maxAttempts ?? 2),
    NODE_OPTIONS: `--import=${new URL(`file://${OFFLINE_DNS}`).href}`,
    ...(o.region === null ? {} : { AWS_REGION: o.region ?? 'eu-west-1' }),
    ...(o.credentials === false ? {} : { AWS_ACCESS_KEY_ID: TEST_ACCESS_KEY, AWS_SECRET_ACCESS_KEY: TEST_SECRET_KEY }),
    ...(o.endpoint ? { AWS_ENDPOINT_URL_EC2: o.endpoint } : {}),
    ...o.extra,
  };
}

/**
 * Runs the built CLI. `readerPausesMs`: stdout is not read for that long from the start, as a slow
 * reader (a pager, a busy jq) leaves a pipe full.
 */
export function runCli(
  args: string[],
  env: Record<string, string>,
  options: { cwd?: string; timeoutMs?: number; readerPausesMs?: number } = {},
): Promise<CliResult> {
  assertBuilt();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: options.cwd ?? ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    if (options.readerPausesMs) {
      child.stdout.pause();
      setTimeout(() => child.stdout.resume(), options.readerPausesMs);
    }
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 30_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

export const tempHome = (): { dir: string; cleanup: () => void } => tempDir('ami-wizard-aws-');

/** The CLI's output must read as advice: a few lines, no stack trace, no credential. */
export function expectAdvice(result: CliResult, expectFn: (value: unknown) => any): void {
  const all = result.stdout + result.stderr;
  expectFn(result.stderr).not.toMatch(/\n\s+at .*:\d+:\d+/);
  expectFn(result.stderr.trim().split('\n').length).toBeLessThanOrEqual(6);
  expectFn(all).not.toContain(TEST_SECRET_KEY);
  expectFn(all).not.toContain(TEST_ACCESS_KEY);
  expectFn(all).not.toMatch(/NodeVersionSupportWarning|NodeDeprecationWarning/);
  expectNothingRaw(result, expectFn);
}

/** Not one control, bidi or separator character reached the terminal raw (line breaks and tabs aside). */
export function expectNothingRaw(result: CliResult, expectFn: (value: unknown) => any): void {
  const raw = new RegExp(UNSAFE_TEXT.source);
  for (const [stream, text] of [
    ['stdout', result.stdout],
    ['stderr', result.stderr],
  ] as const) {
    const found = raw.exec(text.replace(/[\n\t]/g, ''));
    expectFn(
      found && `${stream}: raw U+${found[0].charCodeAt(0).toString(16).padStart(4, '0')} in ${JSON.stringify(text)}`,
    ).toBeNull();
  }
}
