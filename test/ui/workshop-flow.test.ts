// The workshop's steps with scripted prompts, and saving the answers file from the board.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { load } from 'js-yaml';
import { QUESTIONS, defaultGuidance } from '../../questionnaire/questions.ts';
import type { GuidanceAnswers } from '../../questionnaire/questions.ts';
import { loadAnswers } from '../../source/answers/read.ts';
import { emptyDraft } from '../../source/answers/draft.ts';
import { runSteps } from '../../source/wizard/flow.ts';
import { saveGuidance } from '../../source/answers/save.ts';
import { changeAnswer } from '../../source/wizard/what-if.ts';
import { CancelledError } from '../../source/errors.ts';
import { BACK } from '../../source/wizard/context.ts';
import { BOARD_ONLY_STEPS, WORKSHOP_STEPS, answersSummary, boardAnswers } from '../../source/wizard/workshop.ts';
import { draftFromFile } from '../../source/answers/prefill.ts';
import { GUIDANCE_SCREENS } from '../../questionnaire/wizard-screens.ts';
import type { WorkshopContext, WorkshopPrompts } from '../../source/wizard/workshop.ts';
import { tempDir } from '../support/answers.ts';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

function workshopContext(
  prompts: WorkshopPrompts,
  save: WorkshopContext['save'],
  existing: string[] = [],
): WorkshopContext {
  const exists = async (name: string) => existing.includes(name);
  return {
    args: { yes: false },
    draft: emptyDraft(),
    given: new Set(),
    prompts,
    progress: { step: 0, total: 0 },
    save,
    exists,
    answersFile: 'ami-wizard.yaml',
  };
}

/** Prompts for the board only: `board` answers each time the board opens, in turn. */
function boardPrompts(
  boards: ((request: Parameters<WorkshopPrompts['board']>[0]) => Awaited<ReturnType<WorkshopPrompts['board']>>)[],
  replies: { select?: string | string[]; text?: string } = {},
) {
  const seen: string[] = [];
  // A list of select replies is taken in turn, one per select screen.
  const selectReply = () => (Array.isArray(replies.select) ? replies.select.shift() : replies.select);
  const prompts: WorkshopPrompts = {
    spectrum: async () => void seen.push('spectrum'),
    select: async (request) => (seen.push(`select: ${request.title}`), (selectReply() ?? request.initial) as never),
    selectGroup: async (request) => (
      seen.push(`selectGroup: ${request.title}`), request.parts.map((part) => part.initial) as never
    ),
    text: async (request) => (seen.push(`text: ${request.title}`), replies.text ?? request.initial),
    board: async (request) => (seen.push('board'), boards.shift()!(request)),
  };
  return { prompts, seen };
}

describe('workshop flow', () => {
  it('spectrum, the guidance questions with their why open, then the board with those answers', async () => {
    const seen: string[] = [];
    let boardAnswers: GuidanceAnswers | undefined;
    const prompts: WorkshopPrompts = {
      spectrum: async () => void seen.push('spectrum'),
      select: async (request) => {
        seen.push(request.title);
        // Leaving the board: no file holds these answers yet.
        if (request.title === 'Save the answers before leaving?') return 'discard' as never;
        expect(request.whyOpen).toBe(true);
        return request.title === QUESTIONS.manualSteps.prompt ? (true as never) : request.initial;
      },
      // The shared experience screen: new to AWS, experienced with configuration automation.
      selectGroup: async (request) => {
        expect(request.whyOpen).toBe(true);
        seen.push(request.title);
        return ['new', 'experienced'] as never;
      },
      text: async () => '',
      board: async (request) => {
        boardAnswers = request.initial.answers;
        const flipped = changeAnswer(request.initial, 'onPremises', 1);
        return { action: 'done', answers: flipped.answers, row: 0 };
      },
    };
    const ctx = workshopContext(prompts, async () => {});
    await runSteps(WORKSHOP_STEPS, ctx);
    // The spectrum, then a screen each as the wizard lays them out, then the question on leaving.
    expect(seen).toHaveLength(1 + GUIDANCE_SCREENS.length + 1);
    expect(seen.at(-1)).toBe('Save the answers before leaving?');
    expect(seen[0]).toBe('spectrum');
    const experience = { awsExperience: 'new', automationExperience: 'experienced' };
    expect(boardAnswers).toEqual({ ...defaultGuidance(), ...experience, manualSteps: true });
    expect(ctx.draft.guidance).toEqual({ ...defaultGuidance(), ...experience, manualSteps: true, onPremises: true });
  });

  it('Esc on the first screen quits, as its footer says', async () => {
    const prompts: WorkshopPrompts = {
      spectrum: async () => BACK,
      select: async () => BACK as never,
      selectGroup: async () => BACK,
      text: async () => BACK,
      board: async () => ({ action: 'done', answers: defaultGuidance(), row: 0 }),
    };
    await expect(
      runSteps(
        WORKSHOP_STEPS,
        workshopContext(prompts, async () => {}),
      ),
    ).rejects.toBeInstanceOf(CancelledError);
  });

  it('with --answers, the board opens at once: no spectrum, no questions, and nothing to go back to', async () => {
    let first: boolean | undefined;
    const { prompts, seen } = boardPrompts([
      (request) => ((first = request.first), { action: 'done', answers: request.initial.answers, row: 0 }),
    ]);
    // The answers as loaded, unchanged: nothing to ask on leaving.
    await runSteps(BOARD_ONLY_STEPS, { ...workshopContext(prompts, async () => {}), savedAnswers: boardAnswers({}) });
    expect(seen).toEqual(['board']);
    expect(first).toBe(true);
  });
});

