// The recommendation screen: ranking with bars, reasons / what-if / trade-offs tabs, accept or override.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render } from 'ink-testing-library';
import { defaultGuidance } from '../../questionnaire/questions.ts';
import { decide } from '../../questionnaire/recommend.ts';
import { RecommendationScreen } from '../../source/ui/recommendation-screen.tsx';
import { SHORT_DESIGN_LABELS } from '../../questionnaire/labels.ts';
import { KEY, press } from './keys.ts';

afterEach(() => cleanup());

const decision = decide(defaultGuidance(), 'auto', 1);

function renderRecommendation(current: 'auto' | 'jeos' = 'auto') {
  const onSubmit = vi.fn();
  const onBack = vi.fn();
  const ui = render(<RecommendationScreen decision={decision} current={current} progress={{ step: 16, total: 21 }} onSubmit={onSubmit} onBack={onBack} />);
  return { ...ui, onSubmit, onBack };
}

describe('recommendation screen', () => {
  it('shows the recommendation, the ranking with scores and bars, and the first reasons', () => {
    const { lastFrame } = renderRecommendation();
    const frame = lastFrame()!;
    expect(decision.recommended).toBe('hybrid');
    expect(frame).toContain('Recommended: Hybrid');
    for (const r of decision.ranking) expect(frame).toMatch(new RegExp(`${SHORT_DESIGN_LABELS[r.design]}\\s+${r.score} +│█+`));
    expect(frame).toContain('[Reasons]');
    expect(frame).toContain(decision.reasons[0]!.sentence.split(' ').slice(0, 4).join(' '));
    expect(frame).toContain('❯ Accept Hybrid (recommended)');
  });

  it('a digit never overrides the design; only Enter confirms the highlighted choice', async () => {
    const { stdin, lastFrame, onSubmit } = renderRecommendation();
    await press(stdin, '3', '2');
    expect(onSubmit).not.toHaveBeenCalled();
    expect(lastFrame()).toMatch(/❯ Use .+ instead/);
    await press(stdin, '1', KEY.enter);
    expect(onSubmit).toHaveBeenCalledExactlyOnceWith('auto');
  });

  it('a tie at the top says why the recommended design wins', () => {
    const tied = decide({ ...defaultGuidance(), recoveryTime: 'minutes' }, 'auto', 1);
    const { lastFrame } = render(<RecommendationScreen decision={tied} current="auto" progress={{ step: 16, total: 21 }} onSubmit={() => {}} onBack={() => {}} />);
    const frame = lastFrame()!.replace(/\s+/g, ' ');
    expect(frame).toContain('Hybrid and Fully baked both score 11; Hybrid is recommended because a tie goes to the middle of the spectrum (Hybrid');
    expect(lastFrame()).toMatch(/JeOS\s+-6 +█+│/);
  });

  it('Tab shows what would change it, then the trade-offs side by side', async () => {
    const { stdin, lastFrame } = renderRecommendation();
    await press(stdin, KEY.tab);
    expect(lastFrame()).toContain('[What would change it]');
    const flip = decision.whatIf[0]!;
    expect(lastFrame()).toContain(`${flip.toLabel} would recommend Fully baked`);
    await press(stdin, KEY.tab);
    expect(lastFrame()).toContain('[Trade-offs]');
    expect(lastFrame()).toMatch(/Fully baked\s+Hybrid \*\s+JeOS/);
    expect(lastFrame()).toMatch(/Launch\s+fastest\s+medium\s+slowest/);
    expect(lastFrame()).toMatch(/Portability\s+low\s+medium\s+high/);
  });

  it('Enter accepts: the strategy stays auto', async () => {
    const { stdin, onSubmit } = renderRecommendation();
    await press(stdin, KEY.enter);
    expect(onSubmit).toHaveBeenCalledWith('auto');
  });

  it('another design can be picked instead (an override)', async () => {
    const { stdin, onSubmit } = renderRecommendation();
    await press(stdin, KEY.down, KEY.down, KEY.enter);
    expect(onSubmit).toHaveBeenCalledWith('jeos');
  });

  it('opens on an earlier override', () => {
    const { lastFrame } = renderRecommendation('jeos');
    expect(lastFrame()).toMatch(/❯ Use JeOS \(just enough OS\) instead/);
  });

  it('Esc goes back', async () => {
    const { stdin, onBack } = renderRecommendation();
    await press(stdin, KEY.escape);
    expect(onBack).toHaveBeenCalledOnce();
  });
});
