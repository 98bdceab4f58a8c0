// The command line as a hostile user types it: names that exist only on Object.prototype are not
// options or commands, and every value is bounded.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { InputError } from '../source/errors.ts';
import { helpText, parseArgs } from '../source/cli-options.ts';
import type { CliArgs } from '../source/cli-options.ts';
import type { CommandIO } from '../source/commands/context.ts';
import { quickReplies } from '../source/commands/quick-replies.ts';
import { printableMessage } from '../source/text/printable.ts';

const PROTOTYPE_NAMES = [
  'constructor',
  'toString',
  'hasOwnProperty',
  '__proto__',
  'valueOf',
  'isPrototypeOf',
  '__defineGetter__',
];

describe('parseArgs', () => {
  it.each(PROTOTYPE_NAMES)('refuses --%s: not an option', (name) => {
    expect(() => parseArgs([`--${name}`])).toThrow(InputError);
    expect(() => parseArgs([`--${name}`])).toThrow(/Unknown option/);
  });

  it.each(PROTOTYPE_NAMES)('refuses %s as a command', (name) => {
    expect(() => parseArgs([name])).toThrow(/Unknown command/);
  });

  it('names an unknown option or command without its control characters', () => {
    expect(() => parseArgs(['--x\u001b]0;owned\u0007'])).toThrow('Unknown option --x\\x1b]0;owned\\x07.');
    expect(() => parseArgs(['gen\u202eerate'])).toThrow('Unknown command "gen\\u202eerate".');
  });

  it('reads --aws-timeout as seconds', () => {
    expect(parseArgs(['audit', '--aws-timeout', '5']).awsTimeoutMs).toBe(5000);
    expect(parseArgs(['audit']).awsTimeoutMs).toBe(30_000);
    expect(() => parseArgs(['audit', '--aws-timeout', 'soon'])).toThrow(
      /--aws-timeout needs a number of seconds between 1 and 3600/,
    );
    expect(() => parseArgs(['audit', '--aws-timeout', '0'])).toThrow(/--aws-timeout/);
  });

  it('documents what --force overwrites and the AWS deadline', () => {
    const help = helpText('1.0.0');
    expect(help).toMatch(/--force\s+.*NAME\.orig/);
    expect(help).toMatch(/--aws-timeout SECONDS/);
  });

  it('gives every flag false and the defaults when nothing is given', () => {
    expect(parseArgs([])).toEqual({
      dryRun: false,
      force: false,
      json: false,
      yes: false,
      resolve: false,
      regions: [],
      org: false,
      concurrency: 16,
      awsTimeoutMs: 30_000,
      help: false,
      version: false,
    });
  });

  it('reads --concurrency as a whole number from 1 to 256', () => {
    expect(parseArgs(['audit', '--org', '--concurrency', '4']).concurrency).toBe(4);
    for (const bad of ['0', '257', '1.5', 'many', '-3'])
      expect(() => parseArgs(['audit', '--org', `--concurrency=${bad}`])).toThrow(/--concurrency needs a whole number/);
  });

  it('reads values after the option or after =, the last one given counting; --region every time', () => {
    const args = parseArgs([
      'audit',
      '--region',
      'eu-west-1',
      '--region=us-east-1',
      '--out',
      'a',
      '--out=b',
      '--max-age-days',
      '90',
      '--dry-run',
      '-h',
      '-v',
    ]);
    expect(args).toMatchObject({
      command: 'audit',
      regions: ['eu-west-1', 'us-east-1'],
      out: 'b',
      maxAgeDays: '90',
      dryRun: true,
      help: true,
      version: true,
    });
  });

  it('refuses a missing value, a value on a flag and a second command, naming the way out', () => {
    expect(() => parseArgs(['--answers'])).toThrow('--answers needs a value: --answers FILE');
    expect(() => parseArgs(['--answers', '--json'])).toThrow('--answers needs a value: --answers FILE');
    expect(() => parseArgs(['--json=yes'])).toThrow('--json takes no value.');
    expect(() => parseArgs(['--anwsers', 'x.yaml'])).toThrow(
      'Unknown option --anwsers. Did you mean --answers? See ami-wizard --help.',
    );
    expect(() => parseArgs(['recommend', 'generate'])).toThrow('Unknown command "generate".');
  });

  it('types each field as its option reads it', () => {
    expectTypeOf<CliArgs['regions']>().toEqualTypeOf<string[]>();
    expectTypeOf<CliArgs['awsTimeoutMs']>().toEqualTypeOf<number>();
    expectTypeOf<CliArgs['dryRun']>().toEqualTypeOf<boolean>();
    expectTypeOf<CliArgs['maxAgeDays']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<CliArgs['command']>().toEqualTypeOf<
      'generate' | 'recommend' | 'schema' | 'lookup' | 'audit' | 'workshop' | undefined
    >();
  });
});

