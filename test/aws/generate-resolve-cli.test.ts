// `generate --resolve`: looks up the current base image through the same code path as `lookup`,
// records it in decision.md, and still writes templates that select the image by filter.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { minimalAnswers } from '../support/answers.ts';
import { describeImagesXml } from './fixtures/images.ts';
import { ok, withFakeEc2 } from './support/ec2-server.ts';
import { awsEnv, runCli, tempHome } from './support/run-cli.ts';

let home: { dir: string; cleanup: () => void };
beforeAll(() => void (home = tempHome()));
afterAll(() => home.cleanup());

describe('generate --resolve', () => {
  it('records the newest base image in decision.md; the templates keep the filter', async () => {
    const newest = [
      {
        id: 'ami-0f000000000000001',
        name: 'al2023-ami-2023.7.20250215.0-kernel-6.1-x86_64',
        ageDays: 4,
        deprecatesInDays: 700,
        owner: '137112412989',
      },
    ];
    await withFakeEc2(
      () => ok(describeImagesXml(newest)),
      async (ec2) => {
        const answersFile = join(home.dir, 'answers.yaml');
        const a = minimalAnswers();
        a.platform = { regions: ['eu-west-1'] };
        writeFileSync(answersFile, stringify(a));
        const out = join(home.dir, 'out');
        const result = await runCli(
          ['--answers', answersFile, '--out', out, '--resolve'],
          awsEnv(home.dir, { endpoint: ec2.url }),
        );
        expect(result.code, result.stderr).toBe(0);
        expect(result.stdout).toMatch(
          /^Base image: al2023-ami-2023\.7\.20250215\.0-kernel-6\.1-x86_64 \(ami-0f000000000000001, created /m,
        );
        expect(ec2.requests).toHaveLength(1);
        expect(ec2.requests[0]!.authorization).toContain('/eu-west-1/ec2/aws4_request');
        const decision = readFileSync(join(out, 'decision.md'), 'utf8');
        expect(decision).toContain('`ami-0f000000000000001`');
        expect(readFileSync(join(out, 'packer/base.pkr.hcl'), 'utf8')).toContain('source_ami_filter');
        expect(readFileSync(join(out, 'packer/base.pkr.hcl'), 'utf8')).not.toContain('ami-0f000000000000001');
      },
    );
  });
});