describe('the answers the board opens with', () => {
  it('a file from before the split opens with AWS experience as its automation answer, as recommend reads the file', async () => {
    const file = join(dir, 'team.yaml');
    writeFileSync(file, 'version: 1\nproject:\n  name: team\nguidance:\n  automationExperience: new\n');
    const { draft } = await draftFromFile(file);
    let opened: GuidanceAnswers | undefined;
    const { prompts } = boardPrompts([
      (request) => ((opened = request.initial.answers), { action: 'done', answers: request.initial.answers, row: 0 }),
    ]);
    await runSteps(BOARD_ONLY_STEPS, { ...workshopContext(prompts, async () => {}), draft });
    expect(opened).toEqual({
      ...defaultGuidance(),
      automationExperience: 'new',
      awsExperience: 'new',
      automatedPipeline: false,
    });
    expect(boardAnswers({ automationExperience: 'experienced', awsExperience: 'new' })).toMatchObject({
      automationExperience: 'experienced',
      awsExperience: 'new',
    });
  });
});

describe('s on the board', () => {
  const flipped = { ...defaultGuidance(), automationExperience: 'new' } as GuidanceAnswers;

  it('saves to a new file without asking, and the board reopens where it was, saying where', async () => {
    const saves: [string, GuidanceAnswers][] = [];
    let reopened: Parameters<WorkshopPrompts['board']>[0] | undefined;
    const { prompts, seen } = boardPrompts([
      () => ({ action: 'save', answers: flipped, row: 6 }),
      (request) => ((reopened = request), { action: 'done', answers: request.initial.answers, row: 6 }),
    ]);
    const ctx = workshopContext(prompts, async (name, answers) => void saves.push([name, answers]));
    await runSteps(BOARD_ONLY_STEPS, ctx);
    expect(seen).toEqual(['board', 'board']);
    expect(saves).toEqual([['ami-wizard.yaml', flipped]]);
    expect(reopened!.row).toBe(6);
    expect(reopened!.initial.answers).toEqual(flipped);
    expect(reopened!.status).toEqual({ text: 'Saved to ami-wizard.yaml', ok: true });
    expect(ctx.saved).toBe('ami-wizard.yaml');
  });

  it('asks before replacing a file that is there, and saves under another name', async () => {
    const saves: string[] = [];
    const { prompts, seen } = boardPrompts(
      [
        () => ({ action: 'save', answers: flipped, row: 0 }),
        (request) => ({ action: 'done', answers: request.initial.answers, row: 0 }),
      ],
      { select: 'other', text: 'team-b.yaml' },
    );
    const ctx = workshopContext(prompts, async (name) => void saves.push(name), ['ami-wizard.yaml']);
    await runSteps(BOARD_ONLY_STEPS, ctx);
    expect(seen).toEqual([
      'board',
      'select: ami-wizard.yaml already exists. Replace it?',
      'text: Save the answers as',
      'board',
    ]);
    expect(saves).toEqual(['team-b.yaml']);
  });

  it('cancelling the question saves nothing and says so', async () => {
    const saves: string[] = [];
    let status: unknown;
    const { prompts } = boardPrompts(
      [
        () => ({ action: 'save', answers: flipped, row: 0 }),
        (request) => ((status = request.status), { action: 'done', answers: request.initial.answers, row: 0 }),
      ],
      { select: ['cancel', 'discard'] },
    );
    await runSteps(
      BOARD_ONLY_STEPS,
      workshopContext(prompts, async (name) => void saves.push(name), ['ami-wizard.yaml']),
    );
    expect(saves).toEqual([]);
    expect(status).toEqual({ text: 'Not saved.', ok: false });
  });

  it('a failed save is shown on the board, not thrown', async () => {
    let status: unknown;
    const { prompts } = boardPrompts(
      [
        () => ({ action: 'save', answers: flipped, row: 0 }),
        (request) => ((status = request.status), { action: 'done', answers: request.initial.answers, row: 0 }),
      ],
      { select: ['discard'] },
    );
    await runSteps(
      BOARD_ONLY_STEPS,
      workshopContext(prompts, async () => Promise.reject(new Error('Not saved: it is not a YAML mapping'))),
    );
    expect(status).toEqual({ text: 'Not saved: it is not a YAML mapping', ok: false });
  });
});

