// Adversarial review of issue 14's output-folder question (Build settings → Change them): a folder
// the Files screen would refuse (a file, a path through a file) is refused where it is typed, not
// after every question when the run ends with all answers lost; characters answers refuse (control,
// bidi overrides, invisible) are refused in the folder name too.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { runSteps } from '../../source/wizard/flow.ts';
import { WIZARD_STEPS } from '../../source/wizard/steps.ts';
import { scripted, wizardContext } from '../support/scripted-prompts.ts';
import { tempDir } from '../support/answers.ts';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

it('the output folder question refuses a file, a path through a file and unsafe characters', async () => {
  const { prompts, calls } = scripted((call) =>
    /^Build settings/.test(call.title) ? 'change' : call.kind === 'confirmPlan' ? false : undefined,
  );
  mkdirSync(join(dir, 'shop'));
  writeFileSync(join(dir, 'shop', 'notes.txt'), 'mine\n');
  const ctx = wizardContext(dir, [], prompts, { env: {} });
  await runSteps(WIZARD_STEPS, ctx).catch(() => undefined);
  const folder = calls.find((c) => /Which folder/.test(c.title))!;
  const validate = folder.request.validate as (typed: string) => string | undefined;
  expect(validate('notes.txt')).toMatch(/file/);
  expect(validate('notes.txt/build')).toMatch(/file/);
  expect(validate(join(dir, 'shop', 'notes.txt'))).toMatch(/file/);
  for (const typed of ['ami\u202ebuild', 'ami\u200bbuild', 'ami\u2028build'])
    expect(validate(typed), JSON.stringify(typed)).toBeDefined();
  expect(validate('ami-build')).toBeUndefined();
  expect(validate('new/deeper/folder')).toBeUndefined();
  expect(validate('.')).toBeUndefined();
});
