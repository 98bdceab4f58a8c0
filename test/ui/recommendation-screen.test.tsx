// The recommendation screen: ranking with bars and what they mean, reasons with their points /
// requirements / what-if / trade-offs tabs, `?` for how the scores work, accept or override.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render } from 'ink-testing-library';
import { defaultGuidance } from '../../questionnaire/questions.ts';
import type { GuidanceAnswers } from '../../questionnaire/questions.ts';
import { SCORE_RANGE, pointsText } from '../../questionnaire/decision.ts';
import { SCALE_NOTE } from '../../source/text/scoring-help.ts';
import { TerminalSizeProvider } from '../../source/ui/terminal-size.ts';
import { decide } from '../../questionnaire/recommend.ts';
import { RecommendationScreen } from '../../source/ui/recommendation-screen.tsx';
import { QUESTION_LABELS, SHORT_DESIGN_LABELS } from '../../questionnaire/labels.ts';
import { KEY, press } from './keys.ts';

afterEach(() => cleanup());

const decision = decide(defaultGuidance(), 'auto', 1);

/** Fully baked scores most, but the latest builds at launch rule it out. */
const OUTSCORED: GuidanceAnswers = {
  ...defaultGuidance(),
  existingTooling: 'golden-images',
  recoveryTime: 'minutes',
  awsExperience: 'new',
  automationExperience: 'new',
  baselineStability: 'static',
  appReleaseCadence: 'rarely',
  latestAtLaunch: true,
};

/** A terminal of a fixed size, for the screens' useTerminalSize. */
function fixedSize(width: number, rows: number) {
  const size = { width, rows };
  return { subscribe: () => () => {}, get: () => size };
}

function renderRecommendation(current: 'auto' | 'jeos' = 'auto') {
  const onSubmit = vi.fn();
  const onBack = vi.fn();
  const ui = render(
    <RecommendationScreen
      decision={decision}
      current={current}
      progress={{ step: 16, total: 21 }}
      onSubmit={onSubmit}
      onBack={onBack}
    />,
  );
  return { ...ui, onSubmit, onBack };
}