describe('leaving the board with unsaved changes (issue 21)', () => {
  const loaded = defaultGuidance();
  const flipped = { ...loaded, automationExperience: 'new' } as GuidanceAnswers;
  const flippedAgain = { ...flipped, onPremises: true } as GuidanceAnswers;
  const UNSAVED = 'select: Save the changes before leaving?';
  const REPLACE = 'select: team.yaml already exists. Replace it?';

  /** A workshop opened with --answers team.yaml, whose answers are `loaded`. */
  function teamContext(prompts: WorkshopPrompts, saves: [string, GuidanceAnswers][] = []): WorkshopContext {
    const ctx = workshopContext(prompts, async (name, answers) => void saves.push([name, answers]), ['team.yaml']);
    return { ...ctx, answersFile: 'team.yaml', savedAnswers: loaded, draft: { ...ctx.draft, guidance: loaded } };
  }

  it('Replace, then a change and Enter: asks, and Discard leaves with the file as saved and a summary that says so', async () => {
    const saves: [string, GuidanceAnswers][] = [];
    const { prompts, seen } = boardPrompts(
      [() => ({ action: 'save', answers: flipped, row: 0 }), () => ({ action: 'done', answers: flippedAgain, row: 0 })],
      { select: ['overwrite', 'discard'] },
    );
    const ctx = teamContext(prompts, saves);
    await runSteps(BOARD_ONLY_STEPS, ctx);
    expect(seen).toEqual(['board', REPLACE, 'board', UNSAVED]);
    expect(saves).toEqual([['team.yaml', flipped]]);
    expect(answersSummary(ctx)).toBe(
      'The changes since the answers were saved to team.yaml were not saved; team.yaml holds the answers as saved.',
    );
    expect(answersSummary(ctx)).not.toContain('Answers saved to');
  });

  it('Save on leaving goes the way s goes: it saves where s saved before, and the summary says saved', async () => {
    const saves: [string, GuidanceAnswers][] = [];
    const { prompts, seen } = boardPrompts(
      [() => ({ action: 'save', answers: flipped, row: 0 }), () => ({ action: 'done', answers: flippedAgain, row: 0 })],
      { select: ['overwrite', 'save'] },
    );
    const ctx = teamContext(prompts, saves);
    await runSteps(BOARD_ONLY_STEPS, ctx);
    expect(seen).toEqual(['board', REPLACE, 'board', UNSAVED]);
    expect(saves).toEqual([
      ['team.yaml', flipped],
      ['team.yaml', flippedAgain],
    ]);
    expect(answersSummary(ctx)).toBe('Answers saved to team.yaml.');
  });

  it('Save on leaving asks before replacing the --answers file, as s does; cancelling that returns to the board', async () => {
    const saves: [string, GuidanceAnswers][] = [];
    let status: unknown;
    const { prompts, seen } = boardPrompts(
      [
        () => ({ action: 'done', answers: flipped, row: 2 }),
        (request) => ((status = request.status), { action: 'done', answers: request.initial.answers, row: 2 }),
      ],
      { select: ['save', 'cancel', 'discard'] },
    );
    const ctx = teamContext(prompts, saves);
    await runSteps(BOARD_ONLY_STEPS, ctx);
    expect(seen).toEqual(['board', UNSAVED, REPLACE, 'board', UNSAVED]);
    expect(saves).toEqual([]);
    expect(status).toEqual({ text: 'Not saved.', ok: false });
    expect(answersSummary(ctx)).toBe('The changes were not saved; team.yaml is as it was.');
  });

  it('Back to the board reopens it where it was, with the changes', async () => {
    let reopened: Parameters<WorkshopPrompts['board']>[0] | undefined;
    const { prompts, seen } = boardPrompts(
      [
        () => ({ action: 'done', answers: flipped, row: 4 }),
        (request) => ((reopened = request), { action: 'done', answers: loaded, row: 4 }),
      ],
      { select: ['back'] },
    );
    const ctx = teamContext(prompts);
    await runSteps(BOARD_ONLY_STEPS, ctx);
    // Changed back to what the file holds: nothing to ask the second time.
    expect(seen).toEqual(['board', UNSAVED, 'board']);
    expect(reopened!.row).toBe(4);
    expect(reopened!.initial.answers).toEqual(flipped);
    expect(answersSummary(ctx)).toBe('No changes; team.yaml is as it was.');
  });

  it('nothing changed since the last save: no question, and the summary says saved', async () => {
    const { prompts, seen } = boardPrompts(
      [
        () => ({ action: 'save', answers: flipped, row: 0 }),
        (request) => ({ action: 'done', answers: request.initial.answers, row: 0 }),
      ],
      { select: ['overwrite'] },
    );
    const ctx = teamContext(prompts);
    await runSteps(BOARD_ONLY_STEPS, ctx);
    expect(seen).toEqual(['board', REPLACE, 'board']);
    expect(answersSummary(ctx)).toBe('Answers saved to team.yaml.');
  });

  it('Ctrl+C on the board with unsaved changes asks too; Discard then cancels', async () => {
    const saves: [string, GuidanceAnswers][] = [];
    const { prompts, seen } = boardPrompts([() => ({ action: 'quit', answers: flipped, row: 0 })], {
      select: ['discard'],
    });
    await expect(runSteps(BOARD_ONLY_STEPS, teamContext(prompts, saves))).rejects.toBeInstanceOf(CancelledError);
    expect(seen).toEqual(['board', UNSAVED]);
    expect(saves).toEqual([]);
  });

  it('Ctrl+C on the board without unsaved changes cancels at once', async () => {
    const { prompts, seen } = boardPrompts([
      (request) => ({ action: 'quit', answers: request.initial.answers, row: 0 }),
    ]);
    await expect(runSteps(BOARD_ONLY_STEPS, teamContext(prompts))).rejects.toBeInstanceOf(CancelledError);
    expect(seen).toEqual(['board']);
  });

  it('without a file, leaving asks too; Discard says the answers were not saved', async () => {
    const { prompts, seen } = boardPrompts(
      [(request) => ({ action: 'done', answers: request.initial.answers, row: 0 })],
      { select: ['discard'] },
    );
    const ctx = workshopContext(prompts, async () => {});
    await runSteps(BOARD_ONLY_STEPS, ctx);
    expect(seen).toEqual(['board', 'select: Save the answers before leaving?']);
    expect(answersSummary(ctx)).toBe('The answers were not saved.');
  });
});

