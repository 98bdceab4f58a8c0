// The README's key-policy merge, run as written (bash and jq) against a stand-in `aws` that serves each
// key's policy and records the policy put back: this project's statements replace its earlier ones,
// everything else in the key policy stays, every image key is done.
import { chmodSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { minimalAnswers, tempDir } from '../support/answers.ts';
import { answersFrom, generate, writeFiles } from '../support/generate.ts';
import { hasTool, run } from '../support/tools.ts';

const root = tempDir('ami-wizard-key-policy-');
afterAll(() => root.cleanup());

// get-key-policy's answer: the key's default statement, this project's statement from an earlier
// run (for an account since removed from the answers), another project's.
const EXISTING = {
  Version: '2012-10-17',
  Id: 'key-default-1',
  Statement: [
    {
      Sid: 'Enable IAM User Permissions',
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::111122223333:root' },
      Action: 'kms:*',
      Resource: '*',
    },
    {
      Sid: 'AmiWizardDemoAccountsUse',
      Effect: 'Allow',
      Principal: { AWS: ['arn:aws:iam::999999999999:root'] },
      Action: ['kms:Decrypt'],
      Resource: '*',
    },
    {
      Sid: 'AmiWizardDemoShopAccountsUse',
      Effect: 'Allow',
      Principal: { AWS: ['arn:aws:iam::888888888888:root'] },
      Action: ['kms:Decrypt'],
      Resource: '*',
    },
  ],
};

const STAND_IN_AWS = `#!/usr/bin/env bash
# A stand-in for the AWS CLI: the three kms calls of the README's merge.
set -euo pipefail
args=" $* "
region=$(sed -E 's/.* --region ([^ ]+) .*/\\1/' <<< "$args")
case "$1 $2" in
  "kms describe-key") echo "arn:aws:kms:$region:111122223333:key/key-$region" ;;
  "kms get-key-policy") cat "$STAND_IN_DIR/existing.json" ;;
  "kms put-key-policy")
    [[ "$args" == *" --key-id arn:aws:kms:$region:111122223333:key/key-$region "* ]] || { echo "put-key-policy: wrong key: $args" >&2; exit 1; }
    file=$(sed -E 's/.* --policy file:\\/\\/([^ ]+) .*/\\1/' <<< "$args")
    cp "$file" "$STAND_IN_DIR/put-$region.json" ;;
  *) echo "unexpected: aws $*" >&2; exit 1 ;;
esac
`;

describe.skipIf(!hasTool('jq'))("README.md's key-policy merge", () => {
  it("puts each key policy back with this project's statements replaced and the rest kept", async () => {
    const a = minimalAnswers();
    a.platform = { os: 'amazon-linux-2023', regions: ['eu-west-1', 'eu-central-1'] };
    a.options = {
      kmsKeyId: 'alias/images',
      shareWith: {
        accounts: ['444455556666'],
        organizations: ['arn:aws:organizations::111122223333:organization/o-exampleorgid'],
      },
    };
    const files = await generate(answersFrom(a));
    const folder = join(root.dir, 'folder');
    writeFiles(folder, files);
    const readme = files.find((f) => f.path === 'README.md')!.contents;
    const [, block] = /\n {2}```sh\n([\s\S]*?aws kms put-key-policy[\s\S]*?) {2}```\n/.exec(readme) ?? [];
    expect(block, 'the merge in README.md').toBeDefined();
    const bin = join(root.dir, 'bin');
    mkdirSync(bin, { recursive: true });
    writeFileSync(join(bin, 'aws'), STAND_IN_AWS);
    chmodSync(join(bin, 'aws'), 0o755);
    const standIn = join(root.dir, 'stand-in');
    mkdirSync(standIn, { recursive: true });
    writeFileSync(join(standIn, 'existing.json'), JSON.stringify(EXISTING));
    const result = run('bash', ['-euo', 'pipefail', '-c', block!.replace(/^ {2}/gm, '')], {
      cwd: folder,
      env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, STAND_IN_DIR: standIn },
    });
    expect(result.code, result.output).toBe(0);

    const added = JSON.parse(readFileSync(join(folder, 'iam/kms-key-policy-statements.json'), 'utf8')) as {
      Sid: string;
    }[];
    expect(
      readdirSync(standIn)
        .filter((f) => f.startsWith('put-'))
        .sort(),
    ).toEqual(['put-eu-central-1.json', 'put-eu-west-1.json']);
    for (const region of ['eu-west-1', 'eu-central-1']) {
      const put = JSON.parse(readFileSync(join(standIn, `put-${region}.json`), 'utf8'));
      expect(put.Id).toBe('key-default-1');
      expect(put.Statement).toEqual([EXISTING.Statement[0], EXISTING.Statement[2], ...added]);
    }
  });
});
