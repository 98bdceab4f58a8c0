// The command line, described once: parsing and --help both come from this table.
import { EXIT, InputError } from './errors.ts';
import { didYouMean } from './text/did-you-mean.ts';
import { printable } from './text/printable.ts';
import { ARCHITECTURES, OPERATING_SYSTEMS, orList } from '../questionnaire/answer-values.ts';

const COMMANDS = {
  generate: 'Generate the folder from an answers file (the default when --answers is given).',
  recommend: 'Print the recommended design and its reasons.',
  schema: 'Print the JSON Schema of the answers file.',
  lookup: 'Find the current base AMI for an OS, architecture and region (needs AWS credentials).',
  audit: "Check the account's own AMIs against the tagging policy (needs AWS credentials).",
  workshop: 'Walk a team through the design spectrum and a live what-if board (terminal).',
} as const;
type CommandName = keyof typeof COMMANDS;

const OPTIONS = {
  answers: { value: 'FILE', help: 'Answers file (YAML) to read instead of asking.' },
  out: { value: 'DIR', help: 'Folder to generate into (default: ./ami-build).' },
  'dry-run': { help: 'Print the file plan (create/update/unchanged/conflict); write nothing.' },
  force: {
    help: 'Replace generated files you edited since the last run; a file ami-wizard never wrote is kept as NAME.orig. Never follows a symlink.',
  },
  json: { help: 'Print machine-readable JSON instead of text.' },
  templates: { value: 'DIR', help: 'Folder of template modules that add to or replace the built-in ones.' },
  yes: { help: 'Accept the defaults for every question not in --answers (wizard).' },
  compare: { value: 'FILE', help: 'recommend: a second answers file to compare with.' },
  resolve: { help: 'generate: look up the current base AMI first and record it (needs AWS credentials).' },
  os: { value: 'OS', help: `lookup: ${orList(OPERATING_SYSTEMS)}.` },
  arch: { value: 'ARCH', help: `lookup: ${orList(ARCHITECTURES)}.` },
  region: { value: 'REGION', help: 'lookup, audit: AWS region (audit: repeatable); default from the AWS config.' },
  policy: { value: 'FILE', help: 'audit: tag policy JSON to check against (default: from --answers).' },
  'max-age-days': { value: 'N', help: 'audit: images older than this fail (default: the answers, else 365).' },
  'aws-timeout': { value: 'SECONDS', help: 'lookup, audit, --resolve: give up on an AWS call after this long (default 30).' },
  help: { help: 'Show this help.' },
  version: { help: 'Show the version.' },
} as const;
type OptionName = keyof typeof OPTIONS;

export interface CliArgs {
  command?: CommandName;
  answers?: string;
  out?: string;
  dryRun: boolean;
  force: boolean;
  json: boolean;
  templates?: string;
  yes: boolean;
  compare?: string;
  resolve: boolean;
  os?: string;
  arch?: string;
  regions: string[];
  policy?: string;
  maxAgeDays?: string;
  /** Deadline of one AWS call, retries and credential lookup included. */
  awsTimeoutMs: number;
  help: boolean;
  version: boolean;
}

export function parseArgs(argv: readonly string[]): CliArgs {
  const args: CliArgs = {
    dryRun: false, force: false, json: false, yes: false, resolve: false, regions: [], awsTimeoutMs: DEFAULT_AWS_TIMEOUT_MS, help: false, version: false,
  };
  const values: Partial<Record<OptionName, string | true>> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-h') values.help = true;
    else if (arg === '-v') values.version = true;
    else if (arg.startsWith('--')) {
      const [rawName, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
      // Own properties only: --constructor or --toString must not find Object.prototype.
      if (!Object.hasOwn(OPTIONS, rawName)) {
        const guess = didYouMean(rawName, Object.keys(OPTIONS));
        throw new InputError(`Unknown option --${printable(rawName)}.${guess ? ` Did you mean --${guess}?` : ''} See ami-wizard --help.`);
      }
      const name = rawName as OptionName;
      if ('value' in OPTIONS[name]) {
        const value = inline ?? argv[++i];
        if (value === undefined || value === '' || (inline === undefined && value.startsWith('--'))) {
          throw new InputError(`--${name} needs a value: --${name} ${OPTIONS[name].value}`);
        }
        if (name === 'region') args.regions.push(value);
        values[name] = value;
      } else {
        if (inline !== undefined) throw new InputError(`--${name} takes no value.`);
        values[name] = true;
      }
    } else if (!args.command && Object.hasOwn(COMMANDS, arg)) args.command = arg as CommandName;
    else {
      const guess = didYouMean(arg, Object.keys(COMMANDS));
      throw new InputError(`Unknown command "${printable(arg)}".${guess ? ` Did you mean "${guess}"?` : ''} See ami-wizard --help.`);
    }
  }
  args.answers = values.answers as string | undefined;
  args.out = values.out as string | undefined;
  args.templates = values.templates as string | undefined;
  args.compare = values.compare as string | undefined;
  args.os = values.os as string | undefined;
  args.arch = values.arch as string | undefined;
  args.policy = values.policy as string | undefined;
  args.maxAgeDays = values['max-age-days'] as string | undefined;
  if (values['aws-timeout'] !== undefined) args.awsTimeoutMs = parseSeconds(values['aws-timeout'] as string);
  args.yes = values.yes === true;
  args.resolve = values.resolve === true;
  args.dryRun = values['dry-run'] === true;
  args.force = values.force === true;
  args.json = values.json === true;
  args.help = values.help === true;
  args.version = values.version === true;
  return args;
}

export const DEFAULT_AWS_TIMEOUT_MS = 30_000;

function parseSeconds(value: string): number {
  const seconds = /^\d{1,4}$/.test(value) ? Number(value) : NaN;
  if (!(seconds >= 1 && seconds <= 3600)) {
    throw new InputError(`--aws-timeout needs a number of seconds between 1 and 3600, for example --aws-timeout 60.`);
  }
  return seconds * 1000;
}

export function helpText(version: string): string {
  const lines = [
    `ami-wizard ${version}: decide how much to bake into your AMIs, then generate the scaffolding.`,
    '',
    'Usage:',
    '  ami-wizard --answers FILE [--out DIR] [--dry-run] [--force] [--json]',
    '  ami-wizard recommend --answers FILE [--json]',
    '  ami-wizard schema',
    '  ami-wizard                              (in a terminal: the interactive wizard)',
    '  ami-wizard workshop [--answers FILE]',
    '  ami-wizard lookup --os OS --arch ARCH [--region REGION]',
    '  ami-wizard audit [--region R ...] [--policy FILE | --answers FILE] [--json]',
    '',
    'Commands:',
    ...Object.entries(COMMANDS).map(([name, help]) => `  ${name.padEnd(22)}${help}`),
    '',
    'Options:',
    ...Object.entries(OPTIONS).map(([name, o]) => `  ${`--${name}${'value' in o ? ` ${o.value}` : ''}`.padEnd(22)}${o.help}`),
    '',
    `Exit codes: ${EXIT.ok} success, ${EXIT.failure} failure or conflicts, ${EXIT.badInput} bad input, ${EXIT.cancelled} cancelled.`,
  ];
  return `${lines.join('\n')}\n`;
}
