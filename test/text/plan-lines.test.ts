// The Files screen's plan as rows and the window over them (issue 21): every conflict is a row, the
// folders come last (right above the choices), and the window follows the cursor onto a folder.
import { describe, expect, it } from 'vitest';
import { planLines, windowTop } from '../../source/text/plan-lines.ts';
import type { PlanView } from '../../source/text/plan-lines.ts';

const view: PlanView = {
  about: ['Design: Hybrid (recommended)'],
  topLevel: 'README.md, ami-wizard.yaml',
  folders: ['packer/        2 files', 'tagging/       1 file'],
  folderFiles: [['base.pkr.hcl', 'variables.pkr.hcl'], ['policy.json']],
  totals: ['3 unchanged, 7 conflicts', 'The conflicting files were edited since the last run; left as is.'],
  conflicts: Array.from({ length: 7 }, (_, i) => `conflict  file-${i}`),
  resolve: ['To resolve this without answering again: ...'],
};

describe('the Files screen rows', () => {
  it('lists every conflict, then the folders last; an open folder lists its files under it', () => {
    const { lines, folderRows } = planLines(view, { cursor: 1, open: 0 }, 80);
    const texts = lines.map((line) => line.text);
    for (let i = 0; i < 7; i++) expect(texts).toContain(`  conflict  file-${i}`);
    expect(folderRows).toHaveLength(2);
    expect(texts[folderRows[0]!]).toMatch(/^ {4}▾ packer\//);
    expect(texts[folderRows[0]! + 1]).toContain('base.pkr.hcl, variables.pkr.hcl');
    expect(lines[folderRows[1]!]).toEqual({ text: '  ❯ ▸ tagging/       1 file', tone: 'cursor' });
    expect(folderRows[1]).toBe(lines.length - 1);
    for (const text of texts) expect(text.length).toBeLessThanOrEqual(80);
  });

  it('the design, OS and regions are wrapped to the width too (an override that breaks a requirement is long)', () => {
    const design =
      'Design: JeOS (just enough OS) (overridden, though it cannot meet the recovery time and manual steps answers; the model advises Hybrid)';
    const { lines } = planLines({ ...view, about: [design] }, { cursor: 0, open: undefined }, 80);
    const texts = lines.map((line) => line.text);
    for (const text of texts) expect(text.length, text).toBeLessThanOrEqual(80);
    expect(texts.slice(0, 2).join(' ')).toBe(design);
  });

  it('the window stays in range, and moves just enough to show the focused row', () => {
    expect(windowTop(0, 5, 20)).toBe(0);
    expect(windowTop(30, 5, 20)).toBe(15);
    expect(windowTop(-3, 5, 20)).toBe(0);
    expect(windowTop(0, 5, 20, 12)).toBe(8);
    expect(windowTop(10, 5, 20, 4)).toBe(4);
    expect(windowTop(0, 30, 20, 12)).toBe(0);
  });
});
