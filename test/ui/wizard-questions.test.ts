// The questions fit the answers (issue 14): steps as data, real regions with the environment's
// default, the configurations count from the roles, the build engine, the configuration tool, the
// build settings, compliance as a list, help on every screen, and a partial --answers file counted
// without gaps. In-process: scripted prompts stand in for the screens.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { load } from 'js-yaml';
import { runSteps } from '../../source/wizard/flow.ts';
import { WIZARD_STEPS } from '../../source/wizard/steps.ts';
import { WIZARD_STEP_COUNT, welcomeLines } from '../../source/text/welcome-text.ts';
import { ASKED_FIELDS } from '../../questionnaire/wizard-screens.ts';
import { AWS_REGIONS } from '../../questionnaire/regions.ts';
import { QUESTIONS } from '../../questionnaire/questions.ts';
import { draftFromFile } from '../../source/answers/prefill.ts';
import { validateDraft, emptyDraft } from '../../source/answers/draft.ts';
import { diagnoseAnswers } from '../../source/answers/diagnostics.ts';
import { scripted, wizardContext } from '../support/scripted-prompts.ts';
import type { Call } from '../support/scripted-prompts.ts';
import { MINIMAL_YAML, tempDir, writeAnswers } from '../support/answers.ts';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const answersIn = (out: string) => load(readFileSync(join(out, 'ami-wizard.yaml'), 'utf8')) as any;
const REGIONS_TITLE = /regions/;
const findCall = (calls: Call[], title: RegExp) => calls.find((c) => title.test(c.title));

async function run(
  answer: (call: Call) => unknown = () => undefined,
  options: { argv?: string[]; env?: Record<string, string>; file?: string } = {},
) {
  const ref: { progress?: () => { step: number; total: number } } = {};
  const { prompts, calls } = scripted(answer, () => ({ ...ref.progress!() }));
  const out = join(dir, 'out');
  const prefill = options.file ? await draftFromFile(options.file) : undefined;
  const ctx = wizardContext(
    dir,
    [...(options.file ? ['--answers', options.file] : []), '--out', out, ...(options.argv ?? [])],
    prompts,
    {
      env: options.env ?? {},
      ...(prefill ?? {}),
      ...(options.file ? { answersFile: options.file } : {}),
    },
  );
  ref.progress = () => ctx.progress;
  await runSteps(WIZARD_STEPS, ctx);
  return { calls, ctx, out };
}

describe('steps as data', () => {
  it('each step is an object with an id, a title, the fields it asks and its ask function; the counts come from the list', () => {
    for (const step of WIZARD_STEPS) {
      expect(step).toMatchObject({ id: expect.any(String), title: expect.any(String), fields: expect.any(Array) });
      expect(typeof step.ask).toBe('function');
    }
    expect(new Set(WIZARD_STEPS.map((s) => s.id)).size).toBe(WIZARD_STEPS.length);
    expect(WIZARD_STEP_COUNT).toBe(WIZARD_STEPS.length);
    expect([...ASKED_FIELDS]).toEqual(WIZARD_STEPS.flatMap((s) => s.fields));
    expect(welcomeLines(80)[0]).toMatch(new RegExp(`Step 1 of ${WIZARD_STEPS.length}$`));
  });
});

