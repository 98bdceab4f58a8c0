// The grapheme stand-in the bundle gives Ink's text packages (issue 23): it must split every text
// exactly as Intl.Segmenter does, and split by code point only where that is the same thing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { graphemeSegmenter, SINGLE_CODE_POINT_GRAPHEMES } from '../../source/text/graphemes.ts';

const intl = new Intl.Segmenter();
const segmentsOf = (segments: Iterable<{ segment: string; index: number }>) =>
  [...segments].map(({ segment, index }) => [segment, index]);

const setMembers = Array.from({ length: 0x10000 }, (_, code) => String.fromCharCode(code)).filter((c) =>
  SINGLE_CODE_POINT_GRAPHEMES.test(c),
);

describe('graphemeSegmenter', () => {
  it('every code point of the set is a grapheme of its own next to a letter and next to itself', () => {
    expect(setMembers.length).toBeGreaterThan(3000);
    const joined = setMembers.filter((c) => {
      const parts = [...intl.segment(`a${c}${c}a`)].map(({ segment }) => segment);
      return parts.join('\u0000') !== ['a', c, c, 'a'].join('\u0000');
    });
    expect(joined.map((c) => `U+${c.charCodeAt(0).toString(16).padStart(4, '0')}`)).toEqual([]);
  });

  it('leaves out what joins: CR LF, combining marks, ZWJ, variation selectors, jamo, line separators', () => {
    for (const c of ['\r', '\u0301', '\u200d', '\ufe0f', '\u1100', '\u2028', '\u20d0', '\ud83d'])
      expect(SINGLE_CODE_POINT_GRAPHEMES.test(`a${c}`), `U+${c.charCodeAt(0).toString(16)}`).toBe(false);
  });

  // Texts mixing the set with what it leaves out: the stand-in's segments and containing() are Intl's.
  const pieces = ['a', ' ', '─', '◀', '●', '·', '…', 'é', '\t', '\n', '\r\n', 'e\u0301', '한', '\u1100\u1161'];
  const others = ['👍🏽', '🇩🇪', '❤\ufe0f', '👩\u200d💻', '日本', '\u0915\u094d\u0937', '\u0600\u0661'];
  const texts = fc.array(fc.constantFrom(...pieces, ...others), { maxLength: 12 }).map((parts) => parts.join(''));

  it('splits every text as Intl.Segmenter does', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const segments = graphemeSegmenter().segment(text);
        expect(segmentsOf(segments)).toEqual(segmentsOf(intl.segment(text)));
        for (const index of [-1, 0, 1, text.length - 1, text.length, Number.NaN, undefined, 1.7]) {
          const mine = segments.containing(index);
          const theirs = intl.segment(text).containing(index);
          expect(mine && [mine.segment, mine.index]).toEqual(theirs && [theirs.segment, theirs.index]);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('segments graphemes only', () => {
    expect(() => graphemeSegmenter(undefined, { granularity: 'word' as 'grapheme' })).toThrow(/graphemes/);
  });
});
