// The ranking as bars; the leading design is highlighted.
import { Box, Text } from 'ink';
import type { RankedDesign } from '../../questionnaire/recommend.ts';
import { scoreBars } from '../text/decision-text.ts';

export function ScoreBars({ ranking, width }: { ranking: readonly RankedDesign[]; width: number }) {
  return (
    <Box flexDirection="column">
      {scoreBars(ranking, width).map((bar, i) => (
        <Text key={bar.design} color={i === 0 ? 'green' : undefined} wrap="truncate-end">
          {bar.text}
        </Text>
      ))}
    </Box>
  );
}
