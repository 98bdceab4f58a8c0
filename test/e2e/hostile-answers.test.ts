// Answers written by an attacker, run through the built CLI: each is refused with exit 2, a message
// naming the field and the fix, no stack trace and nothing written. What a value may hold is decided
// per field (questionnaire/answers-schema.ts says which in each description).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { minimalAnswers, tempDir, writeAnswers } from '../support/answers.ts';
import { CLI, assertBuilt, cli } from '../support/cli.ts';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

// A raw control sequence on the terminal: ESC, C1, bidi overrides and isolates, separators.
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

function expectRefused(patch: (a: Record<string, any>) => void, ...patterns: RegExp[]): string {
  const a = minimalAnswers();
  patch(a);
  const out = join(dir, 'out');
  const result = cli(['--answers', writeAnswers(dir, a), '--out', out]);
  expect(result.code, result.stderr).toBe(2);
  for (const pattern of patterns) expect(result.stderr).toMatch(pattern);
  expect(result.stderr).not.toMatch(/\n\s+at .*:\d+:\d+/);
  expect(result.stderr).not.toMatch(RAW_CONTROL);
  expect(result.stdout).toBe('');
  expect(existsSync(out)).toBe(false);
  return result.stderr;
}

const withRole = (os: string, software: string[]) => (a: Record<string, any>) => {
  a.platform = { os };
  a.roles = [{ name: 'web', software }];
};

describe('package names that are options or code', () => {
  const cases: [string, string, string, RegExp][] = [
    [
      'ubuntu-24.04',
      '-oDPkg::Pre-Invoke::=touch /tmp/x',
      'ansible',
      /roles\[0\]\.software\[0\].*not an apt package name/,
    ],
    ['amazon-linux-2023', '--setopt=tsflags=noscripts', 'shell', /roles\[0\]\.software\[0\].*not a dnf package name/],
    ['rhel-9', '--repofrompath=evil,http://x', 'puppet', /roles\[0\]\.software\[0\].*not a dnf package name/],
    ['windows-server-2022', '--source=http://evil/', 'shell', /roles\[0\]\.software\[0\].*not a Chocolatey package id/],
    ['ubuntu-24.04', "{{ lookup('pipe', 'touch /tmp/x') }}", 'ansible', /roles\[0\]\.software\[0\]/],
    ['ubuntu-24.04', "{{ salt['cmd.run']('touch /tmp/x') }}", 'salt', /roles\[0\]\.software\[0\]/],
    ['ubuntu-24.04', '{% if true %}x{% endif %}', 'salt', /roles\[0\]\.software\[0\]/],
    ['rhel-9', '<%= `id` %>', 'chef', /roles\[0\]\.software\[0\]/],
    ['rhel-9', '${facts}', 'puppet', /roles\[0\]\.software\[0\]/],
    ['windows-server-2022', '$(Invoke-Expression x)', 'shell', /roles\[0\]\.software\[0\]/],
    ['ubuntu-24.04', "nginx'; touch /tmp/x; '", 'shell', /roles\[0\]\.software\[0\]/],
    ['ubuntu-24.04', 'Nginx', 'shell', /roles\[0\]\.software\[0\].*not an apt package name/],
  ];
  it.each(cases)('%s: %s (%s)', (os, name, tool, pattern) => {
    expectRefused(
      (a) => {
        withRole(os, ['curl', name])(a);
        a.roles[0].software = [name];
        a.configManagement = tool;
      },
      pattern,
      /package/,
    );
  });

  it('real package names pass on each OS', () => {
    const ok: [string, string[]][] = [
      [
        'ubuntu-24.04',
        ['nginx', 'libssl3t64', 'g++', 'python3.12', 'openjdk-21-jre-headless:amd64', 'nginx=1.24.0-2ubuntu7'],
      ],
      [
        'amazon-linux-2023',
        ['nginx', 'java-21-amazon-corretto-headless', 'NetworkManager', 'python3.11-pip', 'nginx-1:1.24.0-1.amzn2023'],
      ],
      ['windows-server-2022', ['dotnet-8.0-runtime', 'googlechrome', 'Microsoft.PowerShell', 'vcredist140']],
    ];
    for (const [os, software] of ok) {
      const a = minimalAnswers();
      withRole(os, software)(a);
      const result = cli(['recommend', '--answers', writeAnswers(dir, a, `${os}.yaml`)]);
      expect(result.code, `${os}: ${result.stderr}`).toBe(0);
    }
  });
});

