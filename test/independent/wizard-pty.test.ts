// Issue 14's independent pty check: the built CLI (a private copy of dist/, so a concurrent build
// cannot swap chunks under a running wizard) in a real pseudo-terminal, its screen read back through
// @xterm/headless by a session class of its own (not test/support/pty-session.ts, not the e2e
// Session), with cases of its own. Where "one read" is the point, a key group is ONE pty write.
// Every wait polls the screen for a marker; what must NOT happen is proven by a probe key with a
// visible effect (keys are handled in order) and by the answers that land in the written file.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import xterm from '@xterm/headless';
import { spawn } from '@lydell/node-pty';
import type { IPty } from '@lydell/node-pty';
import { parse } from 'yaml';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GUIDANCE_SCREENS, WIZARD_SCREENS } from '../../questionnaire/wizard-screens.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const KEY = { enter: '\r', up: '\u001B[A', down: '\u001B[B', backspace: '\u007F', tab: '\t', space: ' ' } as const;
const SYNC_BEGIN = '\u001B[?2026h';
const SYNC_END = '\u001B[?2026l';
const WAIT_MS = 20_000;
const TEST_MS = 180_000;
// The guidance questions start at step 7 and take one screen each (two share the experience
// screen); the recommendation follows them. From the questionnaire, so a question added or folded
// moves these with it.
const FIRST_GUIDANCE_STEP = 7;
const RECOMMENDATION_STEP = FIRST_GUIDANCE_STEP + GUIDANCE_SCREENS.length;
// The Tags screen (issue 21 folded the four tag screens into one that keeps them unless changed).
const TAGS_STEP = WIZARD_SCREENS.findIndex((screen) => screen.id === 'tags') + 1;

let cli = '';
let scratch = '';

/** A snapshot of the built CLI: dist/ and the package.json it reads its version from. */
function snapshotBuild(into: string): string {
  const dist = join(ROOT, 'dist');
  if (!existsSync(join(dist, 'cli.js'))) throw new Error('dist/cli.js is missing: run `npm run -s build` first');
  for (let attempt = 1; ; attempt++) {
    try {
      rmSync(join(into, 'pkg'), { recursive: true, force: true });
      cpSync(dist, join(into, 'pkg', 'dist'), { recursive: true });
      cpSync(join(ROOT, 'package.json'), join(into, 'pkg', 'package.json'));
      return join(into, 'pkg', 'dist', 'cli.js');
    } catch (error) {
      // A build swapping dist/ while it is copied; the next copy sees the whole new one.
      if (attempt === 5) throw error;
    }
  }
}

interface StartOptions {
  env?: Record<string, string>;
  cols?: number;
  rows?: number;
}

/** One run of the wizard in a pseudo-terminal, read back as a person at that terminal sees it. */
class WizardTerminal {
  readonly cwd: string;
  readonly term: InstanceType<typeof xterm.Terminal>;
  private readonly pty: IPty;
  private pendingWrites = 0;
  private insideFrame = false;
  private lastOutputAt = Date.now();
  private lastActionAt = Date.now();
  /** How many chunks of output have arrived: a mark to wait for output after an action. */
  outputs = 0;
  exit: { exitCode: number } | undefined;

  constructor({ env = {}, cols = 100, rows = 30 }: StartOptions = {}) {
    this.cwd = mkdtempSync(join(scratch, 'run-'));
    this.term = new xterm.Terminal({ cols, rows, allowProposedApi: true, scrollback: 200 });
    const inherited = Object.fromEntries(
      Object.entries(process.env).filter(
        ([key, value]) => value !== undefined && !/^(NO_COLOR|FORCE_COLOR|CI|AWS_.*)$/.test(key),
      ),
    ) as Record<string, string>;
    this.pty = spawn(process.execPath, [cli], {
      name: 'xterm-256color',
      cols,
      rows,
      cwd: this.cwd,
      env: {
        ...inherited,
        TERM: 'xterm-256color',
        HOME: this.cwd,
        // The CLI keeps V8's code cache in the user's cache folder (source/start/code-cache.ts), which with
        // HOME here would be a .cache in the folder the tests expect nothing written to before Enter.
        XDG_CACHE_HOME: join(scratch, 'cache'),
        AWS_CONFIG_FILE: join(this.cwd, 'no-aws-config'),
        ...env,
      },
    });
    this.pty.onData((data) => {
      this.lastOutputAt = Date.now();
      this.outputs++;
      // A frame between synchronized-output marks is read only once its end has arrived.
      const begin = data.lastIndexOf(SYNC_BEGIN);
      const end = data.lastIndexOf(SYNC_END);
      if (begin !== -1 || end !== -1) this.insideFrame = begin > end;
      this.pendingWrites++;
      this.term.write(data, () => this.pendingWrites--);
    });
    this.pty.onExit(({ exitCode }) => {
      this.exit = { exitCode };
    });
  }

  /** The visible screen, one string per row, trailing blanks trimmed. */
  lines(): string[] {
    const buffer = this.term.buffer.active;
    return Array.from(
      { length: this.term.rows },
      (_, row) => buffer.getLine(buffer.viewportY + row)?.translateToString(true) ?? '',
    );
  }

  screen(): string {
    return this.lines().join('\n');
  }

  private settled(): boolean {
    return this.pendingWrites === 0 && !this.insideFrame;
  }

  /** Polls until the settled screen satisfies `test`; fails with the screen it last saw. */
  async until(what: string, test: (screen: string) => boolean, timeoutMs = WAIT_MS): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.settled()) {
        const screen = this.screen();
        if (test(screen)) return screen;
        if (this.exit && this.pendingWrites === 0)
          throw new Error(`wizard exited (${this.exit.exitCode}) while waiting for ${what}; screen:\n${screen}`);
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; screen:\n${this.screen()}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Until no output for `quietMs` since the last key or resize: the time a key that changes nothing is given. */
  async quiet(quietMs = 600): Promise<void> {
    await this.until(
      `${quietMs} ms without output`,
      () => Date.now() - Math.max(this.lastOutputAt, this.lastActionAt) >= quietMs,
    );
  }

  write(keys: string): void {
    this.lastActionAt = Date.now();
    this.pty.write(keys);
  }

  /** Resizes the window (the pty and the emulator, which reflows as a terminal does) and waits for the
   * wizard to draw again (output after the resize, then a quiet spell) showing `marker` within `cols`. */
  async resize(cols: number, rows: number, marker: string): Promise<void> {
    const mark = this.outputs;
    this.lastActionAt = Date.now();
    this.pty.resize(cols, rows);
    this.term.resize(cols, rows);
    await this.until(
      `a redraw at ${cols}x${rows} showing "${marker}"`,
      (text) => this.outputs > mark && text.includes(marker),
    );
    await this.quiet(300);
    const wide = this.lines().filter((line) => line.length > cols);
    expect(wide, `lines wider than ${cols} columns`).toEqual([]);
  }

  async exited(): Promise<{ exitCode: number }> {
    await this.until('the wizard to exit', () => this.exit !== undefined);
    return this.exit!;
  }

  stop(): void {
    if (!this.exit) this.pty.kill();
    this.term.dispose();
  }
}

const stepOf = (screen: string): { step: number; of: number } | undefined => {
  const match = /Step (\d+) of (\d+)/.exec(screen);
  return match ? { step: Number(match[1]), of: Number(match[2]) } : undefined;
};
const atStep = (n: number) => (screen: string) => stepOf(screen)?.step === n;
const highlighted = (screen: string): string =>
  (screen.split('\n').find((line) => line.trimStart().startsWith('❯')) ?? '').replace('❯', '').trim();
const count = (lines: string[], pattern: RegExp): number => lines.filter((line) => pattern.test(line)).length;

const sessions: WizardTerminal[] = [];
function start(options?: StartOptions): WizardTerminal {
  const session = new WizardTerminal(options);
  sessions.push(session);
  return session;
}

/** Waits for the welcome frame and returns the number of steps it announces. */
async function welcome(s: WizardTerminal): Promise<number> {
  const screen = await s.until('the welcome screen', (text) => text.includes('Welcome') && atStep(1)(text));
  return stepOf(screen)!.of;
}

/** One Enter per write, each waiting for the next step: the defaults up to step `target`. */
async function enterUntil(s: WizardTerminal, target: number): Promise<void> {
  for (;;) {
    const now = stepOf(await s.until('a step number', (text) => stepOf(text) !== undefined))!.step;
    if (now >= target) {
      expect(now, 'walked past the intended step').toBe(target);
      return;
    }
    s.write(KEY.enter);
    await s.until(`step ${now + 1}`, atStep(now + 1));
  }
}

/** Moves the list cursor (one Down per write) to the row starting with `label`. */
async function cursorTo(s: WizardTerminal, label: string): Promise<void> {
  for (let i = 0; i < 12; i++) {
    const row = highlighted(s.screen());
    if (row.startsWith(label)) return;
    s.write(KEY.down);
    await s.until(`the cursor to leave "${row}"`, (text) => highlighted(text) !== row);
  }
  throw new Error(`no row "${label}"; screen:\n${s.screen()}`);
}

/** From the current step on: defaults to the Files screen, then "Save the answers only". */
async function saveAnswersOnly(s: WizardTerminal, total: number): Promise<Record<string, any>> {
  await enterUntil(s, total);
  await s.until('the Files screen', (text) => text.includes('Write these files?'));
  await cursorTo(s, 'Save the answers only');
  s.write(KEY.enter);
  expect((await s.exited()).exitCode).toBe(0);
  return parse(readFileSync(join(s.cwd, 'ami-wizard.yaml'), 'utf8'));
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'ami-wizard-independent-pty-'));
  cli = snapshotBuild(scratch);
});

