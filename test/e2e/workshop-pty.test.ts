// The workshop and the wizard's last screens in a real terminal of the sizes people have: the intro
// fits 80x24 and 60x20, Esc on it quits, `s` never replaces a file without asking, --answers opens the
// board at once, and after a write the Design line and the folder are still on a 24-row screen.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { load } from 'js-yaml';
import { MINIMAL_YAML } from '../support/answers.ts';
import { QUESTION_KEYS } from '../../questionnaire/questions.ts';
import { GUIDANCE_SCREENS } from '../../questionnaire/wizard-screens.ts';
import { cli } from '../support/cli.ts';
import { PTY_KEY as KEY, type PtySession, wizardSession, ptyTestFolder } from '../support/pty-session.ts';

const pty = ptyTestFolder('ami-wizard-workshop-pty-');

const room = () => join(pty.dir, 'room');

function run(args: string[], cols = 80, rows = 24): PtySession {
  return pty.track(wizardSession(room(), args, { cols, rows }));
}

/** What is on the terminal's screen now, without the scrollback above it. */
function visible(s: PtySession): string {
  const buffer = s.term.buffer.active;
  const lines: string[] = [];
  for (let i = buffer.baseY; i < buffer.baseY + s.term.rows; i++)
    lines.push(buffer.getLine(i)?.translateToString(true) ?? '');
  return lines.join('\n');
}

/** Lines the terminal had to wrap because they were wider than the screen. */
function wrappedLines(s: PtySession): number {
  const buffer = s.term.buffer.active;
  let wrapped = 0;
  for (let i = 0; i < buffer.length; i++) if (buffer.getLine(i)!.isWrapped) wrapped++;
  return wrapped;
}

const step = (n: number) => new RegExp(`Step ${n} of \\d+`);

/** From the intro to the board: Enter on the spectrum and on each screen of questions. */
async function toBoard(s: PtySession): Promise<void> {
  await s.waitFor('Enter the questions');
  for (let n = 1; n <= 1 + GUIDANCE_SCREENS.length; n++) {
    await s.waitFor(step(n));
    await s.enterScreen();
  }
  await s.waitFor('Enter done');
}