describe('helpText', () => {
  const help = helpText('1.0.0');
  const section = (title: string) => help.split(`${title}:\n`)[1]!.split('\n\n')[0]!.split('\n');

  it('a usage line for each command and the wizard, from the options each takes', () => {
    expect(section('Usage')).toEqual([
      '  ami-wizard --answers FILE [--out DIR] [--dry-run] [--force] [--json]',
      '  ami-wizard                              (in a terminal: the interactive wizard)',
      '  ami-wizard recommend --answers FILE [--json]',
      '  ami-wizard schema',
      '  ami-wizard lookup --os OS --arch ARCH [--region REGION]',
      '  ami-wizard audit [--region REGION ...] [--policy FILE | --answers FILE] [--json]',
      '  ami-wizard workshop [--answers FILE]',
    ]);
  });

  it('every option, with its value, once; the commands; the exit codes', () => {
    const options = section('Options').map((line) => line.trim().split(/\s{2,}|(?<=SECONDS) /)[0]);
    expect(options).toEqual([
      '--answers FILE',
      '--out DIR',
      '--dry-run',
      '--force',
      '--json',
      '--templates DIR',
      '--yes',
      '--compare FILE',
      '--resolve',
      '--os OS',
      '--arch ARCH',
      '--region REGION',
      '--policy FILE',
      '--max-age-days N',
      '--org',
      '--accounts FILE',
      '--role-name NAME',
      '--external-id ID',
      '--concurrency N',
      '--view ARN',
      '--resume FILE',
      '--aws-timeout SECONDS',
      '--help',
      '--version',
    ]);
    expect(section('Commands').map((line) => line.trim().split(' ')[0])).toEqual([
      'generate',
      'recommend',
      'schema',
      'lookup',
      'audit',
      'workshop',
    ]);
    expect(help).toContain(
      '--os OS               lookup: amazon-linux-2023, ubuntu-24.04, rhel-9 or windows-server-2022.',
    );
    expect(help.trimEnd().split('\n').at(-1)).toBe(
      'Exit codes: 0 success, 1 failure or conflicts, 2 bad input, 3 audit incomplete, 130 cancelled.',
    );
  });
});

// Issue 21: a repeated option was silently accepted (the last one winning), and an option the command
// does not take was ignored (`recommend --force --os rhel-9 --policy x.json` exited 0).
describe('options the command does not take, and options given twice', () => {
  it('refuses an option given twice, naming it, unless it may be repeated', () => {
    expect(() => parseArgs(['recommend', '--answers', 'a.yaml', '--compare', 'a', '--compare', 'b'])).toThrow(
      '--compare was given twice; give it once.',
    );
    expect(() => parseArgs(['--answers', 'a.yaml', '--answers=b.yaml'])).toThrow(
      '--answers was given twice; give it once.',
    );
    expect(() => parseArgs(['--answers', 'a.yaml', '--force', '--force'])).toThrow(
      '--force was given twice; give it once.',
    );
    expect(parseArgs(['audit', '--region', 'eu-west-1', '--region', 'us-east-1']).regions).toEqual([
      'eu-west-1',
      'us-east-1',
    ]);
  });

  it('refuses an option the command does not take, naming both and what it takes', () => {
    expect(() =>
      parseArgs(['recommend', '--answers', 'a.yaml', '--force', '--os', 'rhel-9', '--policy', 'x.json']),
    ).toThrow(
      /^recommend does not take --force, --os or --policy\. It takes --answers, --json and --compare\. See ami-wizard --help\.$/,
    );
    expect(() => parseArgs(['schema', '--out', 'x'])).toThrow(/^schema does not take --out\. It takes no options\./);
    expect(() => parseArgs(['workshop', '--json'])).toThrow(/^workshop does not take --json\. It takes --answers\./);
    expect(() => parseArgs(['lookup', '--os', 'rhel-9', '--arch', 'x86_64', '--compare', 'b.yaml'])).toThrow(
      /^lookup does not take --compare\./,
    );
  });

  it('accepts what each command documents, and --help or --version anywhere', () => {
    expect(() =>
      parseArgs([
        '--answers',
        'a.yaml',
        '--out',
        'o',
        '--dry-run',
        '--force',
        '--json',
        '--templates',
        't',
        '--resolve',
        '--aws-timeout',
        '5',
      ]),
    ).not.toThrow();
    expect(() => parseArgs(['--out', 'o', '--yes', '--templates', 't', '--dry-run'])).not.toThrow();
    expect(() => parseArgs(['recommend', '--answers', 'a.yaml', '--compare', 'b.yaml', '--json'])).not.toThrow();
    expect(() =>
      parseArgs([
        'lookup',
        '--os',
        'rhel-9',
        '--arch',
        'arm64',
        '--region',
        'eu-west-1',
        '--json',
        '--answers',
        'a.yaml',
        '--aws-timeout',
        '9',
      ]),
    ).not.toThrow();
    expect(() =>
      parseArgs([
        'audit',
        '--region',
        'eu-west-1',
        '--policy',
        'p.json',
        '--max-age-days',
        '30',
        '--json',
        '--aws-timeout',
        '9',
      ]),
    ).not.toThrow();
    expect(() => parseArgs(['workshop', '--answers', 'a.yaml'])).not.toThrow();
    expect(() => parseArgs(['recommend', '--force', '--help'])).not.toThrow();
    expect(() => parseArgs(['schema', '--version'])).not.toThrow();
  });
});

// The entry (source/cli.ts) prints these for `--help` or `--version` alone without running main:
// they must be main's own output, byte for byte, and cover every alias of the two.
describe('quickReplies', () => {
  async function mainOutput(argv: string[]): Promise<{ code: number; out: string }> {
    const { main } = await import('../source/main.ts');
    let out = '';
    const io = {
      stdout: (text: string) => void (out += printableMessage(text)),
      stderr: (text: string) => void (out += `stderr: ${text}`),
      stdoutDrained: async () => {},
      cwd: process.cwd(),
      env: {},
      isInteractive: false,
    } as unknown as CommandIO;
    return { code: await main(argv, io), out };
  }

  it('answers each argument exactly as main does, with exit code 0', async () => {
    const replies = quickReplies();
    expect(Object.keys(replies).sort()).toEqual(['--help', '--version', '-h', '-v']);
    for (const [arg, text] of Object.entries(replies)) {
      expect(await mainOutput([arg])).toEqual({ code: 0, out: text });
    }
  });
});
