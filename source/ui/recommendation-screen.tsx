// The recommendation: the ranking with score bars and what they mean (a tie and why its winner wins,
// a ruled-out design with more points, the scale), then the reasons with their points, the
// requirements, what would change it and the trade-offs (as tabs), then accept it or pick another
// design. `?` shows how the scores work in the tabs' place. The keys' effect is the pure reducer in
// recommendation-state.ts.
import { Box, Text } from 'ink';
import { ChoiceList, choiceKeyOf } from './choice-list.tsx';
import { DESIGN_LABELS } from '../../questionnaire/labels.ts';
import { unmetText } from '../../questionnaire/decision.ts';
import type { Decision } from '../../questionnaire/recommend.ts';
import type { Design } from '../../questionnaire/questions.ts';
import { BACK } from '../wizard/context.ts';
import type { Back, Progress, RecommendationRequest } from '../wizard/context.ts';
import {
  reasonLines,
  recommendedLine,
  requirementAnswerLines,
  tradeOffLines,
  whatIfLines,
} from '../text/decision-text.ts';
import { scoreNoteLines, scoringHelpLines } from '../text/scoring-help.ts';
import { wrapText } from '../text/wrap.ts';
import { DetailTabs, tabPages, tabRow, tabsKeyOf } from './detail-tabs.tsx';
import { initialRecommendationState, pressRecommendationKey } from './recommendation-state.ts';
import type { RecommendationKey } from './recommendation-state.ts';
import { useScreenKeys, useScreenStore } from './screen-keys.ts';
import type { UiHost } from './host.tsx';
import { Screen } from './screen.tsx';
import { ScoreBars } from './score-bars.tsx';
import { useTerminalSize } from './terminal-size.ts';

export interface RecommendationScreenProps extends RecommendationRequest {
  progress: Progress;
  onSubmit: (choice: Design | 'auto') => void;
  onBack: () => void;
}

// A frame as tall as the terminal scrolls, and what is printed after it joins its last line.
const SPARE_ROWS = 1;
const DETAIL_TABS = ['Reasons', 'What would change it', 'Requirements', 'Trade-offs'] as const;
const HELP_TAB = 'How the scores work';

function choiceItems(decision: Decision): { key: string; label: string; value: Design | 'auto' }[] {
  const recommended = decision.recommended;
  return [
    { key: 'auto', label: `Accept ${DESIGN_LABELS[recommended]} (recommended)`, value: 'auto' },
    ...decision.ranking
      .filter((r) => r.design !== recommended)
      .map((r) => {
        const unmet = unmetText(r.design, decision.ranking, decision.requirements);
        return {
          key: r.design,
          label: `Use ${DESIGN_LABELS[r.design]} instead${unmet ? `, though it ${unmet}` : ''}`,
          value: r.design,
        };
      }),
  ];
}

/**
 * What the screen draws besides the details' page, counted in rows as wrapped at `width`, and the
 * page's height: the rest of the terminal but a spare row. Keep in step with the layout below
 * (test/ui/screen-chrome.test.tsx renders the screen and counts).
 */
export function recommendationLayout(decision: Decision, width: number, rows: number, help: boolean) {
  const rowsOf = (text: string, w = width) => wrapText(text, w).length;
  const notes = scoreNoteLines(decision, width);
  const keys = `↑↓ Enter choose · ${help ? '? details' : 'Tab details · ? how scores work'} · PgDn more · Esc back`;
  const tabs = tabRow(help ? [HELP_TAB] : DETAIL_TABS, 0);
  // The choices are drawn after a two-column pointer.
  const choices = choiceItems(decision).reduce((sum, item) => sum + rowsOf(item.label, width - 2), 0);
  // The header, a blank, the recommendation, the bars and their notes, a blank, the tabs (the page)
  // and the scroll hint, a blank, the choices, a blank, the keys.
  const chrome =
    1 +
    1 +
    rowsOf(recommendedLine(decision)) +
    decision.ranking.length +
    notes.length +
    1 +
    rowsOf(tabs) +
    1 +
    1 +
    choices +
    1 +
    rowsOf(keys);
  return { chrome, height: Math.max(3, rows - SPARE_ROWS - chrome), notes, keys };
}

export function RecommendationScreen({ decision, current, progress, onSubmit, onBack }: RecommendationScreenProps) {
  const { width, rows } = useTerminalSize();
  const items = choiceItems(decision);
  const [state, store] = useScreenStore(() =>
    initialRecommendationState(
      items.length,
      items.findIndex((item) => item.value === current),
    ),
  );
  const { help } = state;
  const [reasons, whatIf, requirements, tradeOffs] = DETAIL_TABS;
  const tabs = [
    { name: reasons, lines: reasonLines(decision, width) },
    { name: whatIf, lines: whatIfLines(decision, width) },
    { name: requirements, lines: requirementAnswerLines(decision, width) },
    { name: tradeOffs, lines: tradeOffLines({ tradeOffs: decision.tradeOffs, strategy: decision.recommended }, width) },
  ];
  const helpTabs = [{ name: HELP_TAB, lines: scoringHelpLines(width) }];
  const tabsFor = (withHelp: boolean) => (withHelp ? helpTabs : tabs);
  useScreenKeys((input, key) => {
    const pressed: RecommendationKey = key.escape
      ? 'escape'
      : input === '?'
        ? 'help'
        : (tabsKeyOf(input, key) ?? choiceKeyOf(input, key));
    const [next, action] = pressRecommendationKey(store.get(), pressed, {
      labels: items.map((item) => item.label),
      tabs: (withHelp) => tabsFor(withHelp).length,
      pages: (withHelp, tab) =>
        tabPages(tabsFor(withHelp), recommendationLayout(decision, width, rows, withHelp).height)[tab] ?? 1,
    });
    store.set(next);
    if (action === 'back') onBack();
    else if (action) onSubmit(items[action.pick]!.value);
  });
  const { notes, height, keys } = recommendationLayout(decision, width, rows, help);
  return (
    <Screen section="Recommendation" progress={progress} keys={keys}>
      <Text bold color="green">
        {recommendedLine(decision)}
      </Text>
      <ScoreBars ranking={decision.ranking} width={width} notes={notes} />
      <Box marginTop={1}>
        <DetailTabs tabs={tabsFor(help)} height={height} state={state.tabs} />
      </Box>
      <Box marginTop={1}>
        <ChoiceList items={items} highlighted={state.list.highlighted} />
      </Box>
    </Screen>
  );
}

export function recommendationPrompt(
  host: UiHost,
  request: RecommendationRequest,
  progress: Progress,
): Promise<Design | 'auto' | Back> {
  return host.show<Design | 'auto' | Back>((done) => (
    <RecommendationScreen {...request} progress={progress} onSubmit={done} onBack={() => done(BACK)} />
  ));
}
