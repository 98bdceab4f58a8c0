// What the terminal keeps after the wizard writes: the design and the folder first, the files by
// folder, a summary in the past tense, then the next steps, within a 24-row terminal.
import { describe, expect, it } from 'vitest';
import { decisionFor } from '../../questionnaire/decision.ts';
import { planFiles } from '../../source/output/plan.ts';
import { runText } from '../../source/output/plan-text.ts';
import { minimalAnswers } from '../support/answers.ts';
import { answersFrom, generate } from '../support/generate.ts';

async function run(written: boolean, byFolder: boolean, width?: number) {
  const answers = answersFrom(minimalAnswers());
  const files = await generate(answers);
  const plan = planFiles(
    { outDir: '/work/out', previous: null, disk: new Map(files.map((f) => [f.path, null])) },
    files,
    { force: false, generator: 'ami-wizard@0' },
  );
  return {
    count: files.length,
    text: runText(
      { decision: decisionFor(answers), outDir: '/work/out', outLabel: 'out', plan, written },
      { byFolder, width },
    ),
  };
}

describe('the summary after a run', () => {
  // The wizard prints it to its terminal: at 60 columns the top-level files were one line of 64,
  // which the terminal broke mid-word (test/e2e/wizard-pty.test.ts saw it once the write was fast).
  it.each([60, 80])("the wizard's summary fits %i columns", async (width) => {
    const { text } = await run(true, true, width);
    expect(text.split('\n').filter((line) => line.length > width)).toEqual([]);
  });

  it('after writing, the counts read as done, not as a plan', async () => {
    const { count, text } = await run(true, false);
    expect(text).toContain(`${count} files written (${count} created)`);
    expect(text).not.toContain('to create');
  });

  it('a dry run still reads as a plan', async () => {
    const { count, text } = await run(false, false);
    expect(text).toContain(`${count} to create`);
  });

  it("the wizard's summary lists the files by folder, so the Design line and the path stay on a 24-row terminal", async () => {
    const { count, text } = await run(true, true);
    const lines = text.trimEnd().split('\n');
    expect(count).toBeGreaterThan(20);
    // One row is left for the shell prompt that follows.
    expect(lines.length).toBeLessThanOrEqual(23);
    expect(lines[0]).toMatch(/^Design: Hybrid/);
    expect(lines[1]).toBe('Wrote /work/out:');
    expect(text).toMatch(/^ {2}packer\/\s+\d+ files$/m);
    expect(text).toContain('Replay these answers');
  });
});

describe('the trail of answers after the wizard writes (issue 21)', () => {
  it('one line per group of screens, above the Design line, and the whole ending within 23 rows at 80 columns', async () => {
    const { trailLines } = await import('../../source/text/trail-text.ts');
    const answers = answersFrom({
      ...minimalAnswers(),
      project: { name: 'web-shop', stage: 'prod', compliance: ['PCI DSS'] },
      platform: { regions: ['eu-west-1', 'eu-central-1'] },
      roles: [{ name: 'web' }, { name: 'worker' }],
    });
    const trail = trailLines(answers, 80);
    expect(trail[0]).toBe('◇ web-shop · Amazon Linux 2023, x86_64 · eu-west-1 (build), eu-central-1');
    expect(trail.join('\n')).toMatch(/^◇ Roles: web, worker$/m);
    expect(trail.join('\n')).toMatch(/^◇ Guidance: /m);
    expect(trail.join('\n')).toMatch(/^◇ Build: Packer · .*t3\.small/m);
    expect(trail.join('\n')).toMatch(/^◇ Tags: .*Production.*PCI DSS/m);
    for (const line of trail) expect(line.length).toBeLessThanOrEqual(80);

    const files = await generate(answers);
    const plan = planFiles(
      { outDir: '/work/out', previous: null, disk: new Map(files.map((f) => [f.path, null])) },
      files,
      { force: false, generator: 'ami-wizard@0' },
    );
    const text = runText(
      { decision: decisionFor(answers), outDir: '/work/out', outLabel: 'out', plan, written: true },
      { byFolder: true, trail },
    );
    const lines = text.trimEnd().split('\n');
    expect(lines.slice(0, trail.length)).toEqual(trail);
    expect(lines[trail.length]).toMatch(/^Design: /);
    expect(text).toContain('Next steps: build the images');
    expect(text).toContain('Replay these answers');
    // One row is left for the shell prompt that follows.
    expect(lines.length).toBeLessThanOrEqual(23);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
  });
});

describe('after saving the answers only', () => {
  it('says where they are, that nothing else was written, and the command that writes the folder later', async () => {
    const { answersSavedText } = await import('../../source/output/plan-text.ts');
    expect(answersSavedText({ file: 'team.yaml', outLabel: 'out', conflicts: false })).toBe(
      'Answers saved to team.yaml; nothing else was written.\nWrite the files later: ami-wizard --answers team.yaml --out out\n',
    );
    expect(answersSavedText({ file: 'my team.yaml', outLabel: 'out', conflicts: true })).toContain(
      "ami-wizard --answers 'my team.yaml' --out out --force",
    );
  });
});

// Issue 21: a re-run over an edited file printed "Wrote DIR:", then "Nothing written, ... 1 conflict left
// as is", then "Next steps: build the images", then the conflict again on stderr.
describe('a run that leaves a conflict has one ending', () => {
  async function conflicted(byFolder: boolean) {
    const answers = answersFrom(minimalAnswers());
    const files = await generate(answers);
    const { sha256 } = await import('../../source/output/manifest.ts');
    const hashes = Object.fromEntries(files.map((f) => [f.path, sha256(f.contents)]));
    const disk = new Map(files.map((f) => [f.path, f.path === 'README.md' ? sha256('edited') : hashes[f.path]!]));
    const previous = { version: 1, generator: 'ami-wizard@0', files: hashes } as never;
    const plan = planFiles({ outDir: '/work/out', previous, disk }, files, { force: false, generator: 'ami-wizard@0' });
    expect(plan.conflicts).toBe(1);
    return runText(
      { decision: decisionFor(answers), outDir: '/work/out', outLabel: 'out', plan, written: true },
      { byFolder },
    );
  }

  it.each([false, true])(
    'byFolder %s: no "Wrote" when nothing was written, no next steps, one line saying what to do',
    async (byFolder) => {
      const text = await conflicted(byFolder);
      expect(text).not.toContain('Wrote ');
      expect(text).not.toContain('Next steps');
      expect(text).toMatch(/Nothing written/);
      expect(text.match(/--force/g)).toHaveLength(1);
    },
  );
});
