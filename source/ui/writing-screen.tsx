// Shown while the files are written. Ctrl+C does not interrupt this screen: every file is written
// atomically and the manifest last, so the write finishes and then the run stops.
import { Text } from 'ink';
import type { Progress } from '../wizard/context.ts';
import type { UiHost } from './host.tsx';
import { Screen } from './screen.tsx';

function WritingScreen({ outLabel, count, progress }: { outLabel: string; count: number; progress: Progress }) {
  return (
    <Screen section="Files" progress={progress} keys="Writing; Ctrl+C stops after the write">
      <Text>{`Writing ${count} ${count === 1 ? 'file' : 'files'} to ${outLabel}…`}</Text>
    </Screen>
  );
}

export async function writingProgress<T>(
  host: UiHost,
  outLabel: string,
  count: number,
  work: () => Promise<T>,
  progress: Progress,
): Promise<T> {
  let finish = () => {};
  const shown = host.show<void>(
    (done) => {
      finish = () => done();
      return <WritingScreen outLabel={outLabel} count={count} progress={progress} />;
    },
    { cancellable: false },
  );
  try {
    return await work();
  } finally {
    finish();
    await shown;
  }
}