describe('control characters in any string', () => {
  const cases: [string, (a: Record<string, any>) => void, RegExp][] = [
    ['ESC in project.name', (a) => (a.project.name = 'web\u001b]0;pwned\u0007shop'), /project\.name/],
    ['DEL in project.name', (a) => (a.project.name = 'del\u007f\u007f\u007fshop'), /project\.name/],
    ['C1 in project.system', (a) => (a.project.system = 'x\u009b31m'), /project\.system/],
    ['bidi override in project.owner', (a) => (a.project.owner = 'team \u202egnp.exe'), /project\.owner/],
    ['bidi isolate in costCenter', (a) => (a.project.costCenter = '\u2066cc\u2069'), /project\.costCenter/],
    ['U+2028 in project.name', (a) => (a.project.name = 'web\u2028shop'), /project\.name/],
    ['a tab in compliance', (a) => (a.project.compliance = ['PCI\tDSS']), /project\.compliance\[0\]/],
    ['a line break in a tag value', (a) => (a.tags = { Team: { value: 'a\nb' } }), /tags\.Team\.value/],
    [
      'ESC in an allowed tag value',
      (a) => (a.tags = { Team: { value: 'a', allowed: ['a', '\u001b[2J'] } }),
      /tags\.Team\.allowed\[1\]/,
    ],
  ];
  it.each(cases)('%s', (_name, patch, pattern) => {
    expectRefused(patch, pattern, /control characters/);
  });

  it('an unknown key holding an escape sequence is named without it', () => {
    const message = expectRefused((a) => (a.project['x\u001b[31m'] = 'y'), /unknown key "x\\x1b\[31m"/);
    expect(message).not.toContain('\u001b');
  });
});

describe('names and keys that other tools read specially', () => {
  it.each(['con', 'nul', 'aux', 'prn', 'com1', 'lpt9'])('Windows reserved role name %s', (name) => {
    expectRefused((a) => (a.roles = [{ name }]), /roles\[0\]\.name/, /Windows reserves/);
  });

  it('a __proto__ tag key', () => {
    // Written as text: a JavaScript object literal cannot hold an own __proto__ key for stringify().
    const text = `${stringify(minimalAnswers())}tags:\n  __proto__:\n    value: x\n`;
    const out = join(dir, 'out');
    const result = cli(['--answers', writeAnswers(dir, text), '--out', out]);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(/tags\.__proto__: a key named __proto__ is not allowed/);
    expect(existsSync(out)).toBe(false);
  });

  it('tag keys that differ only in case', () => {
    expectRefused(
      (a) => (a.tags = { Team: { value: 'a' }, team: { value: 'b' }, TEAM: { value: 'c' } }),
      /tags/,
      /differ only in case/,
    );
  });

  it.each(['../../etc', 'infra/../../x', '..', 'a/./b'])('githubActions.directory %s', (directory) => {
    expectRefused(
      (a) => (a.options = { githubActions: { roleArn: 'arn:aws:iam::111122223333:role/ami-build', directory } }),
      /options\.githubActions\.directory/,
    );
  });
});