describe('saving from the board', () => {
  const guidance = { ...defaultGuidance(), automationExperience: 'new' } as GuidanceAnswers;

  it('writes a new, minimal and valid answers file', async () => {
    const file = join(dir, 'ami-wizard.yaml');
    await saveGuidance(file, guidance, 'shop');
    const answers = await loadAnswers(file);
    expect(answers.project.name).toBe('shop');
    expect(answers.guidance).toEqual(guidance);
  });

  it('updates only the guidance of an existing file and keeps its comments and other keys', async () => {
    const file = join(dir, 'team.yaml');
    writeFileSync(
      file,
      '# our team\nversion: 1\nproject:\n  name: web-shop # the shop\n  stage: prod\nguidance:\n  recoveryTime: minutes\n',
    );
    await saveGuidance(file, guidance, 'ignored');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('# our team');
    expect(text).toContain('name: web-shop # the shop');
    const answers = load(text) as { project: unknown; guidance: unknown };
    expect(answers.project).toEqual({ name: 'web-shop', stage: 'prod' });
    expect(answers.guidance).toEqual(guidance);
  });

  it("saved under a new name with --answers, the new file keeps the team file's other answers", async () => {
    const team = join(dir, 'team.yaml');
    writeFileSync(
      team,
      '# our team\nversion: 1\nproject:\n  name: web-shop\n  stage: prod\nguidance:\n  recoveryTime: minutes\n',
    );
    const copy = join(dir, 'team-b.yaml');
    await saveGuidance(copy, guidance, 'ignored', team);
    const text = readFileSync(copy, 'utf8');
    expect(text).toContain('# our team');
    expect((load(text) as { project: unknown }).project).toEqual({ name: 'web-shop', stage: 'prod' });
    expect(readFileSync(team, 'utf8')).toContain('recoveryTime: minutes');
  });

  it('refuses to overwrite a file that is not a YAML mapping', async () => {
    const file = join(dir, 'ami-wizard.yaml');
    writeFileSync(file, '- a list\n');
    await expect(saveGuidance(file, guidance, 'shop')).rejects.toThrow(/not a YAML mapping/);
    expect(readFileSync(file, 'utf8')).toBe('- a list\n');
  });
});