afterEach(() => {
  for (const s of sessions.splice(0)) s.stop();
});

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('keys that arrive in one read', () => {
  it(
    'Backspaces and letters in one chunk edit the name and the roles; no control byte reaches any written file',
    async () => {
      const s = start();
      const total = await welcome(s);
      s.write(KEY.enter);
      await s.until(
        'the project name screen',
        (text) => atStep(2)(text) && text.includes('What is the project called?'),
      );
      s.write('pay');
      await s.until('"pay" typed', (text) => /› pay\s*$/m.test(text));
      s.write(`${KEY.backspace.repeat(3)}shop-web${KEY.backspace.repeat(3)}api`);
      const edited = await s.until('"shop-api" in the field', (text) => /› shop-api\s*$/m.test(text));
      expect(edited).not.toMatch(/pay|shop-web/);
      s.write(KEY.enter);
      await s.until('the OS screen', atStep(3));
      await enterUntil(s, 6);
      await s.until('the roles screen', (text) => text.includes('Which server roles are there?'));
      // Letters, Backspaces and the Enter in one read: the Enter must confirm exactly the edited text.
      s.write(`webx${KEY.backspace}, wrk${KEY.backspace.repeat(2)}orker${KEY.enter}`);
      await s.until('the first guidance question', atStep(7));
      await enterUntil(s, total);
      await cursorTo(s, 'Yes, write the files');
      s.write(KEY.enter);
      expect((await s.exited()).exitCode).toBe(0);

      const out = join(s.cwd, 'ami-build');
      const answers = parse(readFileSync(join(out, 'ami-wizard.yaml'), 'utf8'));
      expect(answers.project.name).toBe('shop-api');
      expect(answers.roles.map((role: { name: string }) => role.name)).toEqual(['web', 'worker']);
      const files = filesUnder(out);
      expect(files.length).toBeGreaterThan(10);
      const withControlBytes = files.filter((file) =>
        /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(readFileSync(file, 'latin1')),
      );
      expect(withControlBytes.map((file) => file.slice(out.length + 1))).toEqual([]);
      const naming = files.filter(
        (file) => file.includes(`${join(out, 'packer')}/`) && readFileSync(file, 'utf8').includes('"shop-api"'),
      );
      expect(naming.length, 'no Packer file names the project "shop-api"').toBeGreaterThan(0);
    },
    TEST_MS,
  );

  it(
    'Down arrows and Enter in one chunk select the intended row, and keys after an Enter go to the next screen',
    async () => {
      const s = start();
      const total = await welcome(s);
      await enterUntil(s, 3);
      await s.until(
        'the OS list',
        (text) => text.includes('Which operating system') && highlighted(text).startsWith('Amazon Linux 2023'),
      );
      s.write(`${KEY.down}${KEY.down}${KEY.enter}`);
      await s.until('the architecture screen', (text) => atStep(4)(text) && text.includes('Which CPU architecture?'));
      s.write(`${KEY.down}${KEY.enter}`);
      await s.until('the regions screen', atStep(5));
      await enterUntil(s, 7);
      // Two screens in one read: Up + Enter on question 1, Down + Enter on question 2.
      s.write(`${KEY.up}${KEY.enter}${KEY.down}${KEY.enter}`);
      await s.until(
        'question 3',
        (text) => atStep(9)(text) && text.includes('How often does the application code change?'),
      );
      // The tags: "Change them" on the Tags screen, the cost center as it is, then the stage list.
      await enterUntil(s, TAGS_STEP);
      await s.until('the Tags screen', (text) => text.includes('Keep these tags'));
      await cursorTo(s, 'Change them');
      s.write(KEY.enter);
      await s.until(
        'the cost center screen',
        (text) => atStep(TAGS_STEP + 1)(text) && text.includes('Which cost center'),
      );
      s.write(KEY.enter);
      await s.until('the stage list', (text) => atStep(TAGS_STEP + 2)(text) && text.includes('Which lifecycle stage'));
      s.write(`${KEY.down}${KEY.down}${KEY.down}${KEY.enter}`);
      const confidentiality = await s.until(
        'the confidentiality screen',
        (text) => atStep(TAGS_STEP + 3)(text) && text.includes('How confidential'),
      );
      // The tag screens "Change them" opened count as steps: the total grew by them.
      const changedTotal = stepOf(confidentiality)!.of;
      expect(changedTotal).toBeGreaterThan(total);

      const answers = await saveAnswersOnly(s, changedTotal);
      expect(answers.platform.os).toBe('rhel-9');
      expect(answers.platform.architecture).toBe('arm64');
      expect(answers.guidance.recoveryTime).toBe('minutes');
      expect(answers.guidance.baselineStability).toBe('weekly');
      expect(answers.guidance.appReleaseCadence).toBe('weekly');
      expect(answers.project.stage).toBe('prod');
    },
    TEST_MS,
  );

  it(
    'a burst of Enters in one write advances exactly that many screens',
    async () => {
      const s = start();
      const total = await welcome(s);
      s.write(KEY.enter.repeat(3)); // welcome, project name (keeps the folder name), OS (default)
      await s.until('the architecture screen', (text) => atStep(4)(text) && text.includes('Which CPU architecture?'));
      // A probe handled after any leftover Enter: its help opens on the same screen.
      s.write('?');
      const probed = await s.until('the architecture help', (text) => text.includes('Why this matters'));
      expect(stepOf(probed)?.step).toBe(4);
      s.write('?');
      await s.until('the help closed', (text) => !text.includes('Why this matters'));
      await enterUntil(s, FIRST_GUIDANCE_STEP);
      s.write(KEY.enter.repeat(GUIDANCE_SCREENS.length)); // the guidance screens
      await s.until('the recommendation', (text) => atStep(RECOMMENDATION_STEP)(text) && text.includes('Recommended:'));
      s.write(KEY.tab);
      const details = await s.until('the second details tab', (text) => text.includes('[What would change it]'));
      expect(stepOf(details)?.step).toBe(RECOMMENDATION_STEP);

      const answers = await saveAnswersOnly(s, total);
      expect(answers.project.name).toBe(basename(s.cwd));
      expect(answers.platform.os).toBe('amazon-linux-2023');
      expect(answers.guidance).toMatchObject({
        recoveryTime: 'tens-of-minutes',
        baselineStability: 'monthly',
        latestAtLaunch: false,
      });
      expect(answers.strategy).toBe('auto');
    },
    TEST_MS,
  );
});

