// The welcome: the spectrum with the three designs, the same lines the plain first frame draws.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render } from 'ink-testing-library';
import { WelcomeScreen } from '../../source/ui/welcome-screen.tsx';
import { welcomeLines, WELCOME_KEYS, WELCOME_RESUME_KEYS } from '../../source/text/welcome-text.ts';
import { START_OVER_LABEL } from '../../source/text/draft-text.ts';
import { spectrumLines } from '../../source/text/spectrum-text.ts';
import { KEY, press } from './keys.ts';

afterEach(() => cleanup());

describe('welcome screen', () => {
  it('draws the spectrum, simplicity to flexibility, with the three designs', () => {
    const { lastFrame } = render(<WelcomeScreen onNext={() => {}} />);
    const frame = lastFrame()!;
    expect(frame).toMatch(/simpler deployment\s+more flexible deployment/);
    expect(frame).toMatch(/Fully baked\s+Hybrid\s+JeOS/);
    expect(frame).toContain('Step 1 of');
    expect(frame).toContain(WELCOME_KEYS);
  });

  it('shows exactly the lines of the plain first frame (ink-testing-library is 100 columns: 80 used)', () => {
    const { lastFrame } = render(<WelcomeScreen onNext={() => {}} />);
    const shown = lastFrame()!
      .split('\n')
      .map((line) => line.trimEnd());
    for (const line of welcomeLines(80)) expect(shown).toContain(line.trimEnd());
  });

  it('Enter starts', async () => {
    const onNext = vi.fn();
    const { stdin } = render(<WelcomeScreen onNext={onNext} />);
    await press(stdin, KEY.enter);
    expect(onNext).toHaveBeenCalledExactlyOnceWith('start');
  });

  it('with a kept draft, offers to resume it (highlighted) or to start over', async () => {
    const label = 'Resume where you left off (step 16, saved 09:05)';
    const onNext = vi.fn();
    const { stdin, lastFrame } = render(<WelcomeScreen onNext={onNext} request={{ total: 24, resume: label }} />);
    expect(lastFrame()).toContain(`❯ ${label}`);
    expect(lastFrame()).toContain(START_OVER_LABEL);
    expect(lastFrame()).toContain(WELCOME_RESUME_KEYS);
    await press(stdin, KEY.down, KEY.enter);
    expect(onNext).toHaveBeenCalledExactlyOnceWith('start');
    const resumed = vi.fn();
    const second = render(<WelcomeScreen onNext={resumed} request={{ total: 24, resume: label }} />);
    await press(second.stdin, KEY.enter);
    expect(resumed).toHaveBeenCalledExactlyOnceWith('resume');
  });

  it('fits 60 columns', () => {
    for (const line of [...welcomeLines(60), ...spectrumLines(60)]) expect(line.length).toBeLessThanOrEqual(60);
  });
});
