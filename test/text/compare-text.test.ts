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

describe('recommend --compare never claims a direction the ranking does not follow', () => {
  it('a difference that leaves JeOS last is not said to move B towards JeOS; it says whether B hangs on it', () => {
    const a = defaultGuidance();
    // More experience with AWS adds to JeOS, yet B stays hybrid with JeOS last.
    const b = { ...a, awsExperience: 'experienced' } as GuidanceAnswers;
    const c = compareAnswers(a, b);
    expect(c.b.ranking.at(-1)!.design).toBe('jeos');
    const text = comparisonText(c, 'a.yaml', 'b.yaml');
    expect(text).not.toMatch(/towards/);
    expect(text.replace(/\s+/g, ' ')).toContain("B's design would be the same with A's answer");
  });

  it("a difference B's design hangs on says so, naming what B would get with A's answer", () => {
    const a = defaultGuidance();
    const b = {
      ...a,
      manualSteps: true,
      latestAtLaunch: true,
      recoveryTime: 'minutes',
      awsExperience: 'new',
      automationExperience: 'new',
      existingTooling: 'golden-images',
    } as GuidanceAnswers;
    const c = compareAnswers(a, b);
    expect(c.b.recommended).toBe('hybrid');
    const latest = c.differences.find((d) => d.key === 'latestAtLaunch')!;
    expect(latest.withoutIt).toBe('fully-baked');
    expect(comparisonText(c, 'a.yaml', 'b.yaml').replace(/\s+/g, ' ')).toContain(
      "with A's answer, B would get Fully baked",
    );
  });
});

describe('recommend --compare when one answer changes the weight of another', () => {
  // Review of issue 20: with many configurations, A and B differing only in the pipeline showed
  // "Fully baked +1" while fully baked went from 5 to 10: the configurations' weight moved too.
  it("the pipeline's shift is what it does to B's whole scores, so the shifts add up to the difference", () => {
    const a = { ...defaultGuidance(), distinctConfigurations: 'many', automatedPipeline: false } as GuidanceAnswers;
    const b = { ...a, automatedPipeline: true } as GuidanceAnswers;
    const c = compareAnswers(a, b);
    const score = (r: typeof c.a, d: string) => r.ranking.find((x) => x.design === d)!.score;
    const [pipeline] = c.differences;
    for (const d of ['fully-baked', 'hybrid', 'jeos'] as const)
      expect(pipeline!.shift[d], d).toBe(score(c.b, d) - score(c.a, d));
    expect(pipeline!.shift['fully-baked']).toBe(5);
  });
});
