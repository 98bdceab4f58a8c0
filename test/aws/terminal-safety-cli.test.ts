// AWS data is untrusted text: an image name, a tag, an EC2 error code or message, a region. None of it
// reaches the terminal raw: no escape sequence, no bidi override, and no line break that forges a line
// of the report. JSON output stays JSON and keeps the exact values.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MINIMAL_YAML } from '../support/answers.ts';
import { describeImagesXml, hybridTags } from './fixtures/images.ts';
import { fail, ok, withFakeEc2 } from './support/ec2-server.ts';
import type { Handler } from './support/ec2-server.ts';
import { awsEnv, expectNothingRaw, runCli, tempHome } from './support/run-cli.ts';
import type { AwsEnvOptions, CliResult } from './support/run-cli.ts';

let home: { dir: string; cleanup: () => void };
beforeAll(() => void (home = tempHome()));
afterAll(() => home.cleanup());

// A window-title escape, a CSI as one C1 byte, a right-to-left override, a line separator, and a line
// break followed by a forged line.
const HOSTILE = 'al2023-ami-2023.7\x1b]0;owned\x07\x9b2J\u202eevil\u2028x\nami-0fake00000000000  forged line';

async function run(handler: Handler, args: string[], env: AwsEnvOptions = {}): Promise<CliResult> {
  return withFakeEc2(handler, (ec2) => runCli(args, awsEnv(home.dir, { endpoint: ec2.url, ...env })));
}

const image = (extra: Record<string, unknown> = {}) => ({
  id: 'ami-0d000000000000002',
  name: HOSTILE,
  ageDays: 3,
  architecture: 'x86_64',
  owner: '137112412989',
  ...extra,
});

describe('image data', () => {
  it('lookup: the name is one escaped line', async () => {
    const result = await run(() => ok(describeImagesXml([image()])), ['lookup', '--os', 'amazon-linux-2023']);
    expect(result.code, result.stderr).toBe(0);
    expectNothingRaw(result, expect);
    expect(result.stdout).toContain(
      '  name        al2023-ami-2023.7\\x1b]0;owned\\x07\\x9b2J\\u202eevil\\u2028x\\x0aami-0fake00000000000  forged line\n',
    );
    expect(result.stdout.split('\n').some((line) => line.startsWith('ami-0fake'))).toBe(false);
  });

  it('lookup --json: valid JSON with the exact name, and no raw character on the way', async () => {
    const result = await run(() => ok(describeImagesXml([image()])), ['lookup', '--os', 'amazon-linux-2023', '--json']);
    expect(result.code, result.stderr).toBe(0);
    expectNothingRaw(result, expect);
    expect(JSON.parse(result.stdout).name).toBe(HOSTILE);
  });

  it('audit: names and tag values in the table and the failure details stay on their lines', async () => {
    const hostile = [image({ id: 'ami-0a000000000000001', tags: hybridTags({ Team: 'fin\u202eance\x9b' }) })];
    const result = await run(() => ok(describeImagesXml(hostile)), ['audit', '--answers', 'examples/hybrid.yaml']);
    expect(result.code).toBe(1);
    expectNothingRaw(result, expect);
    expect(result.stdout.split('\n').some((line) => /^\s*ami-0fake/.test(line))).toBe(false);
    expect(result.stdout).toContain('\\x0aami-0fake');
    expect(result.stdout).toContain('Team="fin\\u202eance\\x9b" not allowed');
  });

  it('audit --json: valid JSON with the exact values', async () => {
    const result = await run(
      () => ok(describeImagesXml([image({ id: 'ami-0a000000000000001' })])),
      ['audit', '--json'],
    );
    expectNothingRaw(result, expect);
    expect(JSON.parse(result.stdout)[0].name).toBe(HOSTILE);
  });
});

describe('generate --resolve', () => {
  it('records the name escaped in decision.md and prints it escaped', async () => {
    const out = join(home.dir, 'resolve-out');
    const answers = join(home.dir, 'resolve.yaml');
    writeFileSync(answers, MINIMAL_YAML);
    const result = await run(() => ok(describeImagesXml([image()])), ['--answers', answers, '--out', out, '--resolve']);
    expect(result.code, result.stderr).toBe(0);
    expectNothingRaw(result, expect);
    const decision = readFileSync(join(out, 'decision.md'), 'utf8');
    expect(decision).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e]/);
    expect(decision.split('\n').some((line) => line.startsWith('ami-0fake'))).toBe(false);
  });

  it('--json: valid JSON with the exact name, and no raw character on the way', async () => {
    const answers = join(home.dir, 'resolve-json.yaml');
    writeFileSync(answers, MINIMAL_YAML);
    const out = join(home.dir, 'resolve-json-out');
    const result = await run(
      () => ok(describeImagesXml([image()])),
      ['--answers', answers, '--out', out, '--resolve', '--json', '--dry-run'],
    );
    expect(result.code, result.stderr).toBe(0);
    expectNothingRaw(result, expect);
    expect(JSON.parse(result.stdout).baseImage.name).toBe(HOSTILE);
  });

  it('an image id that is not one is refused', async () => {
    const out = join(home.dir, 'resolve-bad-id');
    const answers = join(home.dir, 'resolve-bad-id.yaml');
    writeFileSync(answers, MINIMAL_YAML);
    const result = await run(
      () => ok(describeImagesXml([image({ id: 'ami-1 `touch x`' })])),
      ['--answers', answers, '--out', out, '--resolve'],
    );
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toMatch(/an image id that is not one/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('EC2 errors', () => {
  it('an error code and message with escapes and line breaks are one escaped line each', async () => {
    const result = await run(
      () => fail(400, 'InvalidParameter\nami-wizard: all good', `Bad value\x1b[31m\u202e red\nami-wizard: forged`),
      ['audit'],
    );
    expect(result.code).toBe(1);
    expectNothingRaw(result, expect);
    expect(
      result.stderr
        .split('\n')
        .some((line) => line.startsWith('ami-wizard: all good') || line.startsWith('ami-wizard: forged')),
    ).toBe(false);
    expect(result.stderr).toContain('\\x1b[31m\\u202e red');
  });
});

describe('the region', () => {
  // The SDK itself refuses a region that is not a host name label; its message quotes the value.
  it('an AWS_REGION holding an escape sequence is refused and shown escaped', async () => {
    const result = await run(() => ok(describeImagesXml([])), ['audit'], { region: 'eu-west-1\x1b]0;owned\x07' });
    expect(result.code).toBe(1);
    expectNothingRaw(result, expect);
    expect(result.stderr).toMatch(
      /The configured AWS region is not valid \(Region not accepted: region="eu-west-1\\x1b]0;owned\\x07"/,
    );
  });
});