describe('recommendation screen', () => {
  it('shows the recommendation, the ranking with scores and bars, and the first reasons with their points', () => {
    const { lastFrame } = renderRecommendation();
    const frame = lastFrame()!;
    expect(decision.recommended).toBe('hybrid');
    expect(frame).toContain('Recommended: Hybrid');
    for (const r of decision.ranking)
      expect(frame).toMatch(new RegExp(`${SHORT_DESIGN_LABELS[r.design]}\\s+${r.score} +│█+`));
    expect(frame).toContain('[Reasons]');
    const first = decision.reasons[0]!;
    expect(frame.replace(/\s+/g, ' ')).toContain(
      `${QUESTION_LABELS[first.key]}: ${first.answerLabel} (${pointsText(first.weights)}). ${first.sentence.split(' ').slice(0, 4).join(' ')}`,
    );
    expect(frame).toContain('❯ Accept Hybrid (recommended)');
  });

  it('says the scale once, under the bars', () => {
    const frame = renderRecommendation().lastFrame()!;
    expect(frame).toContain(SCALE_NOTE);
    expect(frame.split(SCALE_NOTE)).toHaveLength(2);
  });

  it('a digit never overrides the design; only Enter confirms the highlighted choice', async () => {
    const { stdin, lastFrame, onSubmit } = renderRecommendation();
    await press(stdin, '3', '2');
    expect(onSubmit).not.toHaveBeenCalled();
    expect(lastFrame()).toMatch(/❯ Use .+ instead/);
    await press(stdin, '1', KEY.enter);
    expect(onSubmit).toHaveBeenCalledExactlyOnceWith('auto');
  });

  it('a tie at the top says which design wins it and why; a ruled-out design is marked', () => {
    const tied = decide({ ...defaultGuidance(), recoveryTime: 'minutes' }, 'auto', 1);
    const { lastFrame } = render(
      <RecommendationScreen
        decision={tied}
        current="auto"
        progress={{ step: 16, total: 21 }}
        onSubmit={() => {}}
        onBack={() => {}}
      />,
    );
    const frame = lastFrame()!.replace(/\s+/g, ' ');
    expect(frame).toContain(
      'Hybrid and Fully baked both score 9; Hybrid wins the tie as the middle of the spectrum, which can later bake more in or less',
    );
    expect(lastFrame()).toMatch(/JeOS\s+1 +│█+ ruled out/);
  });

  it('a ruled-out design with more points says why it is not recommended; the Requirements tab says why it is ruled out', async () => {
    const ruled = decide(OUTSCORED, 'auto', 1);
    const { lastFrame, stdin } = render(
      <RecommendationScreen
        decision={ruled}
        current="auto"
        progress={{ step: 16, total: 21 }}
        onSubmit={() => {}}
        onBack={() => {}}
      />,
    );
    expect(ruled.recommended).toBe('hybrid');
    expect(lastFrame()).toMatch(/Fully baked\s+16 +│█+ ruled out/);
    expect(lastFrame()!.replace(/\s+/g, ' ')).toContain(
      'Fully baked has more points (16) but is not recommended: it cannot meet the latest at launch answer.',
    );
    await press(stdin, KEY.tab, KEY.tab);
    expect(lastFrame()).toContain('[Requirements]');
    expect(lastFrame()!.replace(/\s+/g, ' ')).toContain(
      'Recovery time: "Within a few minutes" rules out JeOS (just enough OS).',
    );
    await press(stdin, KEY.pageDown);
    expect(lastFrame()!.replace(/\s+/g, ' ')).toContain(
      'Latest at launch: "Yes, always the latest" rules out Fully baked. A fully baked image fixes its software',
    );
  });

  it('Tab shows what would change it, the requirements, then the trade-offs side by side', async () => {
    const { stdin, lastFrame } = renderRecommendation();
    await press(stdin, KEY.tab);
    expect(lastFrame()).toContain('[What would change it]');
    const flip = decision.whatIf[0]!;
    expect(lastFrame()).toContain(`${flip.toLabel} would recommend Fully baked`);
    await press(stdin, KEY.tab);
    expect(lastFrame()).toContain('[Requirements]');
    expect(lastFrame()).toContain('No answer here is a requirement');
    await press(stdin, KEY.tab);
    expect(lastFrame()).toContain('[Trade-offs]');
    expect(lastFrame()).toMatch(/Fully baked\s+Hybrid \*\s+JeOS/);
    expect(lastFrame()).toMatch(/Launch\s+fastest\s+medium\s+slowest/);
    expect(lastFrame()).toMatch(/Portability\s+low\s+medium\s+high/);
  });

  it('? opens the help on how the scores work: points, the scale, requirements and the tie-break; ? again closes it', async () => {
    const { stdin, lastFrame } = renderRecommendation();
    expect(lastFrame()).toContain('? how scores work');
    await press(stdin, '?');
    expect(lastFrame()).toContain('[How the scores work]');
    // Page through the help (Space or PgDn), keeping every page's words.
    let seen = lastFrame()!;
    for (let page = 0; page < 8 && /more lines? below/.test(lastFrame()!); page++) {
      await press(stdin, KEY.pageDown);
      seen += lastFrame()!;
    }
    const help = seen.replace(/\s+/g, ' ');
    expect(help).toContain('Points: "+2 Hybrid, +1 Fully baked" beside an answer adds 2');
    expect(help).toContain(`between ${SCORE_RANGE.low} and ${SCORE_RANGE.high}`);
    expect(help).toContain('Recovery time "Within a few minutes" rules out JeOS (just enough OS).');
    expect(help).toContain('Latest at launch "Yes, always the latest" rules out Fully baked.');
    expect(help).toContain('Ties: When designs that meet every requirement score the same, a tie goes to Hybrid');
    await press(stdin, '?');
    expect(lastFrame()).toContain('[Reasons]');
  });

  it('fits 80x24 with a tie, a ruled-out design with more points, and the help open', async () => {
    for (const guidance of [defaultGuidance(), { ...defaultGuidance(), recoveryTime: 'minutes' } as const, OUTSCORED]) {
      const { stdin, lastFrame } = render(
        <RecommendationScreen
          decision={decide(guidance, 'auto', 1)}
          current="auto"
          progress={{ step: 16, total: 21 }}
          onSubmit={() => {}}
          onBack={() => {}}
        />,
      );
      expect(lastFrame()!.split('\n').length).toBeLessThanOrEqual(23);
      await press(stdin, '?');
      expect(lastFrame()!.split('\n').length).toBeLessThanOrEqual(23);
      for (const line of lastFrame()!.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
      cleanup();
    }
  });

  it('at 40 rows, more of the reasons show at once; without colour, ruled out and the pointer are words and marks', () => {
    const small = renderRecommendation().lastFrame()!;
    cleanup();
    const tall = render(
      <TerminalSizeProvider value={fixedSize(80, 40)}>
        <RecommendationScreen
          decision={decision}
          current="auto"
          progress={{ step: 16, total: 21 }}
          onSubmit={() => {}}
          onBack={() => {}}
        />
      </TerminalSizeProvider>,
    ).lastFrame()!;
    const bullets = (frame: string) => frame.split('\n').filter((line) => line.startsWith('• ')).length;
    expect(bullets(tall)).toBeGreaterThan(bullets(small) + 2);
    expect(tall.split('\n').length).toBeLessThanOrEqual(39);
    // ink-testing-library's frames carry no colour, as with NO_COLOR: what matters is in the text.
    expect(tall).not.toContain('\u001B[');
    expect(tall).toContain('❯ Accept Hybrid (recommended)');
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

  it('a design the answers rule out is offered with what it cannot meet', () => {
    const onSubmit = vi.fn();
    const { lastFrame } = render(
      <RecommendationScreen
        decision={decide({ ...defaultGuidance(), latestAtLaunch: true }, 'auto', 1)}
        current="auto"
        progress={{ step: 16, total: 21 }}
        onSubmit={onSubmit}
        onBack={vi.fn()}
      />,
    );
    expect(lastFrame()).toContain('Use Fully baked instead, though it cannot meet the latest at launch answer');
    expect(lastFrame()).toMatch(/Use JeOS \(just enough OS\) instead\n/);
  });

  it('Esc goes back', async () => {
    const { stdin, onBack } = renderRecommendation();
    await press(stdin, KEY.escape);
    expect(onBack).toHaveBeenCalledOnce();
  });
});
