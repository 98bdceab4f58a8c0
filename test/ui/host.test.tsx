// The promise API over one Ink app: a prompt resolves with the screen's value, Ctrl+C rejects the
// pending prompt, the write screen is never interrupted, and closing gives the terminal back.
// Ink loads as the wizard loads it (through loadUi), so it draws every frame even when CI is set.
import { stripVTControlCharacters } from 'node:util';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { QUESTIONS } from '../../questionnaire/questions.ts';
import type { UiHost } from '../../source/ui/host.tsx';
import { CancelledError } from '../../source/errors.ts';
import { BACK } from '../../source/wizard/context.ts';
import { loadUi } from '../../source/commands/load-ui.ts';
import { fakeTerminal } from './fake-terminal.ts';
import { KEY, press, settle } from './keys.ts';

let host: UiHost | undefined;
afterEach(() => host?.close());

let createHost: typeof import('../../source/ui/host.tsx').createHost;
let createPrompts: typeof import('../../source/ui/prompts.ts').createPrompts;
beforeAll(async () => {
  ({ createHost } = await loadUi(() => import('../../source/ui/host.tsx')));
  ({ createPrompts } = await loadUi(() => import('../../source/ui/prompts.ts')));
});

function start() {
  const terminal = fakeTerminal();
  const controller = new AbortController();
  const onInterrupt = vi.fn(() => controller.abort());
  const beforeFirstFrame = vi.fn();
  host = createHost({ ...terminal.streams, signal: controller.signal, onInterrupt, beforeFirstFrame });
  const prompts = createPrompts(host, () => ({ step: 3, total: 21 }));
  return { ...terminal, controller, onInterrupt, beforeFirstFrame, prompts };
}

const q = QUESTIONS.baselineStability;
const request = { section: 'Q', title: q.prompt, choices: q.choices, initial: q.defaultValue };

describe('ui host', () => {
  it('a prompt resolves with the answer; the next prompt starts fresh', async () => {
    const { stdin, stdout, prompts, beforeFirstFrame } = start();
    const first = prompts.select(request);
    expect(beforeFirstFrame).toHaveBeenCalledOnce();
    expect(stdin.rawMode).toBe(true);
    await press(stdin, KEY.down, KEY.enter);
    await expect(first).resolves.toBe('weekly');
    const second = prompts.select(request);
    await press(stdin, KEY.enter);
    await expect(second).resolves.toBe('monthly');
    await vi.waitFor(() => expect(stdout.written).toContain('Step 3 of 21'));
  });

  it('keys that arrive in one read reach the screens one at a time', async () => {
    const { stdin, prompts } = start();
    const first = prompts.select(request);
    await settle();
    stdin.write(KEY.down + KEY.enter);
    await expect(first).resolves.toBe('weekly');
  });

  it('one read across screens: each key goes to the screen shown when the key before was handled', async () => {
    const { stdin, prompts } = start();
    const text = { section: 'P', title: 'Name?', initial: 'x', validate: () => undefined };
    // The steps await each answer before showing the next screen, as the wizard's do.
    const answers = (async () => [
      await prompts.select(request),
      await prompts.text(text),
      await prompts.select(request),
    ])();
    await settle();
    // Down Enter; "ab" Enter; Down Down Enter: all in one read, before the second screen exists.
    stdin.write(`${KEY.down}${KEY.enter}ab${KEY.enter}${KEY.down}${KEY.down}${KEY.enter}`);
    await expect(answers).resolves.toEqual(['weekly', 'ab', 'static']);
  });

  it('Ctrl+C acts at once, even with keys held for a screen not shown yet', async () => {
    const { stdin, prompts, onInterrupt } = start();
    const first = prompts.select(request);
    await settle();
    stdin.write(KEY.enter + KEY.down + KEY.ctrlC);
    await expect(first).resolves.toBe('monthly');
    expect(onInterrupt).toHaveBeenCalledOnce();
    await expect(prompts.select(request)).rejects.toBeInstanceOf(CancelledError);
  });

  it('a text field turns bracketed paste on; a paste goes in as its printable text, line breaks and all', async () => {
    const { stdin, stdout, prompts } = start();
    const answer = prompts.text({ section: 'P', title: 'Name?', initial: 'x', validate: () => undefined });
    await settle();
    expect(stdout.written).toContain('\u001B[?2004h');
    stdin.write('\u001B[200~my\r\u0007shop\u001B[201~\r');
    await expect(answer).resolves.toBe('my shop');
    host!.close();
    host = undefined;
    expect(stdout.written).toContain('\u001B[?2004l');
  });

  it('Esc resolves to BACK', async () => {
    const { stdin, prompts } = start();
    const answer = prompts.text({ section: 'P', title: 'Name?', initial: 'x', validate: () => undefined });
    await press(stdin, KEY.escape);
    await expect(answer).resolves.toBe(BACK);
  });

  it('Ctrl+C rejects the pending prompt with CancelledError (exit code 130)', async () => {
    const { stdin, prompts, onInterrupt } = start();
    const answer = prompts.select(request).catch((error: unknown) => error);
    await press(stdin, KEY.ctrlC);
    expect(onInterrupt).toHaveBeenCalledOnce();
    const error = await answer;
    expect(error).toBeInstanceOf(CancelledError);
    expect(error).toMatchObject({ exitCode: 130, message: 'Cancelled, nothing was written.' });
    await expect(prompts.select(request)).rejects.toBeInstanceOf(CancelledError);
  });

  it('Ctrl+C while writing waits for the write to finish', async () => {
    const { stdin, prompts, controller } = start();
    let finishWrite = () => {};
    let written = false;
    const writing = prompts.writing(
      'out',
      3,
      () => new Promise<string>((resolve) => (finishWrite = () => ((written = true), resolve('done')))),
    );
    await press(stdin, KEY.ctrlC);
    expect(controller.signal.aborted).toBe(true);
    await settle();
    expect(written).toBe(false);
    finishWrite();
    await expect(writing).resolves.toBe('done');
  });

  it('a narrower terminal is cleared and drawn again at the new width only; a wider one is not cleared', async () => {
    const { stdout, prompts } = start();
    void prompts.select(request);
    await settle();
    const clear = '\u001B[H\u001B[2J';
    const resize = async (columns: number) => {
      const from = stdout.written.length;
      stdout.columns = columns;
      stdout.emit('resize');
      await settle();
      return stdout.written.slice(from);
    };
    const narrower = await resize(60);
    expect(narrower).toContain(clear);
    const frame = stripVTControlCharacters(narrower.slice(narrower.lastIndexOf(clear))).split('\n');
    expect(frame.join('\n')).toContain('Step 3 of 21');
    // Every line drawn after the clear is laid out for 60 columns: the screens had the new size first.
    expect(Math.max(...frame.map((line) => line.length))).toBeLessThanOrEqual(60);
    const wider = await resize(100);
    expect(wider).not.toContain(clear);
    await vi.waitFor(() => expect(stripVTControlCharacters(stdout.written)).toMatch(/ {30,}Step 3 of 21/));
  });

  it('close erases the screen, shows the cursor and turns raw mode off', async () => {
    const { stdin, stdout, prompts } = start();
    void prompts.select(request);
    await settle();
    host!.close();
    host = undefined;
    expect(stdin.rawMode).toBe(false);
    expect(stdout.written.lastIndexOf('\u001B[?25h')).toBeGreaterThan(stdout.written.lastIndexOf('\u001B[?25l'));
  });
});
