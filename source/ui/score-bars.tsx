// The ranking as bars on one fixed scale; the leading design is highlighted, and `notes` (a tie, a
// ruled-out design with more points, the scale: text/scoring-help.ts) are drawn dim beneath.
import { Box, Text } from 'ink';
import type { RankedDesign } from '../../questionnaire/recommend.ts';
import { scoreBars } from '../text/decision-text.ts';

export function ScoreBars({
  ranking,
  width,
  notes = [],
}: {
  ranking: readonly RankedDesign[];
  width: number;
  notes?: readonly string[];
}) {
  return (
    <Box flexDirection="column">
      {scoreBars(ranking, width).map((bar, i) => (
        <Text key={bar.design} color={i === 0 ? 'green' : undefined} wrap="truncate-end">
          {bar.text}
        </Text>
      ))}
      {notes.map((line, i) => (
        <Text key={`note${i}`} dimColor>
          {line}
        </Text>
      ))}
    </Box>
  );
}
