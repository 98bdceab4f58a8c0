// Resuming a kept draft (issue 21, item 3) without a terminal: the welcome offers it, Resume opens
// the screen it reached with its answers filled in and the screens before it behind Esc; Start over
// deletes it and asks from the first question.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyDraft } from '../../source/answers/draft.ts';
import { BACK } from '../../source/wizard/context.ts';
import type { ResumeOffer } from '../../source/wizard/context.ts';
import { runSteps } from '../../source/wizard/flow.ts';
import { WIZARD_STEPS } from '../../source/wizard/steps.ts';
import { tempDir } from '../support/answers.ts';
import { scripted, wizardContext } from '../support/scripted-prompts.ts';
import type { Call } from '../support/scripted-prompts.ts';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

function offer(): ResumeOffer {
  const draft = emptyDraft();
  draft.project.name = 'kept-name';
  draft.platform.os = 'ubuntu-24.04';
  return {
    draft,
    screen: 'architecture',
    label: 'Resume where you left off (step 4, saved 09:05)',
    discard: vi.fn(async () => {}),
  };
}

describe('resuming a kept draft', () => {
  it('Resume opens the screen reached, with the answers kept; Esc goes back to the ones before', async () => {
    const resume = offer();
    let backs = 0;
    const { prompts, calls } = scripted(
      (call: Call) => {
        if (call.kind === 'welcome') return 'resume';
        if (call.title === 'Which CPU architecture?' && backs++ === 0) return BACK;
        return undefined;
      },
      () => ctx.progress,
    );
    const ctx = wizardContext(dir, ['--out', join(dir, 'out')], prompts, { resume });
    await runSteps(WIZARD_STEPS, ctx);
    expect(calls[0]!.request.resume).toBe(resume.label);
    expect(calls[1]!.title).toBe('Which CPU architecture?');
    expect(calls[1]!.progress?.step).toBe(4);
    // Esc: the OS screen, showing the kept answer; then forward again.
    expect(calls[2]!.title).toBe('Which operating system do the images run?');
    expect(calls[2]!.request.initial).toBe('ubuntu-24.04');
    expect(calls[3]!.title).toBe('Which CPU architecture?');
    expect(resume.discard).not.toHaveBeenCalled();
    expect(ctx.outcome?.written).toBe(true);
    expect(ctx.draft.project.name).toBe('kept-name');
    // The offer is made once: the draft is in the context now.
    expect(ctx.resume).toBeUndefined();
  });

  it('Start over deletes the draft and asks from the first question', async () => {
    const resume = offer();
    const { prompts, calls } = scripted((call: Call) => (call.kind === 'welcome' ? 'start' : undefined));
    const ctx = wizardContext(dir, ['--out', join(dir, 'out')], prompts, { resume });
    await runSteps(WIZARD_STEPS, ctx);
    expect(resume.discard).toHaveBeenCalledOnce();
    expect(calls[1]!.title).toBe('What is the project called?');
    expect(calls[1]!.request.initial).toBe('shop');
  });

  it('Esc from the screen reached goes back screen by screen to the welcome, which offers nothing then', async () => {
    const resume = offer();
    resume.screen = 'regions';
    let backs = 0;
    const { prompts, calls } = scripted((call: Call) => {
      if (call.kind === 'welcome') return calls.length === 1 ? 'resume' : 'start';
      if (backs < 4 && call.kind !== 'confirmPlan' && call.kind !== 'writing') return (backs++, BACK);
      return undefined;
    });
    const ctx = wizardContext(dir, ['--out', join(dir, 'out')], prompts, { resume });
    await runSteps(WIZARD_STEPS, ctx);
    expect(calls.slice(0, 6).map((c) => c.title)).toEqual([
      'welcome',
      'Which AWS regions must the images be in?',
      'Which CPU architecture?',
      'Which operating system do the images run?',
      'What is the project called?',
      'welcome',
    ]);
    expect(calls[5]!.request.resume).toBeUndefined();
  });
});
