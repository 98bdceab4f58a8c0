// Bad input: a clear message naming the problem and the fix, exit 2, no stack trace, nothing written.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MINIMAL_YAML, aliasBomb, minimalAnswers, tempDir, writeAnswers } from '../support/answers.ts';
import { cli } from '../support/cli.ts';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

function expectRejected(file: string, ...patterns: RegExp[]) {
  const out = join(dir, 'out');
  const result = cli(['--answers', file, '--out', out]);
  expect(result.code, result.stderr).toBe(2);
  for (const pattern of patterns) expect(result.stderr).toMatch(pattern);
  expect(result.stderr).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/); // no stack trace
  expect(result.stderr.trim().split('\n').length).toBeLessThanOrEqual(8);
  expect(result.stdout).toBe('');
  expect(existsSync(out)).toBe(false);
  return result.stderr;
}

const withAnswers = (patch: (a: Record<string, any>) => void) => {
  const a = minimalAnswers();
  patch(a);
  return writeAnswers(dir, a);
};

describe('answers file errors', () => {
  it('file not found', () => {
    expectRejected(join(dir, 'nope.yaml'), /Answers file not found: .*nope\.yaml/, /examples/);
  });

  it('empty file', () => {
    expectRejected(writeAnswers(dir, '  \n'), /is empty/);
  });

  it('YAML syntax error with line and column', () => {
    const text = MINIMAL_YAML.replace('  name: demo', '  name: "demo');
    expectRejected(writeAnswers(dir, text), /answers\.yaml:\d+:\d+: YAML syntax error/);
  });

  it('unknown key with a did-you-mean', () => {
    const text = MINIMAL_YAML.replace('recoveryTime:', 'recoverTime:');
    const message = expectRejected(
      writeAnswers(dir, text),
      /unknown key "recoverTime" in guidance/,
      /Did you mean "recoveryTime"\?/,
    );
    expect(message).toMatch(/answers\.yaml:5:3:/);
  });

  it('wrong value lists the allowed values', () => {
    expectRejected(
      withAnswers((a) => (a.guidance.recoveryTime = 'seconds')),
      /guidance\.recoveryTime is "seconds"; allowed: minutes, tens-of-minutes, hours/,
    );
  });

  it('wrong type names what is expected', () => {
    expectRejected(
      withAnswers((a) => (a.guidance.manualSteps = 'yes')),
      /guidance\.manualSteps must be true or false, not "yes"/,
    );
  });

  it('missing answer names the key', () => {
    expectRejected(
      withAnswers((a) => delete a.guidance.latestAtLaunch),
      /missing required answer guidance\.latestAtLaunch \(true or false\)/,
    );
  });

  it('unsupported version', () => {
    expectRejected(
      withAnswers((a) => (a.version = 2)),
      /unsupported version 2/,
      /version: 1/,
    );
  });

  it('missing version', () => {
    expectRejected(
      withAnswers((a) => delete a.version),
      /missing version/,
    );
  });

  it('top level is not a mapping', () => {
    expectRejected(writeAnswers(dir, '- a\n- b\n'), /must be a YAML mapping/);
  });

  it('alias bomb is refused', () => {
    expectRejected(writeAnswers(dir, aliasBomb()), /aliases/);
  });

  // An alias inside the node its anchor names makes a value that contains itself: the checks that
  // walk the answers ran out of stack ("failed unexpectedly", exit 1).
  it('an alias inside its own anchor is refused', () => {
    for (const text of ['a: &a [*a]\n', 'version: 1\nproject: &p\n  name: x\n  again: *p\n'])
      expectRejected(writeAnswers(dir, text), /refers to itself[\s\S]*Write the values out/);
  });

  it('binary file', () => {
    const file = join(dir, 'binary.yaml');
    writeFileSync(file, Buffer.from([0x76, 0x3a, 0x00, 0xff, 0xfe, 0x01]));
    expectRejected(file, /not a text file/);
  });

  it('not UTF-8 (Latin-1 text)', () => {
    const file = join(dir, 'latin1.yaml');
    writeFileSync(file, Buffer.from(MINIMAL_YAML.replace('name: demo', 'name: caf\u00e9'), 'latin1'));
    expectRejected(file, /is not UTF-8 text/, /Save the answers file as UTF-8/);
  });

  it('a UTF-8 byte order mark is accepted', () => {
    const out = join(dir, 'bom-out');
    const result = cli(['--answers', writeAnswers(dir, `\uFEFF${MINIMAL_YAML}`), '--out', out]);
    expect(result.code, result.stderr).toBe(0);
  });

  // Running as root, permissions cannot make a file unreadable; /proc/self/mem stats fine and fails to read (EIO).
  it.runIf(process.platform === 'linux')('a file that cannot be read', () => {
    expectRejected('/proc/self/mem', /Cannot read \/proc\/self\/mem \(EIO\)/, /Make the file readable/);
  });

  it('a folder instead of a file', () => {
    expectRejected(dir, /is a folder/);
  });

  it('invalid role name explains the pattern', () => {
    expectRejected(
      withAnswers((a) => (a.roles = [{ name: 'Web Server' }])),
      /roles\[0\]\.name is "Web Server"; expected lower-case letters/,
    );
  });

  it('ansible on windows is refused: ansible-pull does not run there', () => {
    expectRejected(
      withAnswers((a) => ((a.platform = { os: 'windows-server-2022' }), (a.configManagement = 'ansible'))),
      /ansible-pull does not run on Windows/,
    );
  });

  // Packer renders kms_key_id as a Go template (twice in a block device mapping): no escape survives
  // that, so only the KMS key forms are accepted.
  it('a KMS key that is not a key id, ARN or alias is refused', () => {
    expectRejected(
      withAnswers((a) => (a.options = { kmsKeyId: 'alias/{{ env "HOME" }}' })),
      /options\.kmsKeyId .*expected a KMS key id, key ARN, alias\/NAME or alias ARN/,
    );
  });

  // A "*" is a wildcard in a tag policy's allowed values: owner "*" let any Owner through (issue 19).
  it('a "*" in a value the tag policy lists is refused, naming the exact field', () => {
    const owner = expectRejected(
      withAnswers((a) => (a.project.owner = '*')),
      /answers\.yaml:\d+:\d+: project\.owner: .*wildcard.*without "\*"/,
    );
    expect(owner).not.toMatch(/: project: /);
    expectRejected(
      withAnswers((a) => (a.tags = { Team: { value: 'web', allowed: ['web', 'plat*'] } })),
      /answers\.yaml:\d+:\d+: tags\.Team\.allowed\[1\]: .*wildcard.*without "\*"/,
    );
  });

  it('windows on arm64 is refused', () => {
    expectRejected(
      withAnswers((a) => (a.platform = { os: 'windows-server-2022', architecture: 'arm64' })),
      /windows-server-2022 has no arm64 images/,
    );
  });
});

