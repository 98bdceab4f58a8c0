// The ranking as bars on one fixed scale; the leading design is highlighted, and a tie at the top
// says why the recommended design wins (`tie={false}` where the screen has no room for it).
import { Box, Text } from 'ink';
import type { RankedDesign } from '../../questionnaire/recommend.ts';
import { scoreBars, tieLines } from '../text/decision-text.ts';

export function ScoreBars({ ranking, width, tie = true }: { ranking: readonly RankedDesign[]; width: number; tie?: boolean }) {
  return (
    <Box flexDirection="column">
      {scoreBars(ranking, width).map((bar, i) => (
        <Text key={bar.design} color={i === 0 ? 'green' : undefined} wrap="truncate-end">
          {bar.text}
        </Text>
      ))}
      {tie &&
        tieLines(ranking, width).map((line, i) => (
          <Text key={`tie${i}`} dimColor>
            {line}
          </Text>
        ))}
    </Box>
  );
}
