// The Files step with scripted prompts: what the plan screen is told (design, OS, regions, how to
// resolve a conflict), and "save the answers only", which never overwrites a file without asking.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseArgs } from '../../source/cli-options.ts';
import { draftFromFile } from '../../source/answers/prefill.ts';
import { loadAnswers } from '../../source/answers/read.ts';
import type { PlanRequest, Prompts, WizardContext } from '../../source/wizard/context.ts';
import { filesStep } from '../../source/wizard/step-files.ts';
import { minimalAnswers, tempDir, writeAnswers } from '../support/answers.ts';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

type Reply = (kind: string, request: any) => unknown;

async function files(reply: Reply, argv: string[] = []) {
  const answers = minimalAnswers();
  answers.platform = { regions: ['eu-west-1', 'us-east-1'] };
  const { draft, given } = await draftFromFile(writeAnswers(dir, answers, 'input.yaml'));
  const seen: { kind: string; request: any }[] = [];
  const ask = (kind: string) => async (request: any) => (seen.push({ kind, request }), reply(kind, request));
  const prompts = {
    select: ask('select'),
    text: ask('text'),
    confirmPlan: ask('confirmPlan'),
    writing: async (_label: string, _count: number, work: () => Promise<unknown>) => (
      seen.push({ kind: 'writing', request: {} }), work()
    ),
  } as unknown as Prompts;
  const ctx = {
    args: parseArgs(['--out', 'out', ...argv]),
    cwd: dir,
    draft,
    given,
    prompts,
    signal: new AbortController().signal,
    progress: { step: 1, total: 1 },
  } as WizardContext;
  const result = await filesStep(ctx);
  return { ctx, seen, result };
}

describe('the Files step', () => {
  it('restates the design, the OS and the regions on the plan screen', async () => {
    const { seen } = await files(() => true);
    const view = (seen[0]!.request as PlanRequest).view;
    expect(view.about).toEqual([
      'Design: Hybrid (recommended)',
      'OS: Amazon Linux 2023, x86_64 (Intel and AMD)',
      'Regions: eu-west-1 (build), copies in us-east-1',
    ]);
    expect(view.resolve ?? []).toEqual([]);
  });

  it('a conflict tells how to resolve it without answering every question again', async () => {
    mkdirSync(join(dir, 'out'));
    writeFileSync(join(dir, 'out', 'README.md'), 'mine\n');
    let request: PlanRequest | undefined;
    await expect(files((_kind, r) => ((request = r), false))).rejects.toThrow(/Cancelled/);
    expect(request!.view.resolve!.join(' ')).toContain('ami-wizard --answers ami-wizard.yaml --out out --force');
  });

  it('"save the answers only" writes ami-wizard.yaml here and nothing else', async () => {
    const { ctx, seen, result } = await files((kind) => (kind === 'confirmPlan' ? 'save-answers' : undefined));
    expect(result).toBe('asked');
    expect(seen.map((s) => s.kind)).toEqual(['confirmPlan']);
    expect(existsSync(join(dir, 'out'))).toBe(false);
    const saved = await loadAnswers(join(dir, 'ami-wizard.yaml'));
    expect(saved.platform.regions).toEqual(['eu-west-1', 'us-east-1']);
    expect(saved.project.name).toBe('demo');
    expect(ctx.answersSaved).toEqual({ file: 'ami-wizard.yaml', outLabel: 'out', conflicts: false });
  });

  it('an existing ami-wizard.yaml is never overwritten without asking; save-as takes another name', async () => {
    writeFileSync(join(dir, 'ami-wizard.yaml'), '# the team file\n');
    const { ctx, seen } = await files((kind, request) => {
      if (kind === 'confirmPlan') return 'save-answers';
      if (kind === 'select') {
        expect(request.title).toContain('ami-wizard.yaml already exists');
        expect(request.initial).toBe('other');
        return 'other';
      }
      return 'team.yaml';
    });
    expect(seen.map((s) => s.kind)).toEqual(['confirmPlan', 'select', 'text']);
    expect(readFileSync(join(dir, 'ami-wizard.yaml'), 'utf8')).toBe('# the team file\n');
    expect((await loadAnswers(join(dir, 'team.yaml'))).project.name).toBe('demo');
    expect(ctx.answersSaved?.file).toBe('team.yaml');
  });

  it('overwriting takes an explicit choice; cancelling goes back to the plan', async () => {
    writeFileSync(join(dir, 'ami-wizard.yaml'), '# the team file\n');
    let plans = 0;
    const cancelled = files((kind) => {
      if (kind === 'confirmPlan') return ++plans === 1 ? 'save-answers' : false;
      return 'cancel';
    });
    // Back on the plan, "No, quit without writing" then cancels the run.
    await expect(cancelled).rejects.toThrow(/Cancelled/);
    expect(plans).toBe(2);
    expect(readFileSync(join(dir, 'ami-wizard.yaml'), 'utf8')).toBe('# the team file\n');
    const overwrite = await files((kind) =>
      kind === 'confirmPlan' ? 'save-answers' : kind === 'select' ? 'overwrite' : undefined,
    );
    expect(overwrite.ctx.answersSaved?.file).toBe('ami-wizard.yaml');
    expect((await loadAnswers(join(dir, 'ami-wizard.yaml'))).project.name).toBe('demo');
  });
});
