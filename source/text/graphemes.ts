// Grapheme segmentation without ICU where it is not needed. The first Intl object a process builds
// costs 12 to 20 ms (V8 lists ICU's locales for it), and Ink's text packages (string-width, slice-ansi,
// ansi-tokenize) each build an Intl.Segmenter when their modules load: paid before the wizard reads a
// key, to segment lines that are nearly all ASCII, box drawing and arrows. The bundle gives those
// packages this stand-in instead (scripts/dependency-edits.mjs): a text whose every code point is a
// grapheme on its own is split by code point, anything else goes to a real Intl.Segmenter, built on
// the first such text. test/text/graphemes.test.ts holds the set to what Intl.Segmenter does.

/**
 * Code points that never join a neighbour into one grapheme (UAX #29: none is Extend, ZWJ,
 * SpacingMark, Prepend, a Hangul jamo or a regional indicator), all in the Basic Multilingual Plane,
 * so a code point's index is its UTF-16 index: controls but CR (CR LF is one grapheme), Latin, the
 * general punctuation but the invisible marks, currency, letterlike symbols, arrows, mathematical
 * operators, box drawing, blocks, shapes, dingbats and braille.
 */
export const SINGLE_CODE_POINT_GRAPHEMES = /^[\0-\f\x0e-\u02ff\u2010-\u2027\u2030-\u205e\u2070-\u20cf\u2100-\u2bff]*$/;

interface GraphemeSegment {
  segment: string;
  index: number;
  input: string;
}

/** What the packages use of Intl.Segmenter's Segments: iteration and containing(). */
export interface GraphemeSegments extends Iterable<GraphemeSegment> {
  containing(index?: number): GraphemeSegment | undefined;
}

function singleCodePointSegments(input: string): GraphemeSegments {
  const at = (index: number): GraphemeSegment => ({ segment: input[index] as string, index, input });
  return {
    *[Symbol.iterator]() {
      for (let index = 0; index < input.length; index++) yield at(index);
    },
    containing(index) {
      const position = Math.trunc(Number(index)) || 0; // as Intl: NaN and undefined mean 0
      return position >= 0 && position < input.length ? at(position) : undefined;
    },
  };
}

/** A grapheme segmenter with Intl.Segmenter's arguments, which builds one only for a text that needs it. */
export function graphemeSegmenter(
  locales?: string | string[],
  options?: { granularity?: 'grapheme'; localeMatcher?: 'lookup' | 'best fit' },
): { segment(input: string): GraphemeSegments } {
  if (options?.granularity !== undefined && options.granularity !== 'grapheme')
    throw new Error(`graphemeSegmenter segments graphemes, not ${options.granularity}`);
  let segmenter: Intl.Segmenter | undefined;
  return {
    segment(input) {
      const text = String(input);
      if (SINGLE_CODE_POINT_GRAPHEMES.test(text)) return singleCodePointSegments(text);
      segmenter ??= new Intl.Segmenter(locales, options);
      return segmenter.segment(text);
    },
  };
}
