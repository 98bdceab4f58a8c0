// Every AWS command ends: one deadline per AWS call (--aws-timeout, retries and credentials included)
// and a cap on pages. The condition of each deadline test is that the CLI exits, with exit 1 and advice,
// before a generous kill timer; before the deadline existed these runs hung until killed (code null).
import { existsSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { minimalAnswers } from '../support/answers.ts';
import { describeImagesXml } from './fixtures/images.ts';
import { fail, ok, withFakeEc2 } from './support/ec2-server.ts';
import type { Handler } from './support/ec2-server.ts';
import { awsEnv, expectAdvice, runCli, tempHome } from './support/run-cli.ts';
import type { AwsEnvOptions, CliResult } from './support/run-cli.ts';

let home: { dir: string; cleanup: () => void };
beforeAll(() => void (home = tempHome()));
afterAll(() => home.cleanup());

/** Far beyond any deadline under test: a run still going then is a hang. */
const KILL_AFTER_MS = 25_000;

async function run(
  handler: Handler,
  args: string[],
  env: AwsEnvOptions = {},
): Promise<CliResult & { requests: number }> {
  return withFakeEc2(handler, async (ec2) => {
    const result = await runCli(args, awsEnv(home.dir, { endpoint: ec2.url, ...env }), { timeoutMs: KILL_AFTER_MS });
    return { ...result, requests: ec2.requests.length };
  });
}

function expectDeadline(result: CliResult, seconds: number) {
  expect(result.code, `still running after ${KILL_AFTER_MS} ms? stderr: ${result.stderr}`).toBe(1);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(new RegExp(`EC2 did not answer within ${seconds} s \\(--aws-timeout ${seconds}\\)`));
  expect(result.stderr).toMatch(/--aws-timeout 60/); // how to give it longer
  expectAdvice(result, expect);
}

describe('--aws-timeout: one deadline per AWS call', () => {
  it('audit: a response that trickles a byte a second (never idle, never complete)', async () => {
    const result = await run(() => 'trickle', ['audit', '--aws-timeout', '2']);
    expectDeadline(result, 2);
  });

  it('lookup: the same trickle', async () => {
    const result = await run(() => 'trickle', ['lookup', '--os', 'amazon-linux-2023', '--aws-timeout', '1']);
    expectDeadline(result, 1);
  });

  it('generate --resolve: the same trickle, and no folder is written', async () => {
    const answersFile = join(home.dir, 'answers.yaml');
    writeFileSync(answersFile, stringify(minimalAnswers()));
    const out = join(home.dir, 'resolve-out');
    const result = await run(
      () => 'trickle',
      ['--answers', answersFile, '--out', out, '--resolve', '--aws-timeout', '1'],
    );
    expectDeadline(result, 1);
    expect(existsSync(out)).toBe(false);
  });

  it('retries count against the deadline: ten slow 503s do not take ten attempts', async () => {
    const slow503: Handler = () => ({
      ...(fail(503, 'Unavailable', 'The server is overloaded.') as { status: number; body: string }),
      delayMs: 1_500,
    });
    const result = await run(slow503, ['audit', '--aws-timeout', '2'], { maxAttempts: 10 });
    expectDeadline(result, 2);
    expect(result.requests).toBeLessThan(10);
  });

  it('a credential_process that never finishes: the deadline names credentials, and Node does not wait for the child', async () => {
    // The brief's `credential_process = sleep 600`, through a script that records the pid so the test can end it.
    const pidFile = join(home.dir, 'credential-process.pid');
    const script = join(home.dir, 'slow-credentials.sh');
    writeFileSync(script, `#!/bin/sh\necho $$ > ${pidFile}\nexec sleep 600\n`);
    chmodSync(script, 0o755);
    const config = join(home.dir, 'slow-config');
    writeFileSync(config, `[profile slow]\nregion = eu-west-1\ncredential_process = ${script}\n`);
    try {
      const result = await run(() => ok(describeImagesXml([])), ['audit', '--aws-timeout', '2'], {
        credentials: false,
        extra: { AWS_CONFIG_FILE: config, AWS_PROFILE: 'slow' },
      });
      expect(result.code, `still running after ${KILL_AFTER_MS} ms? stderr: ${result.stderr}`).toBe(1);
      expect(result.stderr).toMatch(/AWS credentials were not ready within 2 s \(--aws-timeout 2\)/);
      expect(result.stderr).toMatch(/credential_process/);
      expect(result.stderr).toMatch(/--aws-timeout 60/);
      expect(result.requests).toBe(0);
      expectAdvice(result, expect);
    } finally {
      if (existsSync(pidFile)) {
        try {
          process.kill(Number(readFileSync(pidFile, 'utf8')), 'SIGKILL');
        } catch {
          // already gone
        }
      }
    }
  });

  it('the default deadline does not cut a normal answer short', async () => {
    const result = await run(() => ok(describeImagesXml([])), ['audit', '--json']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('[]\n');
  });
});

describe('a deadline for the whole command', () => {
  // Each page answers well within --aws-timeout 1, and there is always one more: without a total
  // deadline this listing runs to the 500-page cap (2.5 minutes at 0.3 s a page), far past the kill timer.
  const slowEndless: Handler = (_req, i) => ({
    ...(ok(describeImagesXml([], `token-${i + 1}`)) as { status: number; body: string }),
    delayMs: 300,
  });

  it('audit: every call in time, the whole listing still ends (10 x --aws-timeout), with advice', async () => {
    const result = await run(slowEndless, ['audit', '--aws-timeout', '1']);
    expect(result.code, `still running after ${KILL_AFTER_MS} ms? stderr: ${result.stderr}`).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/All AWS calls together took over 10 s \(10 x --aws-timeout 1\)/);
    expect(result.stderr).toMatch(/--aws-timeout 60/);
    expect(result.requests).toBeLessThan(500);
    expectAdvice(result, expect);
  }, 40_000);
});

describe('page cap', () => {
  // Always one more page: a new NextToken each time, as a broken proxy or a fake endpoint might.
  const endless: Handler = (_req, i) => ok(describeImagesXml([], `token-${i + 1}`));

  it('audit stops after 500 pages and says what happened and what to do', async () => {
    const result = await run(endless, ['audit']);
    expect(result.code, `still running after ${KILL_AFTER_MS} ms? stderr: ${result.stderr}`).toBe(1);
    expect(result.requests).toBe(500);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/EC2 kept sending more pages: stopped after 500 pages \(0 images\) in eu-west-1\./);
    expect(result.stderr).toMatch(/AWS_ENDPOINT_URL_EC2/);
    expectAdvice(result, expect);
  }, 60_000);

  it('a token that repeats ends the listing at once (no loop)', async () => {
    const result = await run(
      (_req, i) => ok(describeImagesXml([], i < 3 ? `token-${i}` : 'token-2')),
      ['audit', '--json'],
    );
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toMatch(/EC2 sent the same page token twice/);
    expect(result.requests).toBe(4);
  });
});
