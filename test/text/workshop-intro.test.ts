// The workshop's first screen fits the terminal: at 80x24 everything with the title; smaller, the
// spectrum stays (compact), and wrapped lines keep their indent.
import { describe, expect, it } from 'vitest';
import { INTRO_CHROME_ROWS, introLines } from '../../source/text/workshop-intro-text.ts';
import { QUESTION_KEYS } from '../../questionnaire/questions.ts';

const fits = (width: number, rows: number) => {
  const lines = introLines(width, rows);
  // The screen's header, title, spacing and keys, and one row to spare.
  expect(lines.length + INTRO_CHROME_ROWS).toBeLessThanOrEqual(rows - 1);
  for (const line of lines) expect(line.length).toBeLessThanOrEqual(width);
  return lines;
};

describe('the workshop intro', () => {
  it('at 80x24: the spectrum, what each design bakes in and what comes next', () => {
    const text = fits(80, 24).join('\n');
    expect(text).toMatch(/◀─*●─*●─*●─*▶/);
    expect(text).toContain('in the image: a minimal OS and the configuration-management agent');
    expect(text).toContain(`${QUESTION_KEYS.length} questions`);
  });

  it('at 60x20: the spectrum is still shown, compactly', () => {
    const text = fits(60, 20).join('\n');
    expect(text).toMatch(/◀─*●─*●─*●─*▶/);
    expect(text).toMatch(/Fully baked\s+Hybrid\s+JeOS/);
  });

  it('wrapped lines keep their indent', () => {
    const lines = fits(60, 40);
    const wrapped = lines.filter(
      (line, i) =>
        i > 0 &&
        /^ {2}(in the image|at first boot):/.test(lines[i - 1]!) &&
        !/^ {2}\S/.test(line) &&
        /^\s+\S/.test(line),
    );
    expect(wrapped.length).toBeGreaterThan(0);
    for (const line of wrapped) expect(line).toMatch(/^ {4}\S/);
  });

  it('never taller than the terminal, even a tiny one', () => {
    for (const [w, r] of [
      [60, 16],
      [70, 22],
      [80, 30],
      [80, 18],
    ] as const)
      fits(w, r);
  });
});
