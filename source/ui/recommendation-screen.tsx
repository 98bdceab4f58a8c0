// The recommendation: the ranking with score bars and what they mean (a tie and why its winner wins,
// a ruled-out design with more points, the scale), then the reasons with their points, the
// requirements, what would change it and the trade-offs (as tabs), then accept it or pick another
// design. `?` shows how the scores work in the tabs' place.
import { useState } from 'react';
import { Box, Text, useInput } from 'ink';
import { ChoiceList } from './choice-list.tsx';
import { DESIGN_LABELS } from '../../questionnaire/labels.ts';
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
import { DetailTabs, tabRow } from './detail-tabs.tsx';
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
      .map((r) => ({ key: r.design, label: `Use ${DESIGN_LABELS[r.design]} instead`, value: r.design })),
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
  const [help, setHelp] = useState(false);
  useInput((input, key) => {
    if (key.escape) onBack();
    else if (input === '?') setHelp((shown) => !shown);
  });
  const items = choiceItems(decision);
  const initialIndex = Math.max(
    0,
    items.findIndex((item) => item.value === current),
  );
  const { notes, height, keys } = recommendationLayout(decision, width, rows, help);
  const [reasons, whatIf, requirements, tradeOffs] = DETAIL_TABS;
  const tabs = [
    { name: reasons, lines: reasonLines(decision, width) },
    { name: whatIf, lines: whatIfLines(decision, width) },
    { name: requirements, lines: requirementAnswerLines(decision, width) },
    { name: tradeOffs, lines: tradeOffLines({ tradeOffs: decision.tradeOffs, strategy: decision.recommended }, width) },
  ];
  return (
    <Screen section="Recommendation" progress={progress} keys={keys}>
      <Text bold color="green">
        {recommendedLine(decision)}
      </Text>
      <ScoreBars ranking={decision.ranking} width={width} notes={notes} />
      <Box marginTop={1}>
        {/* Keyed apart, so each opens on its first page. */}
        {help ? (
          <DetailTabs key="help" tabs={[{ name: HELP_TAB, lines: scoringHelpLines(width) }]} height={height} />
        ) : (
          <DetailTabs key="details" tabs={tabs} height={height} />
        )}
      </Box>
      <Box marginTop={1}>
        <ChoiceList items={items} initialIndex={initialIndex} onSelect={(item) => onSubmit(item.value)} />
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