describe('digits never confirm', () => {
  const OS_VALUE: Record<string, string> = {
    'Amazon Linux 2023': 'amazon-linux-2023',
    'Ubuntu 24.04 LTS': 'ubuntu-24.04',
    'Red Hat Enterprise Linux 9': 'rhel-9',
    'Windows Server 2022': 'windows-server-2022',
  };
  const STRATEGY_VALUE: Record<string, string> = {
    Accept: 'auto',
    'Use Fully baked': 'fully-baked',
    'Use Hybrid': 'hybrid',
    'Use JeOS': 'jeos',
  };
  const rowValue = (table: Record<string, string>, row: string): string => {
    const key = Object.keys(table).find((label) => row.startsWith(label));
    if (!key) throw new Error(`no known row in "${row}"`);
    return table[key]!;
  };

  it(
    'a digit on a list keeps the screen; Enter then confirms the highlighted row (OS, architecture, recommendation)',
    async () => {
      const s = start();
      const total = await welcome(s);
      await enterUntil(s, 3);
      s.write('3');
      s.write('?'); // the probe: its help opens only if the 3 left the screen in place
      let screen = await s.until('the OS help', (text) => text.includes('Why this matters'));
      expect(stepOf(screen)?.step).toBe(3);
      expect(screen).toContain('Which operating system');
      const osRow = highlighted(screen);
      s.write('?');
      await s.until('the help closed', (text) => !text.includes('Why this matters'));
      s.write(KEY.enter);
      await s.until('the architecture screen', atStep(4));

      s.write('2');
      s.write('?');
      screen = await s.until('the architecture help', (text) => text.includes('Why this matters'));
      expect(stepOf(screen)?.step).toBe(4);
      const archRow = highlighted(screen);
      s.write('?');
      await s.until('the help closed', (text) => !text.includes('Why this matters'));
      s.write(KEY.enter);
      await s.until('the regions screen', atStep(5));

      await enterUntil(s, RECOMMENDATION_STEP);
      await s.until('the recommendation', (text) => text.includes('Recommended:') && text.includes('[Reasons]'));
      s.write('3');
      s.write(KEY.tab); // the probe: the details switch tab only if the 3 left the screen in place
      screen = await s.until('the second details tab', (text) => text.includes('[What would change it]'));
      expect(stepOf(screen)?.step).toBe(RECOMMENDATION_STEP);
      const designRow = highlighted(screen);
      s.write(KEY.enter);
      await s.until('the build engine screen', atStep(RECOMMENDATION_STEP + 1));

      const answers = await saveAnswersOnly(s, total);
      expect(answers.platform.os).toBe(rowValue(OS_VALUE, osRow));
      expect(answers.platform.architecture).toBe(archRow.startsWith('arm64') ? 'arm64' : 'x86_64');
      expect(answers.strategy).toBe(rowValue(STRATEGY_VALUE, designRow));
    },
    TEST_MS,
  );

  it(
    'a stray digit on the Files screen neither writes nor quits; the run then writes the files',
    async () => {
      const s = start();
      const total = await welcome(s);
      await enterUntil(s, total);
      await s.until(
        'the Files screen',
        (text) => text.includes('Write these files?') && highlighted(text).startsWith('Yes, write the files'),
      );
      const out = join(s.cwd, 'ami-build');
      for (const digit of ['1', '2']) {
        s.write(digit);
        await s.quiet();
        expect(s.exit, `${digit} ended the wizard`).toBeUndefined();
        expect(s.screen()).toContain('Write these files?');
        expect(existsSync(out), `${digit} wrote ${out}`).toBe(false);
        expect(existsSync(join(s.cwd, 'ami-wizard.yaml')), `${digit} saved the answers`).toBe(false);
      }
      // The probe: a Down arrow after the digits still moves the cursor on the Files screen.
      const before = highlighted(s.screen());
      s.write(KEY.down);
      await s.until(
        'the cursor to move',
        (text) => highlighted(text) !== before && text.includes('Write these files?'),
      );
      expect(s.exit).toBeUndefined();
      expect(readdirSync(s.cwd)).toEqual([]);
      while (!highlighted(s.screen()).startsWith('Yes, write the files')) {
        const row = highlighted(s.screen());
        s.write(KEY.up);
        await s.until('the cursor to move up', (text) => highlighted(text) !== row);
      }
      s.write(KEY.enter);
      expect((await s.exited()).exitCode).toBe(0);
      expect(existsSync(join(out, 'ami-wizard.yaml'))).toBe(true);
      expect(existsSync(join(out, 'decision.md'))).toBe(true);
    },
    TEST_MS,
  );
});

