// The recommendation: the ranking with score bars, then the reasons, what would change it and the
// trade-offs (as tabs), then accept it or pick another design.
import { Box, Text, useInput } from 'ink';
import { ChoiceList } from './choice-list.tsx';
import { DESIGN_LABELS } from '../../questionnaire/labels.ts';
import type { Design } from '../../questionnaire/questions.ts';
import { BACK } from '../wizard/context.ts';
import type { Back, Progress, RecommendationRequest } from '../wizard/context.ts';
import { reasonLines, recommendedLine, tieLines, tradeOffLines, whatIfLines } from '../text/decision-text.ts';
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

// Everything on the screen but the detail lines, with a few rows to spare so a wrapped line never
// pushes the screen past the terminal's height: keep in step with the layout below.
const FIXED_ROWS = 18;

export function RecommendationScreen({ decision, current, progress, onSubmit, onBack }: RecommendationScreenProps) {
  const { width, rows } = useTerminalSize();
  useInput((_input, key) => {
    if (key.escape) onBack();
  });
  const recommended = decision.recommended;
  const items: { key: string; label: string; value: Design | 'auto' }[] = [
    { key: 'auto', label: `Accept ${DESIGN_LABELS[recommended]} (recommended)`, value: 'auto' },
    ...decision.ranking
      .filter((r) => r.design !== recommended)
      .map((r) => ({ key: r.design, label: `Use ${DESIGN_LABELS[r.design]} instead`, value: r.design })),
  ];
  const initialIndex = Math.max(0, items.findIndex((item) => item.value === current));
  const tabs = [
    { name: 'Reasons', lines: reasonLines(decision, width) },
    { name: 'What would change it', lines: whatIfLines(decision, width) },
    { name: 'Trade-offs', lines: tradeOffLines({ tradeOffs: decision.tradeOffs, strategy: recommended }, width) },
  ];
  return (
    <Screen section="Recommendation" progress={progress} keys="↑↓ Enter choose · Tab details · PgDn more · Esc back">
      <Text bold color="green">
        {recommendedLine(decision)}
      </Text>
      <ScoreBars ranking={decision.ranking} width={width} />
      <Box marginTop={1}>
        <DetailTabs tabs={tabs} height={Math.max(3, rows - FIXED_ROWS - tieLines(decision.ranking, width).length)} />
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
