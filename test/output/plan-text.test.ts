// The plan and finish texts in-process: the summary line, the replay command and the conflict advice
// that generate and the wizard print (test/output/run-text.test.ts has the whole text after a run).
import { describe, expect, it } from 'vitest';
import type { GeneratedFile } from '../../generators/generated-file.ts';
import { planFiles } from '../../source/output/plan.ts';
import { conflictAdvice, doneSummaryLine, planSummaryLines, replayCommand } from '../../source/output/plan-text.ts';

const file = (path: string): GeneratedFile => ({ path, contents: `${path}\n`, mode: 0o644 });
const FILES = [file('README.md'), file('packer/base.pkr.hcl'), file('decision.md')];

/** A plan into a folder that holds `handMade` (files ami-wizard never wrote). */
function plan(handMade: string[] = []) {
  const disk = new Map(FILES.map((f) => [f.path, handMade.includes(f.path) ? 'f'.repeat(64) : null]));
  return planFiles({ outDir: '/work/out', previous: null, disk }, FILES, { force: false, generator: 'ami-wizard@0' });
}

describe('summary lines', () => {
  it('a fresh folder: what will be created, and once applied what was written', () => {
    expect(planSummaryLines(plan())[0]).toBe('3 to create');
    expect(doneSummaryLine(plan())).toBe('3 files written (3 created)');
  });

  it('a hand-made file is a conflict, counted and not written', () => {
    const withConflict = plan(['README.md']);
    expect(withConflict.conflicts).toBe(1);
    expect(planSummaryLines(withConflict)[0]).toMatch(/2 to create, 1 conflict/);
  });
});

describe('replay and conflicts', () => {
  it('the replay command quotes only what the shell would misread, and adds --force for conflicts', () => {
    expect(replayCommand('ami-wizard.yaml', 'out', false)).toBe('ami-wizard --answers ami-wizard.yaml --out out');
    expect(replayCommand('my team.yaml', '-out', true)).toBe(
      "ami-wizard --answers 'my team.yaml' --out '-out' --force",
    );
  });

  it('conflict advice only when there are conflicts, naming the command that resolves them later', () => {
    expect(conflictAdvice(plan(), 'out')).toEqual([]);
    const [advice] = conflictAdvice(plan(['README.md']), 'out', 'team.yaml');
    expect(advice).toContain('Save the answers only');
    expect(advice).toMatch(/ami-wizard --answers team\.yaml --out out --force$/);
  });
});
