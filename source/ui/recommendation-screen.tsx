// The recommendation: the ranking with score bars and what they mean (a tie and why its winner wins,
// a ruled-out design with more points, the scale), then the reasons with their points, the
// requirements, what would change it and the trade-offs (as tabs), then accept it or pick another
// design. `?` shows how the scores work in the tabs' place.
import { useState } from 'react';
import { Box, Text, useInput } from 'ink';
import { ChoiceList } from './choice-list.tsx';
import { DESIGN_LABELS } from '../../questionnaire/labels.ts';
import type { Design } from '../../questionnaire/questions.ts';
import { BACK } from '../wizard/context.ts';
import type { Back, Progress, RecommendationRequest } from '../wizard/context.ts';
import { reasonLines, recommendedLine, requirementAnswerLines, tradeOffLines, whatIfLines } from '../text/decision-text.ts';
import { scoreNoteLines, scoringHelpLines } from '../text/scoring-help.ts';
import { DetailTabs } from './detail-tabs.tsx';
import type { UiHost } from './host.tsx';
import { Screen } from './screen.tsx';
import { ScoreBars } from './score-bars.tsx';
import { useTerminalSize } from './terminal-size.ts';

export interface RecommendationScreenProps extends RecommendationRequest {
  progress: Progress;
  onSubmit: (choice: Design | 'auto') => void;
  onBack: () => void;
}

// Everything on the screen but the notes under the bars and the detail lines, with two rows to
// spare so a wrapped line never pushes the screen past the terminal's height: keep in step with the
// layout below.
const FIXED_ROWS = 17;

export function RecommendationScreen({ decision, current, progress, onSubmit, onBack }: RecommendationScreenProps) {
  const { width, rows } = useTerminalSize();
  const [help, setHelp] = useState(false);
  useInput((input, key) => {
    if (key.escape) onBack();
    else if (input === '?') setHelp((shown) => !shown);
  });
  const recommended = decision.recommended;
  const items: { key: string; label: string; value: Design | 'auto' }[] = [
    { key: 'auto', label: `Accept ${DESIGN_LABELS[recommended]} (recommended)`, value: 'auto' },
    ...decision.ranking
      .filter((r) => r.design !== recommended)
      .map((r) => ({ key: r.design, label: `Use ${DESIGN_LABELS[r.design]} instead`, value: r.design })),
  ];
  const initialIndex = Math.max(0, items.findIndex((item) => item.value === current));
  const notes = scoreNoteLines(decision, width);
  const tabs = [
    { name: 'Reasons', lines: reasonLines(decision, width) },
    { name: 'What would change it', lines: whatIfLines(decision, width) },
    { name: 'Requirements', lines: requirementAnswerLines(decision, width) },
    { name: 'Trade-offs', lines: tradeOffLines({ tradeOffs: decision.tradeOffs, strategy: recommended }, width) },
  ];
  const height = Math.max(3, rows - FIXED_ROWS - notes.length);
  const keys = `↑↓ Enter choose · ${help ? '? details' : 'Tab details · ? how scores work'} · PgDn more · Esc back`;
  return (
    <Screen section="Recommendation" progress={progress} keys={keys}>
      <Text bold color="green">
        {recommendedLine(decision)}
      </Text>
      <ScoreBars ranking={decision.ranking} width={width} notes={notes} />
      <Box marginTop={1}>
        {/* Keyed apart, so each opens on its first page. */}
        {help ? (
          <DetailTabs key="help" tabs={[{ name: 'How the scores work', lines: scoringHelpLines(width) }]} height={height} />
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

export function recommendationPrompt(host: UiHost, request: RecommendationRequest, progress: Progress): Promise<Design | 'auto' | Back> {
  return host.show<Design | 'auto' | Back>((done) => (
    <RecommendationScreen {...request} progress={progress} onSubmit={done} onBack={() => done(BACK)} />
  ));
}
