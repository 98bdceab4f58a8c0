// Issue 21: the four tag questions after the build screens fold into one "Tags" screen that keeps
// the defaults on Enter, as Build settings does; "Change them" asks each tag the --answers file does
// not give, and every screen shown takes a step number of its own ("Step N of M" stays true).
// In-process: scripted prompts stand in for the screens.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { load } from 'js-yaml';
import { BACK } from '../../source/wizard/context.ts';
import { runSteps } from '../../source/wizard/flow.ts';
import { WIZARD_STEPS } from '../../source/wizard/steps.ts';
import { WIZARD_STEP_COUNT } from '../../source/text/welcome-text.ts';
import { WIZARD_SCREENS } from '../../questionnaire/wizard-screens.ts';
import { draftFromFile } from '../../source/answers/prefill.ts';
import { scripted, wizardContext } from '../support/scripted-prompts.ts';
import type { Call } from '../support/scripted-prompts.ts';
import { tempDir, writeAnswers } from '../support/answers.ts';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const answersIn = (out: string) => load(readFileSync(join(out, 'ami-wizard.yaml'), 'utf8')) as any;
const TAG_TITLES = [/cost center/, /lifecycle stage/, /confidential/, /compliance/];
const isTags = (call: Call) => call.title === 'Tags';

async function run(answer: (call: Call) => unknown = () => undefined, file?: string) {
  const ref: { progress?: () => { step: number; total: number } } = {};
  // A flow that loops (Esc answered for ever) fails instead of hanging.
  const { prompts, calls } = scripted(
    (call) => {
      if (calls.length > 80) throw new Error(`the wizard keeps asking: ${call.title}`);
      return answer(call);
    },
    () => ({ ...ref.progress!() }),
  );
  const out = join(dir, 'out');
  const prefill = file ? await draftFromFile(file) : undefined;
  const ctx = wizardContext(dir, [...(file ? ['--answers', file] : []), '--out', out], prompts, { ...(prefill ?? {}) });
  ref.progress = () => ctx.progress;
  await runSteps(WIZARD_STEPS, ctx);
  return { calls: calls.filter((c) => c.kind !== 'writing'), out };
}

describe('the Tags screen', () => {
  it('is one screen: with the defaults the wizard shows each of its screens once, and Enter keeps the default tags', async () => {
    expect(
      WIZARD_SCREENS.filter((s) =>
        s.fields.some((f) => /^project\.(costCenter|stage|confidentiality|compliance)$/.test(f)),
      ).map((s) => s.id),
    ).toEqual(['tags']);
    const { calls, out } = await run();
    expect(calls).toHaveLength(WIZARD_STEP_COUNT);
    const tags = calls.find(isTags)!;
    expect(tags.kind).toBe('select');
    expect(tags.request.choices.map((c: { value: string }) => c.value)).toEqual(['keep', 'change']);
    expect(tags.request.initial).toBe('keep');
    expect(tags.request.hint).toMatch(/Cost center: .*Stage: Development.*Confidentiality: Internal.*Compliance: none/);
    expect(tags.request.why).toEqual(expect.any(String));
    for (const title of TAG_TITLES) expect(calls.some((c) => title.test(c.title))).toBe(false);
    expect(answersIn(out).project).toMatchObject({ stage: 'dev', confidentiality: 'internal', compliance: [] });
    expect(answersIn(out).project.costCenter).toBeUndefined();
  });

  it('"Change them" asks each tag; every screen shown is numbered in turn and the total counts them', async () => {
    const { calls, out } = await run((call) => {
      if (isTags(call)) return 'change';
      if (/cost center/.test(call.title)) return '4711';
      if (/lifecycle stage/.test(call.title)) return 'prod';
      if (/confidential/.test(call.title)) return 'restricted';
      if (/compliance/.test(call.title)) return ['PCI DSS'];
      return undefined;
    });
    const at = calls.findIndex(isTags);
    expect(calls.slice(at + 1, at + 5).map((c) => c.title)).toEqual(TAG_TITLES.map((t) => expect.stringMatching(t)));
    expect(calls.map((c) => c.progress!.step)).toEqual(calls.map((_, i) => i + 1));
    expect(calls.slice(at + 1).every((c) => c.progress!.total === calls.length)).toBe(true);
    expect(calls.length).toBe(26);
    expect(answersIn(out).project).toMatchObject({
      costCenter: '4711',
      stage: 'prod',
      confidentiality: 'restricted',
      compliance: ['PCI DSS'],
    });
  });

  it('Esc on a tag question returns to the Tags screen, which counts as before; Keep then keeps what was shown', async () => {
    let changes = 0;
    const { calls, out } = await run((call) => {
      if (isTags(call)) return changes++ === 0 ? 'change' : 'keep';
      if (/lifecycle stage/.test(call.title)) return BACK;
      return undefined;
    });
    const tagScreens = calls.filter(isTags);
    expect(tagScreens).toHaveLength(2);
    expect(tagScreens[1]!.progress).toEqual(tagScreens[0]!.progress);
    const files = calls.find((c) => c.kind === 'confirmPlan')!;
    expect(files.progress).toEqual({ step: WIZARD_STEP_COUNT, total: WIZARD_STEP_COUNT });
    expect(answersIn(out).project.stage).toBe('dev');
  });

  it('a partial --answers file: the tags it gives are kept, "change" asks only the others; with all four the screen is skipped', async () => {
    const some = writeAnswers(dir, { version: 1, project: { name: 'web-shop', stage: 'prod' } }, 'some.yaml');
    const { calls, out } = await run((call) => (isTags(call) ? 'change' : undefined), some);
    expect(calls.some(isTags)).toBe(true);
    expect(calls.some((c) => /lifecycle stage/.test(c.title))).toBe(false);
    for (const title of [TAG_TITLES[0]!, TAG_TITLES[2]!, TAG_TITLES[3]!])
      expect(calls.some((c) => title.test(c.title))).toBe(true);
    expect(calls.map((c) => c.progress!.step)).toEqual(calls.map((_, i) => i + 1));
    expect(answersIn(out).project.stage).toBe('prod');

    const all = writeAnswers(
      dir,
      {
        version: 1,
        project: { name: 'web-shop', costCenter: 'cc', stage: 'test', confidentiality: 'public', compliance: [] },
      },
      'all.yaml',
    );
    const full = await run(() => undefined, all);
    expect(full.calls.some(isTags)).toBe(false);
    expect(full.calls.map((c) => c.progress!.step)).toEqual(full.calls.map((_, i) => i + 1));
  });
});
