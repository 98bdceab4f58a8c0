// The score bars and the tie-break sentence: one fixed scale for every design and every answer set
// (a negative score draws left of the zero mark), and a tie at the top says why the recommended one wins.
import { describe, expect, it } from 'vitest';
import { SCORE_RANGE, tieText, tieWinnerText } from '../../questionnaire/decision.ts';
import { rank } from '../../questionnaire/recommend.ts';
import { scoreBars, recommendationText } from '../../source/text/decision-text.ts';
import { decisionFor } from '../../questionnaire/decision.ts';
import { defaultGuidance } from '../../questionnaire/questions.ts';

const barOf = (text: string) => text.slice(17);
const filled = (text: string) => (text.match(/█/g) ?? []).length;

describe('score bars', () => {
  it('a negative score draws a bar left of the zero mark', () => {
    const bars = scoreBars(rank({ 'fully-baked': -4, hybrid: 11, jeos: 3 }), 80);
    const fb = bars.find((b) => b.design === 'fully-baked')!.text;
    const hybrid = bars.find((b) => b.design === 'hybrid')!.text;
    expect(fb).toMatch(/-4 +█+│$/);
    expect(filled(fb)).toBeGreaterThan(0);
    expect(hybrid).toMatch(/11 +│█+$/);
    // Every bar shares one zero mark.
    expect(barOf(fb).indexOf('│')).toBe(barOf(hybrid).indexOf('│'));
  });

  it('one scale for all designs and all answers: a score draws the same bar whoever leads', () => {
    const leading = scoreBars(rank({ 'fully-baked': 5, hybrid: 11, jeos: 3 }), 80).find((b) => b.design === 'hybrid')!;
    const trailing = scoreBars(rank({ 'fully-baked': 20, hybrid: 11, jeos: 3 }), 80).find(
      (b) => b.design === 'hybrid',
    )!;
    expect(barOf(leading.text)).toBe(barOf(trailing.text));
    // The leader is not stretched to the full width: 11 is well short of the highest possible score.
    expect(11).toBeLessThan(SCORE_RANGE.high);
    const full = scoreBars(rank({ 'fully-baked': 0, hybrid: SCORE_RANGE.high, jeos: 0 }), 80)[0]!.text;
    expect(filled(leading.text)).toBeLessThan(filled(full));
  });

  it('a score of zero draws only the zero mark', () => {
    const bars = scoreBars(rank({ 'fully-baked': 0, hybrid: 11, jeos: 3 }), 80);
    expect(bars.find((b) => b.design === 'fully-baked')!.text).toMatch(/ 0 +│$/);
  });
});

describe('ties', () => {
  it('says why the recommended design wins a tie', () => {
    const text = tieText(rank({ 'fully-baked': 11, hybrid: 11, jeos: 3 }));
    expect(text).toMatch(/^Hybrid and Fully baked both score 11; Hybrid is recommended because a tie goes to/);
    expect(text).toContain('the middle of the spectrum');
  });

  it('says nothing when the leader wins outright', () => {
    expect(tieText(rank({ 'fully-baked': 10, hybrid: 11, jeos: 3 }))).toBeUndefined();
  });

  it('recommend prints the tie-break under the bars (defaults with recovery in minutes: Hybrid 9, Fully baked 9, JeOS ruled out)', () => {
    const decision = decisionFor({ guidance: { ...defaultGuidance(), recoveryTime: 'minutes' } });
    const text = recommendationText(decision);
    expect(text).toMatch(/Hybrid\s+9 .*\n.*Fully baked\s+9 .*\n.*JeOS\s+1 +│█+ ruled out\n/);
    expect(text.replace(/\s+/g, ' ')).toContain(
      'Hybrid and Fully baked both score 9; Hybrid is recommended because a tie goes to Hybrid, the middle of the spectrum',
    );
  });

  it('a tie with a ruled-out design is no tie: the design that meets every requirement wins, and no tie text argues otherwise', () => {
    // Fully baked and hybrid score alike, but the latest builds at launch rule fully baked out.
    const ranking = rank({ 'fully-baked': 9, hybrid: 9, jeos: 1 }, [
      { key: 'latestAtLaunch', answerLabel: 'Yes', rulesOut: ['fully-baked'], because: 'x' },
    ]);
    expect(ranking[0]!.design).toBe('hybrid');
    expect(tieText(ranking)).toBeUndefined();
    const reversed = rank({ 'fully-baked': 9, hybrid: 9, jeos: 1 }, [
      { key: 'manualSteps', answerLabel: 'Yes', rulesOut: ['hybrid'], because: 'x' },
    ]);
    expect(reversed[0]!.design).toBe('fully-baked');
    expect(tieText(reversed)).toBeUndefined();
  });
});

describe('the tie sentence the screens show (tieWinnerText)', () => {
  it('argues for the design that wins the tie, Hybrid: the middle of the spectrum', () => {
    const text = tieWinnerText(rank({ 'fully-baked': 9, hybrid: 9, jeos: 1 }))!;
    expect(text).toBe(
      "Hybrid and Fully baked both score 9; Hybrid wins the tie as the middle of the spectrum, which can later bake more in or less (the model's judgement).",
    );
  });

  it('argues for Fully baked when it wins a tie with JeOS, never for Hybrid, which is not in it', () => {
    const ranking = rank({ 'fully-baked': 9, hybrid: 5, jeos: 9 });
    expect(ranking[0]!.design).toBe('fully-baked');
    const text = tieWinnerText(ranking)!;
    expect(text).toBe(
      "Fully baked and JeOS both score 9; Fully baked wins the tie as the simpler deployment (the model's judgement).",
    );
    expect(text).not.toContain('middle of the spectrum');
  });

  it('a design ruled out does not tie, and no tie is no sentence', () => {
    const required = [
      { key: 'recoveryTime' as const, answerLabel: 'Within a few minutes', rulesOut: ['jeos'] as const, because: '' },
    ];
    expect(tieWinnerText(rank({ 'fully-baked': 5, hybrid: 9, jeos: 9 }, required))).toBeUndefined();
    expect(tieWinnerText(rank({ 'fully-baked': 10, hybrid: 11, jeos: 3 }))).toBeUndefined();
  });
});