describe('regions', () => {
  it('a multi-select of the AWS region codes with their names, saying what the extra regions are for', async () => {
    const { calls } = await run();
    const regions = findCall(calls, REGIONS_TITLE)!;
    expect(regions.kind).toBe('multiSelect');
    expect(regions.request.choices.map((c: { value: string }) => c.value)).toEqual(AWS_REGIONS.map((r) => r.code));
    expect(regions.request.choices.find((c: { value: string }) => c.value === 'eu-west-1').label).toContain('Ireland');
    expect(`${regions.request.hint} ${regions.request.why}`).toMatch(/first.*build/i);
    expect(`${regions.request.hint} ${regions.request.why}`).toMatch(/cop(y|ied)/i);
    expect(regions.request.allowOther.lowerCase).toBe(true);
  });

  it('defaults to AWS_REGION, then AWS_DEFAULT_REGION, else us-east-1', async () => {
    const initial = async (env: Record<string, string>) =>
      findCall((await run(() => undefined, { env })).calls, REGIONS_TITLE)!.request.initial;
    expect(await initial({ AWS_REGION: 'eu-central-1', AWS_DEFAULT_REGION: 'ap-south-1' })).toEqual(['eu-central-1']);
    expect(await initial({ AWS_DEFAULT_REGION: 'ap-south-1' })).toEqual(['ap-south-1']);
    expect(await initial({})).toEqual(['us-east-1']);
    // A value that is no region is not preselected.
    expect(await initial({ AWS_REGION: 'eu-wst-1' })).toEqual(['us-east-1']);
    const { out } = await run(() => undefined, { env: { AWS_REGION: 'eu-central-1' } });
    expect(answersIn(out).platform.regions).toEqual(['eu-central-1']);
  });

  it('refuses unknown codes with a did-you-mean, and duplicates; the order ticked is kept', async () => {
    const { calls, out } = await run((call) =>
      REGIONS_TITLE.test(call.title) ? ['eu-west-1', 'eu-central-1'] : undefined,
    );
    const validate = findCall(calls, REGIONS_TITLE)!.request.validate;
    expect(validate(['eu-wst-1'])).toMatch(/eu-wst-1 is not an AWS region.*did you mean eu-west-1\?/i);
    expect(validate(['eu-west-1', 'eu-west-1'])).toMatch(/eu-west-1 is listed twice/);
    expect(validate([])).toMatch(/at least one/i);
    expect(validate(['eu-west-1', 'us-east-1'])).toBeUndefined();
    expect(answersIn(out).platform.regions).toEqual(['eu-west-1', 'eu-central-1']);
  });

  it('the answers schema refuses an unknown region, in the file and in copyToRegions, naming the likely one', () => {
    const draft = { ...emptyDraft(), ...(load(MINIMAL_YAML) as object), platform: { regions: ['eu-wst-1'] } } as any;
    const result = validateDraft(draft);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0]).toMatchObject({
      path: 'platform.regions.0',
      message: expect.stringMatching(/did you mean eu-west-1/),
    });
    const text = `${MINIMAL_YAML}platform:\n  regions: [us-east-1]\noptions:\n  copyToRegions: [eu-wst-1]\n`;
    expect(() => diagnoseAnswers(text, 'a.yaml')).toThrow(
      /options\.copyToRegions\[0\] is "eu-wst-1".*Did you mean "eu-west-1"\?/,
    );
    expect(() =>
      diagnoseAnswers(`${MINIMAL_YAML}platform:\n  regions: [eu-west-1, us-east-2]\n`, 'a.yaml'),
    ).not.toThrow();
  });
});

describe('roles and configurations', () => {
  it('the configurations question preselects the answer that fits the roles given, and says so', async () => {
    const names = (n: number) => Array.from({ length: n }, (_, i) => `role${i + 1}`);
    for (const [count, expected] of [
      [12, 'many'],
      [5, 'several'],
      [2, 'few'],
    ] as const) {
      const { calls } = await run((call) =>
        /^Which server roles/.test(call.title) ? names(count).join(', ') : undefined,
      );
      const question = calls.find((c) => c.title === QUESTIONS.distinctConfigurations.prompt)!;
      expect(question.request.initial, String(count)).toBe(expected);
      expect(question.request.hint).toContain(`${count} roles`);
    }
  });
});

