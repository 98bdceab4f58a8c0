// The command line, described once (Pastel style): each option's entry gives its help line, its
// value and how it is read; the CliArgs type, the parser, the usage lines and --help all come from
// these two tables. Plain functions, no zod: this runs at every start.
import { EXIT, InputError } from './errors.ts';
import { didYouMean } from './text/did-you-mean.ts';
import { printable } from './text/printable.ts';
import { ARCHITECTURES, OPERATING_SYSTEMS, orList } from '../questionnaire/answer-values.ts';

/** One option: its --help line, the placeholder of its value (none for a flag) and how what was given is read. */
interface Option<T> {
  readonly help: string;
  /** The value's placeholder in --help, for an option that takes one. */
  readonly value?: string;
  /** A one-letter alias (-h). */
  readonly short?: string;
  /** The CliArgs field, when it is not the option's name in camelCase. */
  readonly key?: string;
  /** Turns every value given, in order (for a flag: one '' per time it was given), into the field. */
  readonly read: (given: readonly string[]) => T;
  /** May be given more than once (every value counts); any other option given twice is refused. */
  readonly repeatable?: true;
}

const flag = (help: string, short?: string): Option<boolean> => ({ help, short, read: (given) => given.length > 0 });
/** A value, given once. */
const text = (value: string, help: string): Option<string | undefined> => ({
  help,
  value,
  read: (given) => given.at(-1),
});
/** A value that may be given more than once: every one counts. */
const repeated = (value: string, help: string): Option<string[]> => ({
  help,
  value,
  repeatable: true,
  read: (given) => [...given],
});

const DEFAULT_AWS_TIMEOUT_MS = 30_000;

function awsTimeoutMs(given: readonly string[]): number {
  const value = given.at(-1);
  if (value === undefined) return DEFAULT_AWS_TIMEOUT_MS;
  const seconds = /^\d{1,4}$/.test(value) ? Number(value) : NaN;
  if (!(seconds >= 1 && seconds <= 3600)) {
    throw new InputError(`--aws-timeout needs a number of seconds between 1 and 3600, for example --aws-timeout 60.`);
  }
  return seconds * 1000;
}

const DEFAULT_CONCURRENCY = 16;
const MAX_CONCURRENCY = 256;

function concurrency(given: readonly string[]): number {
  const value = given.at(-1);
  if (value === undefined) return DEFAULT_CONCURRENCY;
  const n = /^\d{1,3}$/.test(value) ? Number(value) : NaN;
  if (!(n >= 1 && n <= MAX_CONCURRENCY)) {
    throw new InputError(
      `--concurrency needs a whole number of AWS calls at once between 1 and ${MAX_CONCURRENCY} (default ${DEFAULT_CONCURRENCY}), for example --concurrency 8.`,
    );
  }
  return n;
}

const OPTIONS = {
  answers: text('FILE', 'Answers file (YAML) to read instead of asking.'),
  out: text('DIR', 'Folder to generate into (default: ./ami-build).'),
  'dry-run': flag('Print the file plan (create/update/unchanged/conflict); write nothing.'),
  force: flag(
    'Replace generated files you edited since the last run; a file ami-wizard never wrote is kept as NAME.orig. Never follows a symlink.',
  ),
  json: flag('Print machine-readable JSON instead of text.'),
  templates: text('DIR', 'Folder of template modules that add to or replace the built-in ones.'),
  yes: flag('Accept the defaults for every question not in --answers (wizard).'),
  compare: text('FILE', 'recommend: a second answers file to compare with.'),
  resolve: flag('generate: look up the current base AMI first and record it (needs AWS credentials).'),
  os: text('OS', `lookup: ${orList(OPERATING_SYSTEMS)}.`),
  arch: text('ARCH', `lookup: ${orList(ARCHITECTURES)}.`),
  region: {
    ...repeated('REGION', 'lookup, audit: AWS region (audit: repeatable); default from the AWS config.'),
    key: 'regions',
  },
  policy: text('FILE', 'audit: tag policy JSON to check against (default: from --answers).'),
  'max-age-days': text('N', 'audit: images older than this fail (default: the answers, else 365).'),
  org: flag('audit: every ACTIVE account of the organization (Organizations ListAccounts), through --role-name.'),
  accounts: text('FILE', 'audit: these accounts (one 12-digit id a line) instead of the organization listing.'),
  'role-name': text(
    'NAME',
    'audit --org: the role assumed in each account (default: ami-wizard-audit, iam/audit-role.yaml).',
  ),
  'external-id': text('ID', "audit --org: the external id the role's trust policy requires."),
  concurrency: {
    help: `audit --org: AWS calls in flight at once (default ${DEFAULT_CONCURRENCY}).`,
    value: 'N',
    read: concurrency,
  },
  view: text('ARN', 'audit --org: find the images through this Resource Explorer aggregator view.'),
  resume: text('FILE', 'audit --org: record finished accounts here, and skip the ones it already lists.'),
  // The deadline of one AWS call, retries and credential lookup included, in milliseconds.
  'aws-timeout': {
    help: 'lookup, audit, --resolve: give up on an AWS call after this long (default 30).',
    value: 'SECONDS',
    key: 'awsTimeoutMs',
    read: awsTimeoutMs,
  },
  help: flag('Show this help.', 'h'),
  version: flag('Show the version.', 'v'),
} as const satisfies Record<string, Option<unknown>>;
type OptionName = keyof typeof OPTIONS;

