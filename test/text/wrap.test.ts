// Word wrap in terminal columns: a wide character (CJK, most emoji) takes two columns, a combining
// mark none. Widths here come from the characters' known widths, not from the code under test.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wrap, wrapText } from '../../source/text/wrap.ts';

// Each unit with the columns a terminal gives it.
const UNITS: [string, number][] = [
  ['a', 1],
  ['Z', 1],
  ['-', 1],
  ['漢', 2],
  ['イ', 2],
  ['한', 2],
  ['ｗ', 2],
  ['😀', 2],
  ['👩‍👩‍👧', 2],
  ['e\u0301', 1],
];
const word = fc.array(fc.constantFrom(...UNITS), { minLength: 1, maxLength: 6 }).map((units) => ({
  text: units.map(([u]) => u).join(''),
  columns: units.reduce((sum, [, w]) => sum + w, 0),
}));
const columnsOf = new Map<string, number>();
const columns = (line: string) => {
  const words = line.split(' ');
  return words.reduce((sum, w) => sum + columnsOf.get(w)!, 0) + words.length - 1;
};

describe('wrap', () => {
  it('keeps every line of wide characters within the width, in terminal columns', () => {
    const text = Array(12).fill('ビルド済み イメージ 😀😀 構成').join(' ');
    for (const line of wrapText(text, 20)) expect(sentenceColumns(line), line).toBeLessThanOrEqual(20);
  });

  it('fills each line: the next word would not fit, counting columns', () => {
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 40 }), fc.integer({ min: 12, max: 40 }), (words, width) => {
        for (const w of words) columnsOf.set(w.text, w.columns);
        const lines = wrapText(words.map((w) => w.text).join(' '), width);
        expect(lines.join(' ')).toBe(words.map((w) => w.text).join(' ')); // no word lost, split or reordered
        lines.forEach((line, i) => {
          expect(columns(line), line).toBeLessThanOrEqual(width);
          const next = lines[i + 1]?.split(' ')[0];
          if (next !== undefined) expect(columns(line) + 1 + columnsOf.get(next)!, line).toBeGreaterThan(width);
        });
      }),
      { numRuns: 500 },
    );
  });

  it('indents the following lines by the columns of the first prefix', () => {
    const lines = wrap('one two three four five six', '警告: ', undefined, 16);
    expect(lines).toEqual(['警告: one two', '      three four', '      five six']);
  });

  it('puts a word wider than the line on a line of its own', () => {
    expect(wrapText('a 漢漢漢漢漢漢 b', 8)).toEqual(['a', '漢漢漢漢漢漢', 'b']);
  });
});

/** Columns of a line of the fixed sentence above: every non-ASCII character in it is wide. */
function sentenceColumns(line: string): number {
  return [...line].reduce((sum, c) => sum + (c.charCodeAt(0) < 0x80 ? 1 : 2), 0);
}