describe('what the README says the wizard sets', () => {
  it('the build engine has its own screen with help on the two engines, and the answer is written', async () => {
    const { calls, out } = await run((call) => (/engine/.test(call.title) ? 'image-builder' : undefined));
    const builder = findCall(calls, /engine/)!;
    expect(builder.request.choices.map((c: { value: string }) => c.value)).toEqual(['packer', 'image-builder', 'both']);
    expect(builder.request.defaultValue).toBe('packer');
    expect(builder.request.why).toMatch(/Packer/);
    expect(builder.request.why).toMatch(/Image Builder/);
    expect(answersIn(out).builder).toBe('image-builder');
    expect(existsSync(join(out, 'imagebuilder'))).toBe(true);
  });

  it('the configuration tool question decides the config folder: shell writes no config/ansible/', async () => {
    const { calls, out } = await run((call) => (/configuration tool/.test(call.title) ? 'shell' : undefined));
    const tool = findCall(calls, /configuration tool/)!;
    expect(tool.request.choices.map((c: { value: string }) => c.value)).toContain('shell');
    expect(tool.request.initial).toBe('ansible'); // what "None yet" suggests, preselected
    expect(answersIn(out).configManagement).toBe('shell');
    expect(existsSync(join(out, 'config', 'ansible'))).toBe(false);
    expect(existsSync(join(out, 'config', 'shell'))).toBe(true);
  });

  it('build settings: Enter keeps the defaults; "change" asks instance type, role software, workflow and folder', async () => {
    const kept = await run();
    const settings = findCall(kept.calls, /^Build settings/)!;
    expect(settings.request.hint).toMatch(/t3\.small/);
    expect(settings.request.hint).toMatch(/ami-build|out/);
    expect(answersIn(kept.out).platform.instanceType).toBeUndefined();
    expect(answersIn(kept.out).options.githubActions).toBeUndefined();

    const changed = await run((call) => {
      if (/^Build settings/.test(call.title)) return 'change';
      if (/instance type/.test(call.title)) return 'm7i.large';
      if (/packages/.test(call.title)) return 'app: nginx curl';
      if (/GitHub/.test(call.title)) return 'arn:aws:iam::111122223333:role/ami-build';
      if (/folder/.test(call.title)) return join(dir, 'elsewhere');
      return undefined;
    });
    const instance = findCall(changed.calls, /instance type/)!;
    expect(instance.request.validate('not a type')).toMatch(/instance type such as/);
    const answers = answersIn(join(dir, 'elsewhere'));
    expect(answers.platform.instanceType).toBe('m7i.large');
    expect(answers.roles).toEqual([{ name: 'app', software: ['nginx', 'curl'] }]);
    expect(answers.options.githubActions.roleArn).toBe('arn:aws:iam::111122223333:role/ami-build');
    expect(existsSync(join(dir, 'elsewhere', '.github', 'workflows', 'ami-build.yml'))).toBe(true);
  });

  it('build settings: "change" numbers each of its screens in turn, and the total counts them (issue 21)', async () => {
    const { calls } = await run((call) => (/^Build settings/.test(call.title) ? 'change' : undefined));
    const shown = calls.filter((c) => c.kind !== 'writing');
    const at = shown.findIndex((c) => /^Build settings/.test(c.title));
    expect(shown.slice(at + 1, at + 5).map((c) => c.request.section)).toEqual(Array(4).fill('Build settings'));
    expect(shown.map((c) => c.progress!.step)).toEqual(shown.map((_, i) => i + 1));
    expect(shown.slice(at + 1).every((c) => c.progress!.total === shown.length)).toBe(true);
  });

  it('with Image Builder alone there is no GitHub workflow to set up (it builds with Packer)', async () => {
    const { calls } = await run((call) =>
      /engine/.test(call.title) ? 'image-builder' : /^Build settings/.test(call.title) ? 'change' : undefined,
    );
    expect(findCall(calls, /^Build settings/)!.request.hint).toMatch(
      /GitHub workflow: not written \(it builds with Packer\)/,
    );
    expect(findCall(calls, /GitHub/)).toBeUndefined();
  });

  it('compliance is a multi-select of common frameworks that takes others too', async () => {
    const { calls, out } = await run((call) =>
      call.title === 'Tags' ? 'change' : /compliance/.test(call.title) ? ['PCI DSS', 'ISO 27001'] : undefined,
    );
    const compliance = findCall(calls, /compliance/)!;
    expect(compliance.kind).toBe('multiSelect');
    expect(compliance.request.choices.map((c: { value: string }) => c.value)).toContain('PCI DSS');
    expect(compliance.request.allowOther).toBeTruthy();
    expect(compliance.request.validate(['ISO*'])).toMatch(/wildcard/);
    expect(answersIn(out).project.compliance).toEqual(['PCI DSS', 'ISO 27001']);
  });

  it('every question screen has help for ?', async () => {
    const { calls } = await run((call) =>
      /^Build settings/.test(call.title) || call.title === 'Tags' ? 'change' : undefined,
    );
    const questions = calls.filter((c) => ['select', 'text', 'multiSelect'].includes(c.kind));
    expect(questions.length).toBeGreaterThan(20);
    for (const call of questions) expect(call.request.why, call.title).toEqual(expect.any(String));
  });
});

describe('a partial --answers file', () => {
  it('steps are counted without gaps and the welcome says which answers came from the file', async () => {
    const file = writeAnswers(
      dir,
      {
        version: 1,
        project: { name: 'web-shop', stage: 'prod' },
        platform: { os: 'ubuntu-24.04', architecture: 'x86_64' },
        guidance: {
          recoveryTime: 'minutes',
          baselineStability: 'static',
          appReleaseCadence: 'rarely',
          manualSteps: true,
          onPremises: false,
        },
      },
      'partial.yaml',
    );
    const { calls } = await run(() => undefined, { file });
    const shown = calls.filter((c) => c.kind !== 'writing');
    expect(shown.map((c) => c.progress!.step)).toEqual(shown.map((_, i) => i + 1));
    expect(new Set(shown.map((c) => c.progress!.total))).toEqual(new Set([shown.length]));
    const welcome = calls.find((c) => c.kind === 'welcome')!;
    expect(welcome.request.note).toMatch(/from partial\.yaml/);
  });
});
