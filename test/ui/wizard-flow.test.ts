// The wizard's steps driven without a terminal: scripted prompts stand in for the screens, as the
// steps only ever await ctx.prompts. Proves the flow the screens sit on: defaults, going back,
// --answers pre-fill, --yes, validation through the answers schema, cancelling, and the write.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { load } from 'js-yaml';
import { CancelledError } from '../../source/errors.ts';
import { BACK } from '../../source/wizard/context.ts';
import type { Prompts, WizardContext } from '../../source/wizard/context.ts';
import { runSteps } from '../../source/wizard/flow.ts';
import { draftFromFile, prefillForGaps } from '../../source/answers/prefill.ts';
import { WIZARD_STEPS } from '../../source/wizard/steps.ts';
import { WIZARD_STEP_COUNT } from '../../source/text/welcome-text.ts';
import { QUESTIONS, QUESTION_KEYS } from '../../questionnaire/questions.ts';
import { GUIDANCE_SCREENS, WIZARD_SCREENS } from '../../questionnaire/wizard-screens.ts';
import { MINIMAL_YAML, tempDir, writeAnswers } from '../support/answers.ts';
import { scripted, wizardContext } from '../support/scripted-prompts.ts';
import type { Call } from '../support/scripted-prompts.ts';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const context = (argv: string[], prompts: Prompts, overrides: Partial<WizardContext> = {}): WizardContext =>
  wizardContext(dir, argv, prompts, overrides);

const answersIn = (out: string) => load(readFileSync(join(out, 'ami-wizard.yaml'), 'utf8')) as any;