/** How a usage line names options: `name` required, `[name]` optional, `[name ...]` any number of times, `[a|b]` one or the other. */
type UsageWord = OptionName | `[${OptionName}]` | `[${OptionName} ...]` | `[${OptionName}|${OptionName}]`;

interface Command {
  readonly help: string;
  readonly usage: readonly UsageWord[];
  /** Options it also takes, beyond its usage line (each documents its command in its own help). */
  readonly also?: readonly OptionName[];
  /** Run when no command is named (and --answers is given): its usage line names none. */
  readonly isDefault?: boolean;
}

const COMMANDS = {
  generate: {
    help: 'Generate the folder from an answers file (the default when --answers is given).',
    usage: ['answers', '[out]', '[dry-run]', '[force]', '[json]'],
    also: ['templates', 'resolve', 'aws-timeout'],
    isDefault: true,
  },
  recommend: { help: 'Print the recommended design and its reasons.', usage: ['answers', '[json]'], also: ['compare'] },
  schema: { help: 'Print the JSON Schema of the answers file.', usage: [] },
  lookup: {
    help: 'Find the current base AMI for an OS, architecture and region (needs AWS credentials).',
    usage: ['os', 'arch', '[region]'],
    also: ['answers', 'json', 'aws-timeout'],
  },
  audit: {
    help: "Check the account's own AMIs against the tagging policy (needs AWS credentials).",
    usage: ['[region ...]', '[policy|answers]', '[json]'],
    also: [
      'max-age-days',
      'aws-timeout',
      'org',
      'accounts',
      'role-name',
      'external-id',
      'concurrency',
      'resume',
      'view',
    ],
  },
  workshop: {
    help: 'Walk a team through the design spectrum and a live what-if board (terminal).',
    usage: ['[answers]'],
  },
} as const satisfies Record<string, Command>;
type CommandName = keyof typeof COMMANDS;

/** What the wizard (no command, in a terminal) takes; with --answers and no command, generate's options count too. */
const WIZARD_OPTIONS: readonly OptionName[] = ['answers', 'out', 'yes', 'templates', 'dry-run', 'force'];
/** Taken by every command: they answer before any command runs. */
const ANYWHERE: readonly OptionName[] = ['help', 'version'];

/** The options a usage line names: `[a|b ...]` gives a and b. */
const usageOptions = (usage: readonly UsageWord[]): OptionName[] =>
  usage.flatMap(
    (word) =>
      word
        .replace(/^\[|\]$/g, '')
        .split(' ')[0]!
        .split('|') as OptionName[],
  );

function optionsTakenBy(command: CommandName | undefined): Set<OptionName> {
  const of = (name: CommandName) => {
    const c: Command = COMMANDS[name];
    return [...usageOptions(c.usage), ...(c.also ?? [])];
  };
  return new Set([...ANYWHERE, ...(command ? of(command) : [...of('generate'), ...WIZARD_OPTIONS])]);
}

