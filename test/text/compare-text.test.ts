// recommend --compare in the words on screen: question labels and design names, never internal keys.
import { describe, expect, it } from 'vitest';
import { compareAnswers } from '../../questionnaire/compare.ts';
import { DESIGN_KEYS_PATTERN } from './internal-names.ts';
import { defaultGuidance } from '../../questionnaire/questions.ts';
import type { GuidanceAnswers } from '../../questionnaire/questions.ts';
import { comparisonText } from '../../source/text/compare-text.ts';

describe('recommend --compare', () => {
  const a = defaultGuidance();
  const b = { ...a, recoveryTime: 'hours', onPremises: true, automationExperience: 'experienced' } as GuidanceAnswers;
  const text = comparisonText(compareAnswers(a, b), 'a.yaml', 'b.yaml');

  it('names each differing question by its label and the score shifts by the design names on screen', () => {
    expect(text).toContain('Recovery time: A "Within tens of minutes", B "Hours are acceptable"');
    expect(text).toContain('On-premises too: A');
    expect(text).toMatch(/Fully baked -1, Hybrid -1, JeOS \+2/);
  });

  it('uses no internal question keys or design ids', () => {
    expect(text).not.toMatch(DESIGN_KEYS_PATTERN);
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });
});

describe("recommend's text (the workshop leaves it in the scrollback)", () => {
  it('uses no internal question keys or design ids', async () => {
    const { decisionFor } = await import('../../questionnaire/decision.ts');
    const { recommendationText } = await import('../../source/text/decision-text.ts');
    for (const recoveryTime of ['minutes', 'hours'] as const) {
      expect(recommendationText(decisionFor({ guidance: { recoveryTime } }))).not.toMatch(DESIGN_KEYS_PATTERN);
    }
  });
});