describe('workshop in a terminal', () => {
  it('the intro fits 80x24: the title is on screen, and Esc quits as the footer says', async () => {
    const s = run(['workshop']);
    await s.waitFor('Enter the questions · Esc quit');
    const screen = visible(s);
    expect(screen).toContain('ami-wizard · Workshop');
    expect(screen).toContain('Three ways to build an AMI, on one line');
    expect(screen).toMatch(/◀─*●─*●─*●─*▶/);
    expect(screen).toContain('in the image:');
    await s.press(KEY.escape);
    expect(await s.exit).toBe(130);
    expect(s.screen()).toContain('Cancelled, nothing was written.');
  });

  it('at 60x20 the title and the spectrum stay on screen', async () => {
    const s = run(['workshop'], 60, 20);
    await s.waitFor('Enter the questions');
    const screen = visible(s);
    expect(screen).toContain('ami-wizard · Workshop');
    expect(screen).toContain('Three ways to build an AMI');
    expect(screen).toMatch(/◀─*●─*●─*●─*▶/);
    expect(screen).toMatch(/Fully baked\s+Hybrid\s+JeOS/);
    expect(screen).toContain('Enter the questions');
    expect(wrappedLines(s)).toBe(0);
  });

  it('at 60x40 the details wrap with their indent', async () => {
    const s = run(['workshop'], 60, 40);
    await s.waitFor('Enter the questions');
    const lines = visible(s).split('\n');
    const at = lines.findIndex((line) => line.startsWith('  in the image: OS, agents'));
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 1]).toMatch(/^ {4}\S/);
    expect(wrappedLines(s)).toBe(0);
  });

  it('without --answers, s never replaces an existing ami-wizard.yaml without asking; save-as writes another file', async () => {
    const s = run(['workshop']);
    await s.waitFor('Enter the questions');
    writeFileSync(join(room(), 'ami-wizard.yaml'), '# the team file\n');
    await toBoard(s);
    await s.press('s');
    await s.waitFor('ami-wizard.yaml already exists. Replace it?');
    // The highlighted choice is save-as; its name is offered free.
    await s.press(KEY.enter);
    await s.waitFor('Save the answers as');
    await s.press(KEY.enter);
    await s.waitFor('Saved to ami-wizard-2.yaml');
    expect(readFileSync(join(room(), 'ami-wizard.yaml'), 'utf8')).toBe('# the team file\n');
    expect(
      (load(readFileSync(join(room(), 'ami-wizard-2.yaml'), 'utf8')) as { guidance: object }).guidance,
    ).toBeTruthy();
    await s.press(KEY.enter);
    expect(await s.exit).toBe(0);
    expect(s.screen()).toContain('Answers saved to ami-wizard-2.yaml.');
  });

  it("at 120x40 without colour, the board shows each answer's points, the scores and the bars, and a tie says who wins it", async () => {
    writeFileSync(join(pty.dir, 'team.yaml'), MINIMAL_YAML);
    const s = pty.track(
      wizardSession(room(), ['workshop', '--answers', join(pty.dir, 'team.yaml')], {
        cols: 120,
        rows: 40,
        env: { NO_COLOR: '1' },
      }),
    );
    await s.waitFor('Enter done');
    const screen = visible(s);
    expect(screen).toMatch(/Fully baked Hybrid JeOS\n❯ Recovery time\s+◀ Within tens of minutes ▶\s+\+1\s+\+1\s+·/);
    expect(screen).toMatch(/Score: the sum of each column \(✗ ruled out\)\s+7\s+9\s+1/);
    expect(screen).toMatch(/Hybrid\s+9 +│█+/);
    await s.press(KEY.left); // recovery in minutes: Hybrid and Fully baked tie, JeOS is ruled out
    await s.waitFor('Hybrid wins the tie');
    expect(visible(s)).toMatch(/Score: the sum of each column \(✗ ruled out\)\s+9\s+9\s+✗ 1/);
    expect(s.raw).not.toMatch(/\u001B\[(3[0-7]|9[0-7]|38;|1m|2m)/);
    expect(wrappedLines(s)).toBe(0);
    await s.press('q');
    await s.waitFor('Save the changes before leaving?');
    await s.press(KEY.down); // Discard
    await s.press(KEY.enter);
    expect(await s.exit).toBe(0);
  });

  it('with --answers the board opens at once, and the marker moves as an answer flips', async () => {
    writeFileSync(join(pty.dir, 'team.yaml'), MINIMAL_YAML);
    const s = run(['workshop', '--answers', join(pty.dir, 'team.yaml')]);
    await s.waitFor('Enter done');
    expect(s.screen()).not.toContain('Three ways to build an AMI');
    expect(s.screen()).toMatch(/Recommended: Hybrid\s+simpler ◀─*●─*◆─*●─*▶ flexible/);
    // Automation skill to "New to it" flips it to Fully baked.
    for (let n = 0; n < QUESTION_KEYS.indexOf('automationExperience'); n++) await s.press(KEY.down);
    await s.press(KEY.left);
    await s.waitFor(/Recommended: Fully baked\s+simpler ◀─*◆─*●─*●─*▶ flexible/);
    await s.press('s');
    await s.waitFor('team.yaml already exists. Replace it?');
    await s.press(KEY.escape);
    await s.waitFor('Not saved.');
    expect(readFileSync(join(pty.dir, 'team.yaml'), 'utf8')).toBe(MINIMAL_YAML);
    await s.press('q');
    await s.waitFor('Save the changes before leaving?');
    await s.press(KEY.down); // Discard
    await s.press(KEY.enter);
    expect(await s.exit).toBe(0);
    expect(s.screen()).toContain('The changes were not saved; ../team.yaml is as it was.');
  });

  it('issue 21: Replace, then a change and Enter asks before leaving; Discard never says "saved"', async () => {
    const team = join(pty.dir, 'team.yaml');
    writeFileSync(team, MINIMAL_YAML);
    const s = run(['workshop', '--answers', team]);
    await s.waitFor('Enter done');
    await s.press('s');
    await s.waitFor(/team\.yaml already exists\. Replace it\?/);
    await s.press(KEY.down); // from save-as to Replace
    await s.press(KEY.enter);
    await s.waitFor(/Saved to \S*team\.yaml/);
    const saved = readFileSync(team, 'utf8');
    await s.press(KEY.left); // Recovery time: within tens of minutes -> minutes
    await s.waitFor(/Recovery time\s+◀ Within a few minutes/);
    await s.press(KEY.enter);
    await s.waitFor(/Save the changes before leaving\?|Answers saved to/);
    expect(s.screen()).toContain('Save the changes before leaving?');
    await s.press(KEY.down); // from Save to Discard
    await s.press(KEY.enter);
    expect(await s.exit).toBe(0);
    expect(s.screen()).not.toContain('Answers saved to');
    expect(s.screen()).toContain('were not saved');
    expect(readFileSync(team, 'utf8')).toBe(saved);
    expect((load(saved) as { guidance: { recoveryTime: string } }).guidance.recoveryTime).toBe('tens-of-minutes');
  });

  it('issue 21: Ctrl+C on the board with a change asks too; Discard cancels and says nothing was saved', async () => {
    const team = join(pty.dir, 'team.yaml');
    writeFileSync(team, MINIMAL_YAML);
    const s = run(['workshop', '--answers', team]);
    await s.waitFor('Enter done');
    await s.press(KEY.left);
    await s.waitFor(/Recovery time\s+◀ Within a few minutes/);
    await s.press(KEY.ctrlC);
    await s.waitFor(/Save the changes before leaving\?|Cancelled/);
    expect(s.screen()).toContain('Save the changes before leaving?');
    await s.press(KEY.down); // Discard
    await s.press(KEY.enter);
    expect(await s.exit).toBe(130);
    expect(s.screen()).toContain('Cancelled, nothing was written.');
    expect(readFileSync(team, 'utf8')).toBe(MINIMAL_YAML);
  });
});

