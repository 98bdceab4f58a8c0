// What is typed is checked, and shown as it will be used, where it is typed (issue 21): a region
// typo is refused on the regions screen with the likely one, the build region is marked and can be
// moved, the project name shows the name images get, a default looks unlike typed text without
// colour, and a multi-line paste without bracketed paste stays text on the screen it was pasted in.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { load } from 'js-yaml';
import { PTY_KEY as KEY, type PtySession, wizardSession, ptyTestFolder } from '../support/pty-session.ts';

const pty = ptyTestFolder('ami-wizard-typing-pty-');

const REGIONS = 'Which AWS regions must the images be in?';
const NO_AWS_ENV = { AWS_REGION: '', AWS_DEFAULT_REGION: '' };

function wizard(env: Record<string, string> = {}): PtySession {
  return pty.track(wizardSession(join(pty.dir, 'shop'), ['--out', 'out'], { env: { ...NO_AWS_ENV, ...env } }));
}

/** The line of the screen that holds `marker`. */
const lineWith = (s: PtySession, marker: string) =>
  s
    .screen()
    .split('\n')
    .find((line) => line.includes(marker)) ?? '';

async function toProjectName(s: PtySession): Promise<void> {
  await s.waitFor('Enter start');
  await s.press(KEY.enter);
  await s.waitFor('What is the project called?');
}

/** Enter on the welcome, the project name, the OS and the architecture (steps 1 to 4). */
async function toRegions(s: PtySession): Promise<void> {
  await toProjectName(s);
  for (const step of [2, 3, 4]) {
    await s.waitFor(`Step ${step} of`);
    await s.press(KEY.enter);
  }
  await s.waitFor(REGIONS);
}

const saved = () => load(readFileSync(join(pty.dir, 'shop', 'out', 'ami-wizard.yaml'), 'utf8')) as any;

describe('a region code is checked where it is typed', () => {
  it('a typo is not offered or ticked: it is refused with the likely one where it is typed', async () => {
    const s = wizard();
    await toRegions(s);
    s.write('eu-wset-1');
    await s.waitFor('eu-wset-1 is not an AWS region; did you mean eu-west-1?');
    expect(s.screen()).not.toContain('+ use "eu-wset-1"');
    await s.press(KEY.enter); // ticks nothing; the message stays
    await s.waitFor(/Filter: \s*$/m);
    expect(s.screen()).toContain('eu-wset-1 is not an AWS region; did you mean eu-west-1?');
    expect(lineWith(s, 'Ticked:')).toBe('Ticked: us-east-1');
    s.write('eu-west-1');
    await s.waitFor('❯ [ ] eu-west-1');
    await s.press(KEY.enter);
    await s.waitFor('Ticked: us-east-1 (build region), eu-west-1');
    expect(await s.enterToTheEnd()).toBe(0);
    expect(saved().platform.regions).toEqual(['us-east-1', 'eu-west-1']);
  });

  it('a well-formed code the list does not have is refused too, saying the list may lag AWS', async () => {
    const s = wizard();
    await toRegions(s);
    s.write('xx-newregion-1');
    await s.waitFor(/xx-newregion-1 is not an AWS region/);
    expect(s.screen()).not.toContain('+ use');
    await s.press(KEY.enter); // ticks nothing and clears the filter; the message stays
    await s.waitFor(/Filter: \s*$/m);
    expect(s.screen()).toContain('xx-newregion-1 is not an AWS region');
    expect(lineWith(s, 'Ticked:')).toBe('Ticked: us-east-1');
  });

  it('keys in one read act in order: Enter on a refused code, then Esc, goes back a screen', async () => {
    // Esc with a filter clears it; without one it goes back. The Enter cleared the filter, so the Esc
    // read with it goes back, whether or not the screen was drawn in between.
    const s = wizard();
    await toRegions(s);
    s.write('xx-newregion-1');
    await s.waitFor(/xx-newregion-1 is not an AWS region/);
    s.write(`${KEY.enter}${KEY.escape}`);
    await s.waitFor('Which CPU architecture?');
  });
});

describe('the build region', () => {
  it('is marked, and b on another ticked region makes it the build region without unticking', async () => {
    const s = wizard();
    await toRegions(s);
    expect(s.screen()).toContain('b build region');
    expect(lineWith(s, '[x] us-east-1')).toContain('(build region)');
    s.write('eu-west-1');
    await s.waitFor('❯ [ ] eu-west-1');
    await s.press(KEY.enter);
    await s.waitFor('Ticked: us-east-1 (build region), eu-west-1');
    // The filter is empty again: find eu-west-1 with the arrows and press b on it.
    for (let rows = 0; !lineWith(s, '❯').includes('eu-west-1'); rows++) {
      expect(rows, s.screen()).toBeLessThan(40);
      await s.press(KEY.down);
    }
    await s.press('b');
    await s.waitFor('Ticked: eu-west-1 (build region), us-east-1');
    expect(lineWith(s, '[x] eu-west-1')).toContain('(build region)');
    expect(lineWith(s, '[x] us-east-1')).not.toContain('(build region)');
    expect(await s.enterToTheEnd()).toBe(0);
    expect(saved().platform.regions).toEqual(['eu-west-1', 'us-east-1']);
  });
});

describe('the project name', () => {
  it('shows the name images and stacks get before it is accepted', async () => {
    const s = wizard();
    await toProjectName(s);
    s.write('My Project!');
    await s.waitFor('My Project!');
    await s.waitFor('Images and stacks are named "my-project"');
  });
});

describe('without colour', () => {
  it('a default does not look like the same text typed', async () => {
    const s = wizard({ NO_COLOR: '1' });
    await toProjectName(s);
    await s.waitFor('› ');
    const withDefault = lineWith(s, '› ');
    expect(withDefault).toContain('shop');
    s.write('shop');
    await s.waitFor(/› shop\s*$/m);
    expect(lineWith(s, '› ')).not.toBe(withDefault);
  });
});

describe('a multi-line paste without bracketed paste', () => {
  it('stays text on the screen it was pasted in: its line breaks do not press Enter', async () => {
    const s = wizard();
    await toProjectName(s);
    expect(s.screen()).toContain('Step 2 of');
    s.write('first line\rsecond line\nthird line\r');
    await s.waitFor('first line second line third line');
    expect(s.screen()).toContain('What is the project called?');
    await s.press(KEY.enter);
    await s.waitFor('Step 3 of');
  });

  it('typed text and one Enter in one read still confirm', async () => {
    const s = wizard();
    await toProjectName(s);
    s.write(`shopx${KEY.backspace}${KEY.enter}`);
    await s.waitFor('Step 3 of');
  });
});