describe('wizard flow', () => {
  it('has as many steps as the welcome frame announces', () => {
    expect(WIZARD_STEPS.length).toBe(WIZARD_STEP_COUNT);
  });

  it('Enter on every screen writes the folder with the defaults and the folder name as project name', async () => {
    const { prompts, calls } = scripted();
    const ctx = context(['--out', join(dir, 'out')], prompts);
    await runSteps(WIZARD_STEPS, ctx);
    expect(calls.map((c) => c.kind)).toEqual([
      'welcome',
      'text',
      'select',
      'select',
      'multiSelect',
      'text',
      ...GUIDANCE_SCREENS.map((screen) => (screen.keys.length === 1 ? 'select' : 'selectGroup')),
      'recommendation',
      'select',
      'select',
      'select',
      'select',
      'confirmPlan',
      'writing',
    ]);
    expect(ctx.outcome?.written).toBe(true);
    const answers = answersIn(join(dir, 'out'));
    expect(answers.project.name).toBe('shop');
    expect(answers.strategy).toBe('auto');
    expect(answers.guidance.recoveryTime).toBe(QUESTIONS.recoveryTime.defaultValue);
    // Every question is in the saved file, the two added since version 1 too.
    expect(Object.keys(answers.guidance).sort()).toEqual([...QUESTION_KEYS].sort());
    expect(ctx.outcome?.decision.strategy).toBe('hybrid');
  });

  it('has one screen more than before the model split experience and added the pipeline question, and three fewer since the tags share one', () => {
    // Before: 24 screens, one per guidance question (9 of them) and 15 others. The two experience
    // questions share a screen now, so the 11 questions take 10 screens. Issue 21 folded the four
    // tag screens into one: 12 others.
    const before = { guidance: 9, total: 24 };
    const others = WIZARD_SCREENS.filter((screen) => !screen.id.startsWith('guidance.')).length;
    expect(others + 3 + before.guidance).toBe(before.total);
    expect(QUESTION_KEYS).toHaveLength(before.guidance + 2);
    expect(WIZARD_STEP_COUNT).toBe(before.total + 1 - 3);
    expect(GUIDANCE_SCREENS.filter((screen) => screen.keys.length > 1).map((screen) => screen.keys)).toEqual([
      ['awsExperience', 'automationExperience'],
    ]);
  });

  it('the experience screen asks both experience questions, each with its why, and sets both', async () => {
    const { prompts, calls } = scripted((call) => (call.kind === 'selectGroup' ? ['experienced', 'new'] : undefined));
    await runSteps(WIZARD_STEPS, context(['--out', join(dir, 'out')], prompts));
    const group = calls.filter((c) => c.kind === 'selectGroup');
    expect(group).toHaveLength(1);
    const request = group[0]!.request;
    const n = (key: (typeof QUESTION_KEYS)[number]) => QUESTION_KEYS.indexOf(key) + 1;
    expect(request.section).toBe(
      `Questions ${n('awsExperience')} and ${n('automationExperience')} of ${QUESTION_KEYS.length}`,
    );
    expect(request.parts.map((part: { title: string }) => part.title)).toEqual([
      QUESTIONS.awsExperience.prompt,
      QUESTIONS.automationExperience.prompt,
    ]);
    expect(request.parts.map((part: { why: string }) => part.why)).toEqual([
      QUESTIONS.awsExperience.why,
      QUESTIONS.automationExperience.why,
    ]);
    expect(request.parts.map((part: { initial: string }) => part.initial)).toEqual(['some', 'some']);
    expect(answersIn(join(dir, 'out')).guidance).toMatchObject({
      awsExperience: 'experienced',
      automationExperience: 'new',
    });
    // The questions after it count on: "Question 9 of 11".
    expect(n('distinctConfigurations')).toBe(n('automationExperience') + 1);
    expect(calls.find((c) => c.title === QUESTIONS.distinctConfigurations.prompt)!.request.section).toBe(
      `Question ${n('distinctConfigurations')} of ${QUESTION_KEYS.length}`,
    );
  });

  it('a file that gives one experience answer gets the other asked on a screen of its own, and both saved', async () => {
    for (const [given, asked, initial] of [
      // A file from before the split: AWS experience starts as its automation answer, as the file means it.
      [{ automationExperience: 'new' }, 'awsExperience', 'new'],
      [{ awsExperience: 'experienced' }, 'automationExperience', 'some'],
    ] as const) {
      const file = writeAnswers(dir, { version: 1, project: { name: 'web-shop' }, guidance: given }, `${asked}.yaml`);
      const { draft, given: fields } = await draftFromFile(file);
      const { prompts, calls } = scripted();
      const out = join(dir, `out-${asked}`);
      await runSteps(WIZARD_STEPS, context(['--answers', file, '--out', out], prompts, { draft, given: fields }));
      expect(calls.some((c) => c.kind === 'selectGroup')).toBe(false);
      const screen = calls.find((c) => c.title === QUESTIONS[asked].prompt)!;
      expect(screen.kind).toBe('select');
      expect(screen.request.why).toBe(QUESTIONS[asked].why);
      expect(screen.request.initial).toBe(initial);
      expect(answersIn(out).guidance).toMatchObject({ ...given, [asked]: initial });
    }
  });

  it('--yes with a file from before the split saves AWS experience as its automation answer', async () => {
    const file = writeAnswers(dir, {
      version: 1,
      project: { name: 'web-shop' },
      guidance: { automationExperience: 'experienced' },
    });
    const { draft, given } = await draftFromFile(file);
    const { prompts } = scripted();
    await runSteps(
      WIZARD_STEPS,
      context(['--answers', file, '--yes', '--out', join(dir, 'out')], prompts, { draft, given }),
    );
    expect(answersIn(join(dir, 'out')).guidance).toMatchObject({
      awsExperience: 'experienced',
      automationExperience: 'experienced',
      automatedPipeline: false,
    });
  });

  it('every guidance screen carries its question, hint and why from questions.ts, and the progress moves', async () => {
    const seen: { title: string; step: number }[] = [];
    const ctxRef: { ctx?: WizardContext } = {};
    const { prompts, calls } = scripted(
      (call) => void seen.push({ title: call.title, step: ctxRef.ctx!.progress.step }),
    );
    ctxRef.ctx = context(['--out', join(dir, 'out')], prompts);
    await runSteps(WIZARD_STEPS, ctxRef.ctx);
    const recovery = calls.find((c) => c.title === QUESTIONS.recoveryTime.prompt)!;
    expect(recovery.request.hint).toBe(QUESTIONS.recoveryTime.hint);
    expect(recovery.request.why).toBe(QUESTIONS.recoveryTime.why);
    expect(recovery.request.defaultValue).toBe('tens-of-minutes');
    expect(seen.map((s) => s.step)).toEqual([...Array(WIZARD_STEP_COUNT).keys()].map((i) => i + 1));
  });

  it('going back re-asks the previous screens with the answers given there; a changed answer changes the recommendation', async () => {
    let goingBack = false;
    let initialOnReturn: unknown;
    const { prompts, calls } = scripted((call) => {
      if (call.kind === 'recommendation' && !goingBack && initialOnReturn === undefined)
        return ((goingBack = true), BACK);
      if (!goingBack) return undefined;
      if (call.kind === 'selectGroup') {
        initialOnReturn = call.request.parts.map((part: { initial: string }) => part.initial);
        goingBack = false;
        return ['some', 'new']; // automation experience: the answer whatIf names for the default answers
      }
      return BACK;
    });
    const ctx = context(['--out', join(dir, 'out')], prompts);
    await runSteps(WIZARD_STEPS, ctx);
    expect(initialOnReturn).toEqual(['some', 'some']);
    const titles = calls.map((c) => c.title);
    const firstRecommendation = titles.indexOf('recommendation');
    expect(titles.slice(firstRecommendation, firstRecommendation + 5)).toEqual([
      'recommendation',
      QUESTIONS.latestAtLaunch.prompt,
      QUESTIONS.automatedPipeline.prompt,
      QUESTIONS.distinctConfigurations.prompt,
      'How experienced is the team?',
    ]);
    const recommendations = calls.filter((c) => c.kind === 'recommendation').map((c) => c.request.decision.recommended);
    expect(recommendations).toEqual(['hybrid', 'fully-baked']);
    expect(answersIn(join(dir, 'out')).guidance.automationExperience).toBe('new');
  });

  it('Esc on the first screen stays there', async () => {
    let first = true;
    const { prompts, calls } = scripted((call) =>
      call.kind === 'welcome' && first ? ((first = false), BACK) : undefined,
    );
    await runSteps(WIZARD_STEPS, context(['--out', join(dir, 'out')], prompts));
    expect(calls.slice(0, 3).map((c) => c.kind)).toEqual(['welcome', 'welcome', 'text']);
  });

  it('an override is written as strategy and the decision follows it', async () => {
    const { prompts } = scripted((call) => (call.kind === 'recommendation' ? 'jeos' : undefined));
    const ctx = context(['--out', join(dir, 'out')], prompts);
    await runSteps(WIZARD_STEPS, ctx);
    expect(answersIn(join(dir, 'out')).strategy).toBe('jeos');
    expect(ctx.outcome?.decision).toMatchObject({ strategy: 'jeos', recommended: 'hybrid', overridden: true });
  });

  it('Windows Server 2022 is offered only on x86_64, and its folder is written', async () => {
    const { prompts, calls } = scripted((call) => {
      if (call.title === 'Which operating system do the images run?') return 'windows-server-2022';
      return undefined;
    });
    const ctx = context(['--out', join(dir, 'out')], prompts);
    await runSteps(WIZARD_STEPS, ctx);
    const arch = calls.find((c) => c.title === 'Which CPU architecture?')!;
    expect(arch.request.choices.map((c: { value: string }) => c.value)).toEqual(['x86_64']);
    expect(answersIn(join(dir, 'out')).platform).toMatchObject({ os: 'windows-server-2022', architecture: 'x86_64' });
  });

  it('a choice that conflicts with the --answers file is not offered, so the run cannot end refused', async () => {
    for (const fromFile of [{ platform: { architecture: 'arm64' } }, { configManagement: 'ansible' }]) {
      const file = writeAnswers(dir, { version: 1, project: { name: 'web-shop' }, ...fromFile }, 'partial.yaml');
      const { draft, given } = await draftFromFile(file);
      // A person can pick Windows only if it is offered.
      const offersWindows = (call: Call) =>
        call.request.choices?.some((c: { value: string }) => c.value === 'windows-server-2022');
      const { prompts, calls } = scripted((call) =>
        call.title === 'Which operating system do the images run?' && offersWindows(call)
          ? 'windows-server-2022'
          : undefined,
      );
      const out = join(dir, `out-${Object.keys(fromFile)[0]}`);
      await runSteps(WIZARD_STEPS, context(['--answers', file, '--out', out], prompts, { draft, given }));
      const os = calls.find((c) => c.title === 'Which operating system do the images run?')!;
      expect(
        os.request.choices.map((c: { value: string }) => c.value),
        JSON.stringify(fromFile),
      ).not.toContain('windows-server-2022');
      expect(existsSync(join(out, 'ami-wizard.yaml'))).toBe(true);
    }
  });

  it('an architecture answered on screen does not block Windows when going back: it is asked again', async () => {
    // OS: Enter; architecture: arm64; regions: Esc; architecture: Esc; OS: Windows; architecture: Enter.
    let arch = 0;
    let regions = 0;
    const { prompts, calls } = scripted((call) => {
      if (call.title === 'Which CPU architecture?') return ++arch === 1 ? 'arm64' : arch === 2 ? BACK : undefined;
      if (/regions/.test(call.title)) return ++regions === 1 ? BACK : undefined;
      if (call.title === 'Which operating system do the images run?' && arch === 2) return 'windows-server-2022';
      return undefined;
    });
    await runSteps(WIZARD_STEPS, context(['--out', join(dir, 'out')], prompts));
    const osScreens = calls.filter((c) => c.title === 'Which operating system do the images run?');
    expect(osScreens.at(-1)!.request.choices.map((c: { value: string }) => c.value)).toContain('windows-server-2022');
    const lastArch = calls.filter((c) => c.title === 'Which CPU architecture?').at(-1)!;
    expect(lastArch.request.choices.map((c: { value: string }) => c.value)).toEqual(['x86_64']);
    expect(answersIn(join(dir, 'out')).platform).toMatchObject({ os: 'windows-server-2022', architecture: 'x86_64' });
  });

  it('text answers are checked by the answers schema: regions, roles, secrets', async () => {
    const { prompts, calls } = scripted((call) => (call.title === 'Tags' ? 'change' : undefined));
    await runSteps(WIZARD_STEPS, context(['--out', join(dir, 'out')], prompts));
    const validate = (title: RegExp) =>
      calls.find((c) => title.test(c.title))!.request.validate as (v: string) => string | undefined;
    expect(validate(/regions/)(['us-east-1', 'eu-west-1'] as never)).toBeUndefined();
    // A list's wrong entry is named before what is expected.
    expect(validate(/regions/)(['us-east-1', 'nowhere'] as never)).toBe(
      '"nowhere": use an AWS region code such as eu-west-1',
    );
    expect(validate(/^Which server roles/)('web, Web Server')).toMatch(/^"Web": use lower-case letters/);
    expect(validate(/^Which server roles/)('web, web')).toMatch(/role names must be unique/i);
    expect(validate(/cost center/)('AKIAIOSFODNN7ABCDEFG')).toMatch(/AWS access key id.*SSM Parameter Store/);
    expect(validate(/compliance/)(['PCI DSS', 'ISO*'] as never)).toMatch(/wildcard/);
    expect(validate(/compliance/)(['PCI DSS', 'ISO 27001'] as never)).toBeUndefined();
  });

  it('typed lists become the answers: regions, roles and compliance', async () => {
    const { prompts } = scripted((call) => {
      if (/regions/.test(call.title)) return ['eu-west-1', 'eu-central-1'];
      if (/^Which server roles/.test(call.title)) return 'web worker';
      if (call.title === 'Tags') return 'change';
      if (/compliance/.test(call.title)) return ['PCI DSS', 'ISO 27001'];
      if (/cost center/.test(call.title)) return ' 4711 ';
      return undefined;
    });
    await runSteps(WIZARD_STEPS, context(['--out', join(dir, 'out')], prompts));
    const answers = answersIn(join(dir, 'out'));
    expect(answers.platform.regions).toEqual(['eu-west-1', 'eu-central-1']);
    expect(answers.roles.map((r: { name: string }) => r.name)).toEqual(['web', 'worker']);
    expect(answers.project.compliance).toEqual(['PCI DSS', 'ISO 27001']);
    expect(answers.project.costCenter).toBe('4711');
  });

  it('--answers pre-fills: only what the file leaves out is asked', async () => {
    const file = writeAnswers(dir, {
      version: 1,
      project: { name: 'web-shop', stage: 'prod' },
      guidance: {
        recoveryTime: 'minutes',
        baselineStability: 'static',
        appReleaseCadence: 'rarely',
        manualSteps: true,
        onPremises: false,
      },
    });
    const { draft, given } = await draftFromFile(file);
    const { prompts, calls } = scripted();
    const ctx = context(['--answers', file, '--out', join(dir, 'out')], prompts, { draft, given });
    await runSteps(WIZARD_STEPS, ctx);
    const asked = calls.map((c) => c.title);
    expect(asked).not.toContain('What is the project called?');
    expect(asked).not.toContain(QUESTIONS.recoveryTime.prompt);
    expect(asked).not.toContain('Which lifecycle stage are the images for?');
    expect(asked).toContain(QUESTIONS.existingTooling.prompt);
    expect(asked).toContain('Which AWS regions must the images be in?');
    const answers = answersIn(join(dir, 'out'));
    expect(answers.project).toMatchObject({ name: 'web-shop', stage: 'prod' });
    expect(answers.guidance).toMatchObject({ recoveryTime: 'minutes', manualSteps: true, existingTooling: 'none' });
    expect(ctx.outcome?.decision.recommended).toBe('fully-baked');
  });

  it('a file missing required answers needs questions; a complete or broken one goes to generate', async () => {
    const needsQuestions = async (file: string) => (await prefillForGaps(file)) !== undefined;
    expect(
      await needsQuestions(writeAnswers(dir, { version: 1, guidance: { recoveryTime: 'hours' } }, 'partial.yaml')),
    ).toBe(true);
    expect(await needsQuestions(writeAnswers(dir, MINIMAL_YAML, 'complete.yaml'))).toBe(false);
    expect(await needsQuestions(writeAnswers(dir, 'version: 1\nguidance: [\n', 'broken.yaml'))).toBe(false);
    expect(await needsQuestions(join(dir, 'missing.yaml'))).toBe(false);
  });

  it('--answers with a wrong value stops before any question', async () => {
    const file = writeAnswers(dir, { version: 1, guidance: { recoveryTime: 'soon' } });
    await expect(draftFromFile(file)).rejects.toThrow(/guidance\.recoveryTime/);
  });

  it('--yes asks nothing and writes the defaults', async () => {
    const { prompts, calls } = scripted();
    const ctx = context(['--yes', '--out', join(dir, 'out')], prompts);
    await runSteps(WIZARD_STEPS, ctx);
    expect(calls.map((c) => c.kind)).toEqual(['writing']);
    expect(answersIn(join(dir, 'out')).guidance.automationExperience).toBe('some');
  });

  it('--dry-run shows the plan and writes nothing', async () => {
    const { prompts, calls } = scripted();
    const ctx = context(['--dry-run', '--out', join(dir, 'out')], prompts);
    await runSteps(WIZARD_STEPS, ctx);
    expect(calls.at(-1)!.kind).toBe('confirmPlan');
    expect(ctx.outcome?.written).toBe(false);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('"No" at the confirm step cancels and writes nothing', async () => {
    const { prompts } = scripted((call) => (call.kind === 'confirmPlan' ? false : undefined));
    await expect(runSteps(WIZARD_STEPS, context(['--out', join(dir, 'out')], prompts))).rejects.toBeInstanceOf(
      CancelledError,
    );
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('a Ctrl+C that arrives as the plan is confirmed still writes nothing', async () => {
    const controller = new AbortController();
    const { prompts } = scripted((call) => (call.kind === 'confirmPlan' ? (controller.abort(), true) : undefined));
    const ctx = context(['--out', join(dir, 'out')], prompts, { signal: controller.signal });
    await expect(runSteps(WIZARD_STEPS, ctx)).rejects.toBeInstanceOf(CancelledError);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});

describe('a default derived from earlier answers (issue 21)', () => {
  const CONFIGURATIONS = QUESTIONS.distinctConfigurations.prompt;
  const names = (n: number) => Array.from({ length: n }, (_, i) => `role${i + 1}`).join(', ');

  /**
   * 3 roles, on to the configurations question (answered with `first`, undefined = Enter), one
   * screen further, then Esc back to the roles screen, 6 roles, and forward again.
   */
  function backToRoles(first?: string) {
    let phase: 'forward' | 'back' | 'again' = 'forward';
    return scripted((call) => {
      if (/^Which server roles/.test(call.title)) {
        if (phase === 'forward') return names(3);
        phase = 'again';
        return names(6);
      }
      if (phase === 'back') return BACK;
      if (phase === 'forward' && call.title === CONFIGURATIONS) return ((phase = 'back'), first);
      return undefined;
    });
  }

  const configurationsCalls = (calls: Call[]) => calls.filter((c) => c.title === CONFIGURATIONS);

  it('accepted as preselected, it follows the roles when they change: 6 roles preselect "several"', async () => {
    const { prompts, calls } = backToRoles();
    await runSteps(WIZARD_STEPS, context(['--out', join(dir, 'out')], prompts));
    const [first, , again] = configurationsCalls(calls);
    expect(first!.request.initial).toBe('few');
    expect(again!.request.hint).toContain('Preselected from the 6 roles you gave');
    expect(again!.request.initial).toBe('several');
    expect(answersIn(join(dir, 'out')).guidance.distinctConfigurations).toBe('several');
  });

  it('chosen by the user (another value than preselected), it is kept when the roles change', async () => {
    const { prompts, calls } = backToRoles('many');
    await runSteps(WIZARD_STEPS, context(['--out', join(dir, 'out')], prompts));
    const again = configurationsCalls(calls).at(-1)!;
    expect(again.request.initial).toBe('many');
    expect(answersIn(join(dir, 'out')).guidance.distinctConfigurations).toBe('many');
  });
});