describe('no stale lines after the terminal shrinks', () => {
  const EARLIER: Record<number, string[]> = {
    1: ['How much software should you bake', 'Answer a few questions', 'Enter start'],
    2: ['What is the project called?', 'It names the images'],
    3: ['Which operating system', 'The base image the builds start from', 'Amazon Linux 2023'],
    4: ['Which CPU architecture?', 'Graviton (arm64)'],
  };

  /** The screen of `step` drawn once; a frame taller than the terminal may have scrolled its header off. */
  function expectOneScreen(s: WizardTerminal, step: number, title: string, { fits = true } = {}): void {
    const lines = s.lines();
    const shown = lines.join('\n');
    const once = (pattern: RegExp) => expect(count(lines, pattern), `${pattern} on step ${step}:\n${shown}`);
    if (fits) {
      once(/ami-wizard ·/).toBe(1);
      once(/Step \d+ of \d+/).toBe(1);
    } else {
      once(/ami-wizard ·/).toBeLessThanOrEqual(1);
      once(/Step \d+ of \d+/).toBeLessThanOrEqual(1);
    }
    once(new RegExp(title.replace(/[?()]/g, '\\$&'))).toBe(1);
    once(/Enter (confirm|start|choose)/).toBe(1);
    for (const [earlier, markers] of Object.entries(EARLIER)) {
      if (Number(earlier) >= step) continue;
      for (const marker of markers)
        expect(shown, `"${marker}" of step ${earlier} left on step ${step}`).not.toContain(marker);
    }
  }

  it(
    '100x30 shrunk to 70x20 and 60x18: every later screen is drawn once, with nothing of the earlier ones',
    async () => {
      const s = start({ cols: 100, rows: 30 });
      await welcome(s);
      await s.resize(70, 20, 'How much software');
      await s.resize(60, 18, 'Enter start');
      expect(count(s.lines(), /ami-wizard ·/), s.screen()).toBeLessThanOrEqual(1);

      const screens: Array<[number, string]> = [
        [2, 'What is the project called?'],
        [3, 'Which operating system'],
        [4, 'Which CPU architecture?'],
      ];
      for (const [step, title] of screens) {
        s.write(KEY.enter);
        await s.until(`step ${step} at 60x18`, (text) => atStep(step)(text) && text.includes(title));
        await s.quiet(300);
        expectOneScreen(s, step, title);
      }
      // Shrinking again on a later screen; then a screen taller than the terminal, then a short one.
      await s.resize(56, 16, 'Which CPU architecture?');
      expectOneScreen(s, 4, 'Which CPU architecture?');
      s.write(KEY.enter);
      await s.until(
        'the regions at 56x16',
        (text) => text.includes('Which AWS regions') || text.includes('Ticked: us-east-1'),
      );
      await s.quiet(300);
      expectOneScreen(s, 5, 'Ticked: us-east-1', { fits: false });
      s.write(KEY.enter);
      await s.until('step 6 at 56x16', (text) => atStep(6)(text) && text.includes('Which server roles'));
      await s.quiet(300);
      expectOneScreen(s, 6, 'Which server roles');
      expect(s.screen()).not.toMatch(/Which AWS regions|Ticked:|\[[ x]\] /);
    },
    TEST_MS,
  );
});