const andList = (items: readonly string[], last: string): string =>
  items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} ${last} ${items.at(-1)}`;

type CamelCase<S extends string> = S extends `${infer Head}-${infer Tail}`
  ? `${Head}${Capitalize<CamelCase<Tail>>}`
  : S;
type FieldOf<N extends OptionName> = (typeof OPTIONS)[N] extends { key: infer K extends string } ? K : CamelCase<N>;
type ValueOf<N extends OptionName> = ReturnType<(typeof OPTIONS)[N]['read']>;
type Fields = { [N in OptionName as FieldOf<N>]: ValueOf<N> };
type MaybeMissing<T> = { [K in keyof T as undefined extends T[K] ? K : never]?: Exclude<T[K], undefined> };
type AlwaysThere<T> = { [K in keyof T as undefined extends T[K] ? never : K]: T[K] };

/** The parsed command line: one field per option (see OPTIONS), and the command named. */
export type CliArgs = { command?: CommandName } & MaybeMissing<Fields> & AlwaysThere<Fields>;

const camelCase = (name: string): string => name.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
const fieldOf = (name: OptionName): string => {
  const option: Option<unknown> = OPTIONS[name];
  return option.key ?? camelCase(name);
};
const SHORT: ReadonlyMap<string, OptionName> = new Map(
  (Object.keys(OPTIONS) as OptionName[]).flatMap((name) => {
    const short = (OPTIONS[name] as Option<unknown>).short;
    return short ? [[`-${short}`, name] as const] : [];
  }),
);

export function parseArgs(argv: readonly string[]): CliArgs {
  let command: CommandName | undefined;
  const given = new Map<OptionName, string[]>();
  const add = (name: OptionName, value: string) => given.set(name, [...(given.get(name) ?? []), value]);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const short = SHORT.get(arg);
    if (short) add(short, '');
    else if (arg.startsWith('--')) {
      const [rawName, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
      // Own properties only: --constructor or --toString must not find Object.prototype.
      if (!Object.hasOwn(OPTIONS, rawName)) {
        const guess = didYouMean(rawName, Object.keys(OPTIONS));
        throw new InputError(
          `Unknown option --${printable(rawName)}.${guess ? ` Did you mean --${guess}?` : ''} See ami-wizard --help.`,
        );
      }
      const name = rawName as OptionName;
      const placeholder = (OPTIONS[name] as Option<unknown>).value;
      if (placeholder) {
        const value = inline ?? argv[++i];
        if (value === undefined || value === '' || (inline === undefined && value.startsWith('--'))) {
          throw new InputError(`--${name} needs a value: --${name} ${placeholder}`);
        }
        add(name, value);
      } else {
        if (inline !== undefined) throw new InputError(`--${name} takes no value.`);
        add(name, '');
      }
    } else if (!command && Object.hasOwn(COMMANDS, arg)) command = arg as CommandName;
    else {
      const guess = didYouMean(arg, Object.keys(COMMANDS));
      throw new InputError(
        `Unknown command "${printable(arg)}".${guess ? ` Did you mean "${guess}"?` : ''} See ami-wizard --help.`,
      );
    }
  }
  checkGiven(command, given);
  const args: Record<string, unknown> = command ? { command } : {};
  for (const name of Object.keys(OPTIONS) as OptionName[]) {
    const value = (OPTIONS[name] as Option<unknown>).read(given.get(name) ?? []);
    if (value !== undefined) args[fieldOf(name)] = value;
  }
  return args as CliArgs;
}

/** Refuses an option given twice (unless repeatable) and one the command does not take; --help and --version skip both checks. */
function checkGiven(command: CommandName | undefined, given: ReadonlyMap<OptionName, string[]>): void {
  if (ANYWHERE.some((name) => given.has(name))) return;
  for (const [name, values] of given) {
    if (values.length > 1 && !(OPTIONS[name] as Option<unknown>).repeatable)
      throw new InputError(`--${name} was given twice; give it once.`);
  }
  const taken = optionsTakenBy(command);
  const refused = [...given.keys()].filter((name) => !taken.has(name));
  if (refused.length === 0) return;
  const who = command ?? (given.has('answers') ? 'ami-wizard --answers' : 'The wizard');
  const takes = (Object.keys(OPTIONS) as OptionName[])
    .filter((name) => taken.has(name) && !ANYWHERE.includes(name))
    .map((name) => `--${name}`);
  throw new InputError(
    `${who} does not take ${andList(
      refused.map((name) => `--${name}`),
      'or',
    )}. ` + `It takes ${takes.length ? andList(takes, 'and') : 'no options'}. See ami-wizard --help.`,
  );
}

/** `--name VALUE` (`--name` for a flag). */
function optionUsage(name: OptionName): string {
  const option: Option<unknown> = OPTIONS[name];
  return `--${name}${option.value ? ` ${option.value}` : ''}`;
}

function usageWord(word: UsageWord): string {
  if (!word.startsWith('[')) return optionUsage(word as OptionName);
  const [names, more] = word.slice(1, -1).split(' ');
  return `[${(names!.split('|') as OptionName[]).map(optionUsage).join(' | ')}${more ? ` ${more}` : ''}]`;
}

function usageLines(): string[] {
  const lines = Object.entries(COMMANDS as Record<CommandName, Command>).map(([name, c]) =>
    ['  ami-wizard', ...(c.isDefault ? [] : [name]), ...c.usage.map(usageWord)].join(' '),
  );
  // With neither a command nor --answers, in a terminal: the wizard.
  lines.splice(1, 0, `${'  ami-wizard'.padEnd(42)}(in a terminal: the interactive wizard)`);
  return lines;
}

export function helpText(version: string): string {
  const lines = [
    `ami-wizard ${version}: decide how much to bake into your AMIs, then generate the scaffolding.`,
    '',
    'Usage:',
    ...usageLines(),
    '',
    'Commands:',
    ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(22)}${c.help}`),
    '',
    'Options:',
    ...(Object.keys(OPTIONS) as OptionName[]).map((name) => {
      const o: Option<unknown> = OPTIONS[name];
      return `  ${`--${name}${o.value ? ` ${o.value}` : ''}`.padEnd(22)}${o.help}`;
    }),
    '',
    `Exit codes: ${EXIT.ok} success, ${EXIT.failure} failure or conflicts, ${EXIT.badInput} bad input, ${EXIT.incomplete} audit incomplete, ${EXIT.cancelled} cancelled.`,
  ];
  return `${lines.join('\n')}\n`;
}
