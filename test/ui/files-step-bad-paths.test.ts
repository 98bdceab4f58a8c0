// Adversarial review of issue 14's paths: "save the answers only" to a name that cannot be written
// (no such folder, a folder, a symlink) tells why and goes back to the Files screen instead of ending
// the run with every answer lost; the output folder and the save-as name refuse what answers refuse
// (control characters, bidi overrides, invisible characters) and a folder that names a file.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseArgs } from '../../source/cli-options.ts';
import { draftFromFile } from '../../source/answers/prefill.ts';
import type { Prompts, WizardContext } from '../../source/wizard/context.ts';
import { filesStep } from '../../source/wizard/step-files.ts';
import { answersFileNameProblem } from '../../source/wizard/save-answers.ts';
import { minimalAnswers, tempDir, writeAnswers } from '../support/answers.ts';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

type Reply = (kind: string, request: any) => unknown;

async function files(reply: Reply) {
  const { draft, given } = await draftFromFile(writeAnswers(dir, minimalAnswers(), 'input.yaml'));
  const seen: { kind: string; request: any }[] = [];
  const ask = (kind: string) => async (request: any) => (seen.push({ kind, request }), reply(kind, request));
  const prompts = { select: ask('select'), text: ask('text'), confirmPlan: ask('confirmPlan') } as unknown as Prompts;
  const ctx = {
    args: parseArgs(['--out', 'out']),
    cwd: dir,
    draft,
    given,
    prompts,
    signal: new AbortController().signal,
    progress: { step: 1, total: 1 },
  } as WizardContext;
  const result = await filesStep(ctx).catch((error: Error) => error);
  return { ctx, seen, result };
}

/** Saves the answers only, under `name` (through save-as, since ami-wizard.yaml is there); the second plan quits. */
function saveAs(name: string, replace = false): Reply {
  let plans = 0;
  return (kind, request) => {
    if (kind === 'confirmPlan') return ++plans === 1 ? 'save-answers' : false;
    if (kind === 'select' && request.title.includes('already exists'))
      return request.title.startsWith(name) && replace ? 'overwrite' : 'other';
    if (kind === 'select') return request.initial;
    return name;
  };
}

describe('"save the answers only" to a name that cannot be written', () => {
  const cases: [string, () => void, boolean][] = [
    ['a folder that does not exist', () => undefined, false],
    ['a folder', () => mkdirSync(join(dir, 'x.yaml')), true],
  ];
  for (const [what, setUp, replace] of cases) {
    it(`${what}: says why and goes back to the Files screen; the run goes on`, async () => {
      writeFileSync(join(dir, 'ami-wizard.yaml'), '# the team file\n');
      setUp();
      const name = what.startsWith('a folder that') ? 'nodir/x.yaml' : 'x.yaml';
      const { seen, result } = await files(saveAs(name, replace));
      const notice = seen.find((s) => s.kind === 'select' && /not saved/i.test(s.request.title));
      expect(notice?.request.hint).toMatch(/Cannot save/);
      expect(seen.filter((s) => s.kind === 'confirmPlan')).toHaveLength(2);
      // The second plan's "quit without writing": the run ends as the user chose, not with the save's error.
      expect((result as Error).name).toBe('CancelledError');
    });
  }
});

describe('names that are no plain text', () => {
  it('the save-as name refuses bidi overrides, invisible characters and control characters', () => {
    for (const name of ['team\u202e.yaml', 'te\u200bam.yaml', 'a\u2028b.yaml', 'a\u0007.yaml'])
      expect(answersFileNameProblem(name)).toBeDefined();
    expect(answersFileNameProblem('team.yaml')).toBeUndefined();
    expect(answersFileNameProblem('configs/team.yml')).toBeUndefined();
  });
});

void existsSync;