describe('the region default comes from the environment', () => {
  const cases: Array<{ name: string; env: Record<string, string>; region: string }> = [
    { name: 'AWS_REGION=eu-central-1', env: { AWS_REGION: 'eu-central-1' }, region: 'eu-central-1' },
    {
      name: 'AWS_DEFAULT_REGION=ap-southeast-2 alone',
      env: { AWS_DEFAULT_REGION: 'ap-southeast-2' },
      region: 'ap-southeast-2',
    },
    {
      name: 'both set, AWS_REGION first',
      env: { AWS_REGION: 'eu-central-1', AWS_DEFAULT_REGION: 'ap-southeast-2' },
      region: 'eu-central-1',
    },
  ];

  it.each(cases)(
    '$name: preselected on the regions screen and saved as platform.regions[0]',
    async ({ env, region }) => {
      const s = start({ env });
      const total = await welcome(s);
      await enterUntil(s, 5);
      const screen = await s.until(
        'the regions screen',
        (text) => text.includes('Which AWS regions') && /^Ticked:/m.test(text),
      );
      const ticked = screen.split('\n').find((line) => line.startsWith('Ticked:'))!;
      expect(ticked).toBe(`Ticked: ${region}`);
      s.write(KEY.enter);
      await s.until('the roles screen', atStep(6));
      const answers = await saveAnswersOnly(s, total);
      expect(answers.platform.regions).toEqual([region]);
    },
    TEST_MS,
  );

  it(
    'an unknown region code typed is refused with a message naming it',
    async () => {
      const s = start();
      const total = await welcome(s);
      await enterUntil(s, 5);
      await s.until(
        'the regions screen',
        (text) => text.includes('Which AWS regions') && text.includes('Ticked: us-east-1'),
      );
      s.write('eu-wst-1');
      await s.until('the filter', (text) => text.includes('Filter: eu-wst-1'));
      const message = (text: string) =>
        text
          .split('\n')
          .find((line) => line.includes('eu-wst-1') && !/^(Filter|Ticked):|\[[ x]\]|use "/.test(line.trim()));
      s.write(KEY.enter);
      let screen = await s.until(
        'the filter taken',
        (text) => !text.includes('Filter: eu-wst-1') || message(text) !== undefined,
      );
      if (!message(screen)) {
        s.write(KEY.enter); // confirming the list with it ticked
        screen = await s.until(
          'a message naming eu-wst-1, or the next screen',
          (text) => message(text) !== undefined || !atStep(5)(text),
        );
      }
      expect(stepOf(screen)?.step).toBe(5);
      expect(message(screen)).toMatch(/region/i);
      // Untick it where the list holds it, then the list confirms without it.
      if (/^Ticked:.*eu-wst-1/m.test(screen)) {
        expect(highlighted(screen)).toMatch(/eu-wst-1/);
        s.write(KEY.space);
        await s.until('eu-wst-1 unticked', (text) => /^Ticked: us-east-1$/m.test(text));
      }
      s.write(KEY.enter);
      await s.until('the roles screen', atStep(6));
      const answers = await saveAnswersOnly(s, total);
      expect(answers.platform.regions).toEqual(['us-east-1']);
    },
    TEST_MS,
  );
});
