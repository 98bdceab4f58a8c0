// Issue 21, item 2: a partial --answers file with a wrong value, in a terminal. The wizard reports
// the wrong values only (not the answers it would ask anyway), then asks each on its own screen with
// the closest allowed value preselected; the file's right values are kept, their screens skipped.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { load } from 'js-yaml';
import { QUESTIONS } from '../../questionnaire/questions.ts';
import { CLI, cli } from '../support/cli.ts';
import { PtySession as Session, ptyTestFolder } from '../support/pty-session.ts';

const pty = ptyTestFolder('ami-wizard-wrong-values-');

function wizard(args: string[]): Session {
  const cwd = join(pty.dir, 'web-shop');
  mkdirSync(cwd, { recursive: true });
  return pty.track(new Session(process.execPath, [CLI, ...args], { cwd }));
}

function answersFile(text: string): string {
  mkdirSync(join(pty.dir, 'web-shop'), { recursive: true });
  writeFileSync(join(pty.dir, 'web-shop', 'team.yaml'), text);
  return 'team.yaml';
}

const highlighted = (screen: string): string =>
  (screen.split('\n').find((line) => line.trimStart().startsWith('❯')) ?? '').replace('❯', '').trim();

describe('a partial answers file with wrong values, in a terminal', () => {
  it('reports the wrong values only, then asks them with the did-you-mean preselected', async () => {
    const file = answersFile(
      'version: 1\nproject:\n  name: demo\nplatform:\n  regions: [us-east-1, eu-wset-1]\nguidance:\n  recoveryTime: minuts\n  manualSteps: maybe\n  onPremises: true\n',
    );
    const s = wizard(['--answers', file, '--out', 'built']);
    await s.waitFor('Enter start');
    const welcome = s.screen().replace(/\s+/g, ' ');
    expect(welcome).toContain('team.yaml has 3 values the wizard asks again');
    expect(welcome).toContain('guidance.recoveryTime is "minuts"; did you mean "minutes"?');
    expect(welcome).toContain('guidance.manualSteps is "maybe"; allowed: true or false');
    expect(welcome).toContain('platform.regions[1] is "eu-wset-1"; did you mean "eu-west-1"?');
    expect(welcome).not.toMatch(/missing|Add it to the file/);

    // Walk the screens as they come; note what each wrong value's screen preselects.
    const preselected: Record<string, string> = {};
    let exited = false;
    void s.exit.then(() => (exited = true));
    let last = '';
    while (!exited) {
      const screen = s.screen();
      const step = screen.match(/Step \d+ of \d+|Enter start/)?.[0];
      if (step && step !== last) {
        last = step;
        if (screen.includes(QUESTIONS.recoveryTime.prompt.slice(0, 30))) preselected.recoveryTime = highlighted(screen);
        if (screen.includes(QUESTIONS.manualSteps.prompt.slice(0, 30))) preselected.manualSteps = highlighted(screen);
        if (screen.includes('Which AWS regions')) preselected.regions = screen;
        await s.enterScreen();
      } else await Promise.race([s.nextFrame(), s.exit]);
    }
    expect(await s.exit).toBe(0);
    expect(preselected.recoveryTime).toMatch(/^Within a few minutes/);
    expect(preselected.manualSteps).toContain('(default)');
    expect(preselected.regions).toMatch(/eu-west-1/);
    // The file's right answers were kept, their screens skipped.
    expect(s.raw).not.toContain(QUESTIONS.onPremises.prompt.slice(0, 30));
    expect(s.raw).not.toContain('What is the project called?');
    const saved = load(readFileSync(join(pty.dir, 'web-shop', 'built', 'ami-wizard.yaml'), 'utf8')) as {
      project: { name: string };
      platform: { regions: string[] };
      guidance: Record<string, unknown>;
    };
    expect(saved.project.name).toBe('demo');
    expect(saved.platform.regions).toEqual(['us-east-1', 'eu-west-1']);
    expect(saved.guidance).toMatchObject({
      recoveryTime: 'minutes',
      manualSteps: QUESTIONS.manualSteps.defaultValue,
      onPremises: true,
    });
  });

  it('with --yes, or without a terminal, a wrong value is never corrected: exit 2, nothing written', async () => {
    const file = answersFile('version: 1\nproject:\n  name: demo\nguidance:\n  recoveryTime: minuts\n');
    const s = wizard(['--answers', file, '--out', 'built', '--yes']);
    expect(await s.exit).toBe(2);
    expect(s.raw).toContain('guidance.recoveryTime is "minuts"');
    const piped = cli(['--answers', file, '--out', 'built'], { cwd: join(pty.dir, 'web-shop') });
    expect(piped.code).toBe(2);
    expect(piped.stderr).toContain('guidance.recoveryTime is "minuts"');
    expect(existsSync(join(pty.dir, 'web-shop', 'built'))).toBe(false);
  });
});
