// The workshop's opening: the spectrum with the three designs placed on it and what each bakes in.
import { Box, Text, useInput } from 'ink';
import { DESIGNS } from '../../questionnaire/questions.ts';
import { tradeOff } from '../../questionnaire/trade-offs.ts';
import { defaultGuidance } from '../../questionnaire/questions.ts';
import { BACK } from '../wizard/context.ts';
import type { Back, Progress } from '../wizard/context.ts';
import { SHORT_DESIGN_LABELS } from '../../questionnaire/labels.ts';
import { spectrumLines } from '../text/spectrum-text.ts';
import type { UiHost } from './host.tsx';
import { Screen } from './screen.tsx';
import { useTerminalSize } from './terminal-size.ts';

export function SpectrumScreen({ progress, onNext, onBack }: { progress: Progress; onNext: () => void; onBack: () => void }) {
  const { width } = useTerminalSize();
  useInput((_input, key) => {
    if (key.return) onNext();
    else if (key.escape) onBack();
  });
  return (
    <Screen section="Workshop" progress={progress} title="Three ways to build an AMI, on one line" keys="Enter the questions · Esc back · Ctrl+C quit">
      {spectrumLines(width).map((line, i) => (
        <Text key={i} wrap="truncate-end">
          {line}
        </Text>
      ))}
      <Box flexDirection="column" marginTop={1}>
        {DESIGNS.map((design) => {
          // What is baked and what happens at boot does not depend on the answers.
          const t = tradeOff(design, defaultGuidance(), 1);
          return (
            <Box key={design} flexDirection="column" marginBottom={1}>
              <Text bold>{SHORT_DESIGN_LABELS[design]}</Text>
              <Text>{`  in the image: ${t.bakedIn}`}</Text>
              <Text>{`  at first boot: ${t.atBoot}`}</Text>
            </Box>
          );
        })}
      </Box>
      <Text dimColor>Next, nine questions move a team along this line. Then change any answer and watch the recommendation move.</Text>
    </Screen>
  );
}

export function spectrumPrompt(host: UiHost, progress: Progress): Promise<void | Back> {
  return host.show<void | Back>((done) => <SpectrumScreen progress={progress} onNext={() => done()} onBack={() => done(BACK)} />);
}
