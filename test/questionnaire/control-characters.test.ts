// hasControlCharacter (questionnaire/answer-values.ts) skips its class for printable ASCII: it must
// answer as the class does, for any text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONTROL_CHARACTERS, hasControlCharacter } from '../../questionnaire/answer-values.ts';

const CLASS = new RegExp(`[${CONTROL_CHARACTERS}]`);

describe('hasControlCharacter', () => {
  it('answers as the class of CONTROL_CHARACTERS does, for any text', () => {
    for (const text of ['', 'web-shop', 'a\tb', 'a\u007fb', 'caf\u00e9', 'x\u202ey', '\ufeff', 'ok \u00a0 ok'])
      expect(hasControlCharacter(text), JSON.stringify(text)).toBe(CLASS.test(text));
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 40 }),
        (text) => hasControlCharacter(text) === CLASS.test(text),
      ),
      { numRuns: 20_000, seed: 23 },
    );
  });
});
