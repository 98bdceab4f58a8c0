// The region question in a real terminal: the default comes from AWS_REGION (then
// AWS_DEFAULT_REGION), and a code AWS does not have is refused with the likely one named, typed in
// capitals or not. Keys a user types together go as one write.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { load } from 'js-yaml';
import { MINIMAL_YAML } from '../support/answers.ts';
import { PTY_KEY as KEY, type PtySession, wizardSession, ptyTestFolder } from '../support/pty-session.ts';

const pty = ptyTestFolder('ami-wizard-questions-pty-');

const REGIONS = 'Which AWS regions must the images be in?';
const NO_AWS_ENV = { AWS_REGION: '', AWS_DEFAULT_REGION: '' };

function wizard(env: Record<string, string>): PtySession {
  return pty.track(wizardSession(join(pty.dir, 'shop'), ['--out', 'out'], { env: { ...NO_AWS_ENV, ...env } }));
}

/** Enter on the welcome, the project name, the OS and the architecture (steps 1 to 4). */
async function toRegions(s: PtySession): Promise<void> {
  await s.waitFor('Enter start');
  await s.press(KEY.enter);
  for (const step of [2, 3, 4]) {
    await s.waitFor(`Step ${step} of`);
    await s.press(KEY.enter);
  }
  await s.waitFor(REGIONS);
}

const savedRegions = () =>
  (load(readFileSync(join(pty.dir, 'shop', 'out', 'ami-wizard.yaml'), 'utf8')) as any).platform.regions;

describe('regions in a terminal', () => {
  it('AWS_REGION is the preselected region, ahead of AWS_DEFAULT_REGION', async () => {
    const s = wizard({ AWS_REGION: 'eu-central-1', AWS_DEFAULT_REGION: 'ap-south-1' });
    await toRegions(s);
    expect(s.screen()).toContain('Ticked: eu-central-1');
    expect(s.screen()).toMatch(/cop(y|ied)/);
    expect(await s.enterToTheEnd()).toBe(0);
    expect(savedRegions()).toEqual(['eu-central-1']);
  });

  it('AWS_DEFAULT_REGION when AWS_REGION is not set', async () => {
    const s = wizard({ AWS_DEFAULT_REGION: 'ap-south-1' });
    await toRegions(s);
    await s.waitFor('Ticked: ap-south-1');
  });

  it('a code AWS does not have is refused with the likely one where it is typed; the fixed list is saved in the order ticked', async () => {
    const s = wizard({});
    await toRegions(s);
    await s.waitFor('Ticked: us-east-1');
    s.write('EU-WST-1'); // typed as one read, in capitals
    await s.waitFor('eu-wst-1 is not an AWS region; did you mean eu-west-1?');
    expect(s.screen()).not.toContain('"eu-wst-1"'); // not offered to add (issue 21)
    await s.press(KEY.enter); // ticks nothing
    await s.waitFor('Ticked: us-east-1\n');
    expect(s.screen()).toContain(REGIONS);
    s.write('eu-west-1');
    await s.waitFor('❯ [ ] eu-west-1');
    await s.press(KEY.enter); // ticks the highlighted match
    await s.waitFor('Ticked: us-east-1 (build region), eu-west-1');
    expect(await s.enterToTheEnd()).toBe(0);
    expect(savedRegions()).toEqual(['us-east-1', 'eu-west-1']);
  });
});

describe('a partial --answers file in a terminal', () => {
  it('the welcome says how many answers came from the file, and the steps count on without gaps', async () => {
    const cwd = join(pty.dir, 'shop');
    mkdirSync(cwd, { recursive: true });
    writeFileSync(join(cwd, 'partial.yaml'), MINIMAL_YAML.replace(/^ {2}baselineStability: .*\n/m, ''));
    const s = pty.track(wizardSession(cwd, ['--answers', 'partial.yaml', '--out', 'out'], { env: NO_AWS_ENV }));
    await s.waitFor('Enter start');
    expect(s.screen()).toMatch(/9 answers come from partial\.yaml/);
    const total = Number(s.screen().match(/Step 1 of (\d+)/)![1]);
    const seen: number[] = [];
    let exited = false;
    void s.exit.then(() => (exited = true));
    let last = '';
    while (!exited) {
      const now = s.screen().match(/Step (\d+) of (\d+)|Enter start/);
      if (now && now[0] !== last) {
        last = now[0];
        if (now[1]) seen.push(Number(now[1]));
        expect(now[2] === undefined || Number(now[2]) === total).toBe(true);
        await s.enterScreen();
      } else await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(await s.exit).toBe(0);
    expect(seen).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect(total).toBeLessThan(20);
  });
});

describe('the configurations default in a terminal (issue 21)', () => {
  const ROLES = 'Which server roles are there?';
  const CONFIGURATIONS = 'How many distinct server configurations';
  /** The screen as one line of text: the hint wraps, and its search highlight is drawn inverse. */
  const text = (s: PtySession) =>
    s
      .screen()
      .replace(/\u001B\[[0-9;]*m/g, '')
      .replace(/\s+/g, ' ');

  /** Enter on each screen until the configurations question is on screen. */
  async function toConfigurations(s: PtySession): Promise<void> {
    for (let screens = 0; !s.screen().includes(CONFIGURATIONS); screens++) {
      expect(screens).toBeLessThan(15);
      await s.enterScreen();
    }
  }

  it('3 roles preselect "A few"; Esc back to the roles, 6 roles, and forward preselects "Several"', async () => {
    const s = wizard({});
    await toRegions(s);
    await s.press(KEY.enter);
    await s.waitFor(ROLES);
    s.write(`${KEY.backspace.repeat(3)}web, api, db`);
    await s.waitFor('web, api, db');
    await s.press(KEY.enter);
    await toConfigurations(s);
    expect(text(s)).toContain('Preselected from the 3 roles you gave');
    expect(s.screen()).toMatch(/❯ A few \(1-3\)/);
    await s.enterScreen();
    await s.waitFor(/Step \d+ of/);
    // Esc, screen by screen, until the roles screen is back (a frame can come before the screen's).
    for (let screens = 0; ; screens++) {
      expect(screens, s.screen()).toBeLessThan(15);
      await s.press(KEY.escape);
      if (
        await s.waitFor(ROLES, 500).then(
          () => true,
          () => false,
        )
      )
        break;
    }
    await s.press(KEY.right); // edit the roles given, rather than replace them
    s.write(', cache, queue, search');
    await s.waitFor('web, api, db, cache, queue, search');
    await s.press(KEY.enter);
    await toConfigurations(s);
    expect(text(s)).toContain('Preselected from the 6 roles you gave');
    expect(s.screen()).toMatch(/❯ Several \(4-10\)/);
    await s.press(KEY.ctrlC);
    expect(await s.exit).toBe(130);
  });
});