describe('secrets are refused with advice', () => {
  const cases: [string, (a: Record<string, any>) => void, RegExp][] = [
    [
      'AWS access key id',
      (a) => (a.project.owner = 'AKIAQYLPMN5HHHFPZAM2'),
      /project\.owner looks like an AWS access key id/,
    ],
    [
      'private key block',
      (a) => (a.project.system = '-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----'),
      /project\.system looks like a private key/,
    ],
    [
      'password assignment',
      (a) => (a.roles = [{ name: 'db', software: ['password=hunter2hunter2'] }]),
      /roles\[0\]\.software\[0\] looks like a password or token assignment/,
    ],
    ['token under an unknown key', (a) => (a.project.apiToken = 'x9f8e7d6c5'), /looks like a secret/],
  ];
  for (const [name, patch, pattern] of cases) {
    it(name, () => {
      const message = expectRejected(withAnswers(patch), pattern, /SSM Parameter Store or Secrets Manager/);
      expect(message).not.toMatch(/AKIAQYLPMN5HHHFPZAM2|hunter2|x9f8e7d6c5|MIIEow/); // never echo the secret
    });
  }

  it('the AWS documentation placeholder key is not a secret', () => {
    const file = withAnswers((a) => (a.project.owner = 'AKIAIOSFODNN7EXAMPLE'));
    const result = cli(['recommend', '--answers', file]);
    expect(result.code, result.stderr).toBe(0);
  });
});

describe('command line errors', () => {
  it('unknown option suggests the right one', () => {
    const result = cli(['--answer', 'x.yaml']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Unknown option --answer\. Did you mean --answers\?/);
  });

  it('no TTY and no answers names --answers', () => {
    const result = cli([]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--answers/);
  });

  it('--out pointing at a file', () => {
    const answers = writeAnswers(dir, MINIMAL_YAML);
    const file = join(dir, 'a-file');
    writeFileSync(file, 'x');
    const result = cli(['--answers', answers, '--out', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/names a file, not a folder/);
  });
});
