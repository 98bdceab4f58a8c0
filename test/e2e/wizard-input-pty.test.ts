// Input as a terminal really delivers it: fast typing, key repeat, pastes and `tmux send-keys` arrive
// as one read, so each test here sends its keys in ONE write. Also stray digits, resizes, TERM=dumb
// and keys typed before the wizard is ready.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { load } from 'js-yaml';
import { OPERATING_SYSTEMS, OS_LABELS } from '../../questionnaire/answer-values.ts';
import { PTY_KEY as KEY, type PtySession, wizardSession, ptyTestFolder } from '../support/pty-session.ts';

const pty = ptyTestFolder('ami-wizard-input-pty-');

function wizard(
  args: string[] = [],
  options: { cols?: number; rows?: number; env?: Record<string, string> } = {},
): PtySession {
  return pty.track(wizardSession(join(pty.dir, 'my-web-store'), args, options));
}

// The count of steps may change as the wizard learns questions; the step number is what matters here.
const step = (n: number) => new RegExp(`Step ${n} of \\d+`);

/** Enter on every screen from step `from` to the last. */
async function enterToEnd(s: PtySession, from: number): Promise<void> {
  await s.waitFor(step(from));
  const last = Number(/Step \d+ of (\d+)/.exec(s.screen())![1]);
  for (let n = from; n <= last; n++) {
    await s.waitFor(step(n));
    await s.enterScreen();
  }
}

function savedAnswers(): { project: { name: string }; platform: { os: string } } {
  return load(readFileSync(join(pty.dir, 'my-web-store', 'ami-build', 'ami-wizard.yaml'), 'utf8')) as never;
}

describe('keys that arrive in one read', () => {
  it('Enter Enter on the welcome screen advances twice', async () => {
    const s = wizard();
    await s.waitFor('Enter start');
    s.write(KEY.enter + KEY.enter);
    await s.waitFor(step(3));
  });

  it('two Downs and Enter move two rows and confirm', async () => {
    const s = wizard();
    await s.waitFor('Enter start');
    await s.press(KEY.enter);
    await s.waitFor(step(2));
    await s.press(KEY.enter);
    await s.waitFor(step(3));
    s.write(KEY.down + KEY.down + KEY.enter);
    await s.waitFor(step(4));
    await s.press(KEY.escape);
    await s.waitFor(step(3));
    await s.waitFor(`❯ ${OS_LABELS[OPERATING_SYSTEMS[2]]}`);
  });

  it('four Backspaces and "shop" on the project name save "shop", no DEL bytes', async () => {
    const s = wizard();
    await s.waitFor('Enter start');
    await s.press(KEY.enter);
    await s.waitFor(step(2));
    s.write(`${KEY.backspace.repeat(4)}shop`);
    await s.waitFor('shop');
    await s.press(KEY.enter);
    await enterToEnd(s, 3);
    expect(await s.exit).toBe(0);
    const name = savedAnswers().project.name;
    expect(name).not.toMatch(/[\u0000-\u001F\u007F]/);
    expect(name).toBe('shop');
  });
});

/** Goes screen by screen with Enter from step `from` until the screen shows `marker`. */
async function enterUntil(s: PtySession, from: number, marker: string): Promise<number> {
  for (let n = from; ; n++) {
    await s.waitFor(step(n));
    if (s.screen().includes(marker)) return n;
    await s.enterScreen();
  }
}

describe('stray keys', () => {
  it('3 on the recommendation does not override the design', async () => {
    const s = wizard([], { rows: 45 });
    await s.waitFor('Enter start');
    await s.press(KEY.enter);
    const at = await enterUntil(s, 2, 'Recommended:');
    await s.press('3');
    // Had `3` acted, Esc would come back to the recommendation; it goes to the screen before it.
    await s.press(KEY.escape);
    await s.waitFor(step(at - 1));
  });

  it('2 on the Files screen does not quit', async () => {
    const s = wizard([], { rows: 45 });
    await s.waitFor('Enter start');
    await s.press(KEY.enter);
    const at = await enterUntil(s, 2, 'Write these files?');
    s.write('2'); // draws nothing: the Escape after it, read in order, shows it was taken and ignored
    await s.press(KEY.escape);
    await s.waitFor(step(at - 1));
    expect(s.raw).not.toContain('nothing was written');
  });
});

describe('resizing the terminal', () => {
  it('leaves no stale header lines when it shrinks', async () => {
    const s = wizard([], { cols: 120, rows: 40 });
    await s.waitFor('Enter start');
    await s.press(KEY.enter);
    await s.waitFor(step(2));
    for (const [cols, rows] of [
      [100, 36],
      [90, 32],
      [72, 30],
    ] as const) {
      s.resize(cols, rows);
      await s.press(KEY.right);
    }
    await s.press(KEY.enter);
    await s.waitFor(step(3));
    await s.press(KEY.enter);
    await s.waitFor(step(4));
    const headers = s
      .screen()
      .split('\n')
      .filter((line) => line.startsWith('ami-wizard ·'));
    expect(headers, s.screen()).toHaveLength(1);
  });
});

describe('a terminal that cannot move the cursor', () => {
  it('TERM=dumb: refuses with one line naming --answers, no cursor or clear codes (exit 2)', async () => {
    const s = wizard([], { env: { TERM: 'dumb' } });
    expect(await s.exit).toBe(2);
    expect(s.raw).toContain('--answers');
    expect(s.raw.trim().split('\n')).toHaveLength(1);
    // No CSI at all: no cursor movement, no erase, no hidden cursor, no colour.
    expect(s.raw).not.toContain('\u001B[');
  });
});

describe('keys typed before the wizard is ready', () => {
  it('an Enter typed at once, before even the first frame, is kept and takes the wizard to step 2', async () => {
    const s = wizard();
    s.write(KEY.enter);
    await s.waitFor(/Step ([2-9]|\d\d+) of \d+/);
  });

  it('an Enter typed on the first frame, before Ink reads keys, is kept', async () => {
    const s = wizard();
    await s.waitFor('How much software');
    s.write(KEY.enter);
    await s.waitFor(/Step ([2-9]|\d\d+) of \d+/);
  });
});
