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
import { WORKSHOP_STEPS } from '../../source/wizard/workshop.ts';
import type { WorkshopContext, WorkshopPrompts } from '../../source/wizard/workshop.ts';
import { tempDir } from '../support/answers.ts';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

function workshopContext(prompts: WorkshopPrompts, save: WorkshopContext['save']): WorkshopContext {
  return { args: { yes: false }, draft: emptyDraft(), given: new Set(), prompts, progress: { step: 0, total: 0 }, save };
}

describe('workshop flow', () => {
  it('spectrum, the nine questions with their why open, then the board with those answers', async () => {
    const seen: string[] = [];
    let boardAnswers: GuidanceAnswers | undefined;
    const prompts: WorkshopPrompts = {
      spectrum: async () => void seen.push('spectrum'),
      select: async (request) => {
        expect(request.whyOpen).toBe(true);
        seen.push(request.title);
        return request.title === QUESTIONS.manualSteps.prompt ? (true as never) : request.initial;
      },
      text: async () => '',
      board: async (request) => {
        boardAnswers = request.initial.answers;
        const flipped = changeAnswer(request.initial, 'onPremises', 1);
        return { action: 'done', answers: flipped.answers };
      },
    };
    const ctx = workshopContext(prompts, async () => 'x');
    await runSteps(WORKSHOP_STEPS, ctx);
    expect(seen).toHaveLength(10);
    expect(seen[0]).toBe('spectrum');
    expect(boardAnswers).toEqual({ ...defaultGuidance(), manualSteps: true });
    expect(ctx.draft.guidance).toEqual({ ...defaultGuidance(), manualSteps: true, onPremises: true });
  });

  it('a save still running when the board closes (s, then Enter at once) is waited for', async () => {
    let finishSave = (_file: string) => {};
    const prompts: WorkshopPrompts = {
      spectrum: async () => undefined,
      select: async (request) => request.initial,
      text: async () => '',
      board: async (request) => {
        void request.save(request.initial.answers); // not awaited: Enter came right after s
        return { action: 'done', answers: request.initial.answers };
      },
    };
    const ctx = workshopContext(prompts, () => new Promise<string>((resolve) => (finishSave = resolve)));
    // What the run knows at the moment it ends is what it reports.
    const savedWhenDone = runSteps(WORKSHOP_STEPS, ctx).then(() => ctx.saved);
    await new Promise((resolve) => setTimeout(resolve, 10));
    finishSave('ami-wizard.yaml');
    expect(await savedWhenDone).toBe('ami-wizard.yaml');
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
    writeFileSync(file, '# our team\nversion: 1\nproject:\n  name: web-shop # the shop\n  stage: prod\nguidance:\n  recoveryTime: minutes\n');
    await saveGuidance(file, guidance, 'ignored');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('# our team');
    expect(text).toContain('name: web-shop # the shop');
    const answers = load(text) as { project: unknown; guidance: unknown };
    expect(answers.project).toEqual({ name: 'web-shop', stage: 'prod' });
    expect(answers.guidance).toEqual(guidance);
  });

  it('refuses to overwrite a file that is not a YAML mapping', async () => {
    const file = join(dir, 'ami-wizard.yaml');
    writeFileSync(file, '- a list\n');
    await expect(saveGuidance(file, guidance, 'shop')).rejects.toThrow(/not a YAML mapping/);
    expect(readFileSync(file, 'utf8')).toBe('- a list\n');
  });
});