/** The wizard from a partial answers file (it asks the rest), Enter on every screen up to the Files screen. */
async function toFiles(): Promise<PtySession> {
  writeFileSync(join(pty.dir, 'partial.yaml'), MINIMAL_YAML.replace(/^guidance:[\s\S]*$/m, ''));
  const s = run(['--answers', join(pty.dir, 'partial.yaml'), '--out', 'out']);
  for (let n = 1; ; n++) {
    await s.waitFor(step(n));
    if (s.screen().includes('Write these files?')) return s;
    await s.enterScreen();
  }
}

describe('the Files screen', () => {
  it('restates the design, folds folders, ignores digits and saves the answers only', async () => {
    const s = await toFiles();
    const screen = visible(s);
    expect(screen).toContain('Design: Hybrid (recommended)');
    expect(screen).toContain('OS: Amazon Linux 2023');
    expect(screen).toMatch(/Regions: [a-z]+-[a-z]+-\d \(build\)/);
    expect(screen).not.toContain('base.pkr.hcl');
    // Up twice from the first choice: packer/, above tagging/; → opens it.
    s.write(KEY.up + KEY.up + KEY.right);
    await s.waitFor('base.pkr.hcl');
    expect(visible(s)).toMatch(/▾ packer\/\s+\d+ files/);
    // Stray digits in the same read do nothing; four Downs reach "Save the answers only".
    s.write(`23${KEY.down}${KEY.down}${KEY.down}${KEY.down}${KEY.enter}`);
    expect(await s.exit).toBe(0);
    expect(visible(s)).toContain('Answers saved to ami-wizard.yaml; nothing else was written.');
    expect(visible(s)).toContain('ami-wizard --answers ami-wizard.yaml --out out');
    expect(existsSync(join(room(), 'out'))).toBe(false);
    expect(
      (load(readFileSync(join(room(), 'ami-wizard.yaml'), 'utf8')) as { project: { name: string } }).project.name,
    ).toBe('demo');
  });

  it('a conflict says how to resolve it later; the replay command it names does', async () => {
    const first = await toFiles();
    await first.press(KEY.enter);
    expect(await first.exit).toBe(0);
    const edited = join(room(), 'out', 'packer', 'variables.pkr.hcl');
    writeFileSync(edited, '# mine\n');
    const s = await toFiles();
    const screen = visible(s).replace(/\s+/g, ' ');
    expect(screen).toContain('conflict');
    expect(screen).toContain('ami-wizard --answers ami-wizard.yaml --out out --force');
    s.write(KEY.down + KEY.down + KEY.enter);
    expect(await s.exit).toBe(0);
    const replay = cli(['--answers', 'ami-wizard.yaml', '--out', 'out', '--force'], { cwd: room() });
    expect(replay.code, replay.stderr).toBe(0);
    expect(readFileSync(`${edited}.orig`, 'utf8')).toBe('# mine\n');
  });
});

describe('the wizard after writing', () => {
  it('on a 24-row terminal the Design line and the folder stay on screen, and the counts read as done', async () => {
    // A partial answers file: the wizard asks the rest (a complete one would not ask at all).
    writeFileSync(join(pty.dir, 'partial.yaml'), MINIMAL_YAML.replace(/^guidance:[\s\S]*$/m, ''));
    const s = run(['--answers', join(pty.dir, 'partial.yaml'), '--out', 'out']);
    // Enter on every screen the partial answers leave, then on the Files screen.
    for (let n = 1; ; n++) {
      await s.waitFor(step(n));
      if (s.screen().includes('Write these files?')) break;
      await s.enterScreen();
    }
    await s.press(KEY.enter);
    expect(await s.exit).toBe(0);
    const screen = visible(s);
    expect(screen).toMatch(/^Design: Hybrid \(recommended\)$/m);
    expect(screen).toContain(`Wrote ${join(room(), 'out')}:`);
    expect(screen).toMatch(/\d+ files written \(\d+ created\)/);
    expect(screen).not.toContain('to create');
    expect(existsSync(join(room(), 'out', 'decision.md'))).toBe(true);
  });
});