describe('review findings: what other tools read specially', () => {
  it.each([
    ['project.name', (a: Record<string, any>) => (a.project.name = 'x {{resolve:ssm:/prod/db/password}}')],
    [
      'project.system',
      (a: Record<string, any>) => (a.project.system = '{{resolve:secretsmanager:prod/db:SecretString:password}}'),
    ],
    ['tags.Team.value', (a: Record<string, any>) => (a.tags = { Team: { value: '{{resolve:ssm:/team/name}}' } })],
  ])('a CloudFormation dynamic reference in %s', (field, patch) => {
    expectRefused(patch, new RegExp(field.replace(/\./g, '\\.')), /dynamic reference/);
  });

  it.each([
    ['project.name', '{{ .SourceAMI }}'],
    ['project.owner', "{{ lookup('pipe', 'id') }}"],
    ['project.costCenter', 'cc }}'],
  ])('double braces in %s: Go templates, Jinja and AWSTOE evaluate them', (field, value) => {
    expectRefused(
      (a) => (a.project[field.split('.')[1]!] = value),
      new RegExp(field.replace('.', '\\.')),
      /\{\{ or \}\}/,
    );
  });

  it.each([
    ['project.name', (a: Record<string, any>) => (a.project.name = 'pay ${AWS::AccountId}')],
    ['project.compliance[0]', (a: Record<string, any>) => (a.project.compliance = ['PCI ${Stage}'])],
    ['tags.Team.value', (a: Record<string, any>) => (a.tags = { Team: { value: '${var.team}' } })],
  ])(
    'a dollar-brace in %s: CloudFormation reads it as a substitution (cfn-lint E1029), Packer and shells too',
    (field, patch) => {
      expectRefused(patch, new RegExp(field.replace(/[.[\]]/g, '\\$&')), /\$\{ \(CloudFormation/, /substitution/);
    },
  );

  it.each(['__PROTO__', '__Proto__'])('tag key %s, in any case', (key) => {
    const text = `${stringify(minimalAnswers())}tags:\n  ${key}:\n    value: x\n`;
    const out = join(dir, 'out');
    const result = cli(['--answers', writeAnswers(dir, text), '--out', out]);
    expect(result.code, result.stderr).toBe(2);
    expect(existsSync(out)).toBe(false);
  });

  it('a tag key that looks like a tag-policy operator', () => {
    expectRefused((a) => (a.tags = { '@@assign': { value: 'x' } }), /tags/);
  });

  it("a role named base, the baseline image's own Role tag", () => {
    expectRefused((a) => (a.roles = [{ name: 'base' }]), /roles\[0\]\.name/, /base/);
  });

  it.each(['com0', 'lpt0'])('Windows reserved role name %s', (name) => {
    expectRefused((a) => (a.roles = [{ name }]), /roles\[0\]\.name/);
  });

  it.each([
    ['amazon-linux-2023', 'evil.rpm'],
    ['windows-server-2022', 'packages.config'],
    ['windows-server-2022', 'evil.nupkg'],
    ['ubuntu-24.04', 'evil.deb'],
  ])('%s: a package name the manager reads as a local file: %s', (os, name) => {
    expectRefused(withRole(os, [name]), /roles\[0\]\.software\[0\]/);
  });

  it.each([
    ['zero-width space', 'web\u200bshop'],
    ['word joiner', 'web\u2060shop'],
    ['soft hyphen', 'web\u00adshop'],
  ])('an invisible %s in project.name', (_name, value) => {
    expectRefused((a) => (a.project.name = value), /project\.name/);
  });
});

describe('a bare AWS secret access key in a free-text field', () => {
  it('is refused without echoing it', () => {
    const key = 'k7Qz9Vb2Lm4Xc8Rt1Yp6Wn3Hs5Jd0Fg/Ae+Ui2Oq';
    const message = expectRefused(
      (a) => (a.project.costCenter = key),
      /project\.costCenter looks like an AWS secret access key/,
    );
    expect(message).not.toContain(key);
  });

  it.each(['x=KEY', 'KEY=', 'a+KEY', 'KEY/x', 'owner KEY'])('is refused when written as %s', (form) => {
    const key = 'k7Qz9Vb2Lm4Xc8Rt1Yp6Wn3Hs5Jd0Fg/Ae+Ui2Oq';
    expectRefused(
      (a) => (a.project.owner = form.replace('KEY', key)),
      /project\.owner looks like an AWS secret access key/,
    );
  });

  it.each([
    'PlatformEngineeringTeamEuropeWestGermany',
    'MyCompanyWebShop2024ProductionEuWest1abc',
    'Billing2024EuropeCentralPlatformTeamXY12',
    'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  ])('a normal 40-character name is not a secret: %s', (name) => {
    const a = minimalAnswers();
    a.project.system = name;
    const result = cli(['recommend', '--answers', writeAnswers(dir, a)]);
    expect(result.code, result.stderr).toBe(0);
  });
});

describe('unbounded sources', () => {
  const runWithInput = (args: string[], input: Buffer | string) => {
    assertBuilt();
    const result = spawnSync(process.execPath, [CLI, ...args], {
      input,
      encoding: 'utf8',
      timeout: 20_000,
      killSignal: 'SIGKILL',
      maxBuffer: 1 << 20,
    });
    return { code: result.status, stderr: result.stderr, stdout: result.stdout };
  };

  it('/dev/zero is refused at the size limit', () => {
    const result = cli(['recommend', '--answers', '/dev/zero'], { timeoutMs: 20_000 });
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(/more than 262144 bytes/);
  });

  it('50 MB through /dev/stdin is refused at the size limit', () => {
    const big = Buffer.alloc(50 * 1024 * 1024, 'a');
    const result = runWithInput(['recommend', '--answers', '/dev/stdin'], big);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(/more than 262144 bytes/);
  });

  it('a valid file through /dev/stdin is read', () => {
    const result = runWithInput(['recommend', '--answers', '/dev/stdin'], stringify(minimalAnswers()));
    expect(result.code, result.stderr).toBe(0);
  });

  it('a --templates file larger than any template is refused', () => {
    const templates = join(dir, 'templates', 'docs');
    mkdirSync(templates, { recursive: true });
    writeFileSync(join(templates, 'README.md.hbs'), Buffer.alloc(600 * 1024, 'a'));
    const out = join(dir, 'out');
    const result = cli(
      ['--answers', writeAnswers(dir, minimalAnswers()), '--out', out, '--templates', join(dir, 'templates')],
      { timeoutMs: 20_000 },
    );
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(/larger than 524288 bytes/);
    expect(existsSync(out)).toBe(false);
  });

  // Issue 21: an overlay could render for ever (nested each), write a file of megabytes, or print raw
  // escape sequences through {{log}} and Handlebars' own warnings.
  const overlay = (name: string, template: string) => {
    const root = join(dir, `templates-${name}`);
    mkdirSync(join(root, 'docs'), { recursive: true });
    writeFileSync(join(root, 'docs', 'README.md.hbs'), template);
    return root;
  };
  const runOverlay = (root: string) => {
    const out = join(dir, `out-${root.split('-').at(-1)}`);
    return {
      out,
      result: cli(['--answers', writeAnswers(dir, minimalAnswers()), '--out', out, '--templates', root], {
        timeoutMs: 60_000,
      }),
    };
  };

  it('a --templates overlay that loops without end is stopped, naming the template; nothing written', () => {
    const nest = (depth: number): string =>
      depth === 0 ? 'x' : `{{#each @root.commonTags}}{{#each @root.policyTags}}${nest(depth - 1)}{{/each}}{{/each}}`;
    const { out, result } = runOverlay(overlay('loop', nest(6)));
    expect(result.code, `killed by the test's timeout? ${result.stderr}`).toBe(2);
    expect(result.stderr).toMatch(/templates\/docs\/README\.md\.hbs: .*more than \d+ loop steps/);
    expect(existsSync(out)).toBe(false);
  }, 70_000);

  it('a --templates overlay that writes megabytes is refused; nothing written', () => {
    const { out, result } = runOverlay(overlay('huge', `{{#each @root.policyTags}}${'y'.repeat(300 * 1024)}{{/each}}`));
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(/README\.md\.hbs: .*more than 1048576 bytes/);
    expect(existsSync(out)).toBe(false);
  }, 70_000);

  it("a --templates overlay's {{log}} and Handlebars' warnings never reach the terminal", () => {
    const root = overlay(
      'log',
      '{{log "\u001b]0;owned\u0007"}}{{#with project}}{{lookup this "constructor"}}{{/with}}Readme',
    );
    const { result } = runOverlay(root);
    expect(result.stdout + result.stderr).not.toContain('\u001b]0;owned');
    expect(result.stdout + result.stderr).not.toMatch(/Handlebars: Access has been denied/);
  }, 70_000);

  it('a FIFO that never ends is read up to the limit', () => {
    const fifo = join(dir, 'answers.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const writer = spawn('sh', ['-c', `exec yes version: > '${fifo}'`], { stdio: 'ignore' });
    try {
      const result = cli(['recommend', '--answers', fifo], { timeoutMs: 20_000 });
      expect(result.code, result.stderr).toBe(2);
      expect(result.stderr).toMatch(/more than 262144 bytes/);
    } finally {
      writer.kill('SIGKILL');
    }
  });
});
