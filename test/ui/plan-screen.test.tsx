// The file plan screen: files by folder, totals in generate's words, conflicts by name, Enter writes.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render } from 'ink-testing-library';
import { planFiles } from '../../source/output/plan.ts';
import { sha256 } from '../../source/output/manifest.ts';
import type { OutputState } from '../../source/output/plan.ts';
import { planView } from '../../source/output/plan-text.ts';
import { PlanScreen } from '../../source/ui/plan-screen.tsx';
import { KEY, press } from './keys.ts';

afterEach(() => cleanup());

const files = [
  'README.md',
  'ami-wizard.yaml',
  'packer/base.pkr.hcl',
  'packer/variables.pkr.hcl',
  'tagging/tag-policy.json',
].map((path) => ({
  path,
  contents: `new ${path}\n`,
  mode: 0o644,
}));

function plan(existing: boolean) {
  const state: OutputState = existing
    ? {
        outDir: '/work/out',
        previous: {
          version: 1,
          generator: 'ami-wizard@0',
          files: Object.fromEntries(files.map((f) => [f.path, sha256(`old ${f.path}\n`)])),
        },
        // README.md untouched since the last run, variables.pkr.hcl edited by hand, the rest as generated now.
        disk: new Map(
          files.map((f) => [
            f.path,
            f.path === 'packer/variables.pkr.hcl'
              ? sha256('# mine\n')
              : f.path === 'README.md'
                ? sha256(`old ${f.path}\n`)
                : sha256(f.contents),
          ]),
        ),
      }
    : { outDir: '/work/out', previous: null, disk: new Map(files.map((f) => [f.path, null])) };
  return planFiles(state, files, { force: false, generator: 'ami-wizard@0' });
}

const about = [
  'Design: Hybrid (recommended)',
  'OS: Amazon Linux 2023, x86_64 (Intel and AMD)',
  'Regions: eu-west-1 (build), us-east-1',
];

function renderPlan(existing: boolean, dryRun = false) {
  const onSubmit = vi.fn();
  const onBack = vi.fn();
  const view = {
    ...planView(plan(existing)),
    about,
    resolve: [
      'Keep your answers: choose Save answers only, then run ami-wizard --answers ami-wizard.yaml --out out --force',
    ],
  };
  const ui = render(
    <PlanScreen
      outDir="/work/out"
      outLabel="out"
      view={view}
      dryRun={dryRun}
      progress={{ step: 21, total: 21 }}
      onSubmit={onSubmit}
      onBack={onBack}
    />,
  );
  return { ...ui, onSubmit, onBack };
}

describe('plan screen', () => {
  it('a new folder: the files by folder and the totals', () => {
    const frame = renderPlan(false).lastFrame()!;
    expect(frame).toContain('/work/out');
    expect(frame).toContain('README.md, ami-wizard.yaml');
    expect(frame).toMatch(/packer\/\s+2 files/);
    expect(frame).toMatch(/tagging\/\s+1 file\b/);
    expect(frame).toContain('5 to create');
    expect(frame).not.toContain('conflict');
    expect(frame).toContain('❯ Yes, write the files to out');
  });

  it('an existing folder shows its conflicts before anything is written', () => {
    const frame = renderPlan(true).lastFrame()!;
    expect(frame).toContain('1 to update, 3 unchanged, 1 conflict');
    expect(frame).toContain('conflict  packer/variables.pkr.hcl');
    expect(frame).toContain('--force');
  });

  it('Enter writes (the default is yes); the second choice quits', async () => {
    const yes = renderPlan(false);
    await press(yes.stdin, KEY.enter);
    expect(yes.onSubmit).toHaveBeenCalledWith(true);
    cleanup();
    const no = renderPlan(false);
    await press(no.stdin, KEY.down, KEY.enter);
    expect(no.onSubmit).toHaveBeenCalledWith(false);
  });

  it('restates the design, the OS and the regions being written', () => {
    const frame = renderPlan(false).lastFrame()!;
    for (const line of about) expect(frame).toContain(line);
  });

  it('folders are summarised; → on a folder lists its files and ← folds it again', async () => {
    const { stdin, lastFrame, onSubmit } = renderPlan(false);
    expect(lastFrame()).not.toContain('base.pkr.hcl');
    // Up from the first choice reaches the folders: tagging/ is the last, packer/ above it.
    await press(stdin, KEY.up, KEY.up, KEY.right);
    expect(lastFrame()).toMatch(/▾ packer\/\s+2 files/);
    expect(lastFrame()).toContain('base.pkr.hcl');
    expect(lastFrame()).toContain('variables.pkr.hcl');
    await press(stdin, KEY.left);
    expect(lastFrame()).not.toContain('base.pkr.hcl');
    // Enter on a folder opens it too, and never writes.
    await press(stdin, KEY.enter);
    expect(lastFrame()).toContain('base.pkr.hcl');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('offers saving the answers only, beside quitting without writing', async () => {
    const { stdin, lastFrame, onSubmit } = renderPlan(false);
    expect(lastFrame()).toContain('No, quit without writing');
    expect(lastFrame()).toContain('Save the answers only (ami-wizard.yaml), write nothing else');
    await press(stdin, KEY.down, KEY.down, KEY.enter);
    expect(onSubmit).toHaveBeenCalledWith('save-answers');
  });

  it('a digit never acts on the Files screen', async () => {
    const { stdin, onSubmit } = renderPlan(false);
    await press(stdin, '2', '3', '1');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('a conflict says how to resolve it without answering everything again', () => {
    const frame = renderPlan(true).lastFrame()!.replace(/\s+/g, ' ');
    expect(frame).toContain('--force');
    expect(frame).toContain('NAME.orig');
    expect(frame).toContain('ami-wizard --answers ami-wizard.yaml --out out --force');
  });

  it('a dry run says nothing is written', () => {
    expect(renderPlan(false, true).lastFrame()).toContain('dry run: nothing is written');
  });

  it('Esc goes back', async () => {
    const { stdin, onBack } = renderPlan(false);
    await press(stdin, KEY.escape);
    expect(onBack).toHaveBeenCalledOnce();
  });
});
