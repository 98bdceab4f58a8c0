// The welcome's lines drawn as runs of lines (source/ui/text-runs.ts) look exactly as a text per
// line did: the same frame for every mix of fitting, empty and too-wide lines, wide characters too.
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Box, Text } from 'ink';
import { cleanup, render } from 'ink-testing-library';
import { textRuns } from '../../source/ui/text-runs.ts';
import { welcomeLines } from '../../source/text/welcome-text.ts';

afterEach(() => cleanup());

/** The layout the welcome had before: a text per line, each cut short when too wide. */
function PerLine({ lines, width }: { lines: readonly string[]; width: number }) {
  return (
    <Box flexDirection="column" width={width}>
      {lines.map((line, i) => (
        <Text key={i} wrap="truncate-end">
          {line || ' '}
        </Text>
      ))}
    </Box>
  );
}

function InRuns({ lines, width }: { lines: readonly string[]; width: number }) {
  return (
    <Box flexDirection="column" width={width}>
      {textRuns(lines, width).map((run, i) => (
        <Text key={i} wrap={run.fits ? 'wrap' : 'truncate-end'}>
          {run.text}
        </Text>
      ))}
    </Box>
  );
}

function frameOf(element: React.ReactElement): string {
  const { lastFrame, unmount } = render(element);
  const frame = lastFrame() ?? '';
  unmount();
  return frame;
}

function sameFrame(lines: readonly string[], width: number): void {
  expect(frameOf(<InRuns lines={lines} width={width} />)).toBe(frameOf(<PerLine lines={lines} width={width} />));
}

describe('text runs', () => {
  it('joins the lines that fit, keeps each too-wide line alone, and gives an empty first line a space', () => {
    expect(textRuns(['', 'a', '', 'b', 'x'.repeat(11), 'c'], 10)).toEqual([
      { text: ' \na\n\nb', fits: true },
      { text: 'x'.repeat(11), fits: false },
      { text: 'c', fits: true },
    ]);
    expect(textRuns([], 10)).toEqual([]);
  });

  it('measures columns, not code units: a wide character takes two', () => {
    expect(textRuns(['日本語日本', '日本語日本語'], 10).map((run) => run.fits)).toEqual([true, false]);
  });

  it("draws the welcome's own lines as a text per line did, at 80 and 40 columns", () => {
    const note = `answers-${'x'.repeat(90)}.yaml gives 3 answers`;
    for (const width of [80, 40]) {
      sameFrame(welcomeLines(width).slice(1), width);
      sameFrame(welcomeLines(width, 12, note).slice(1), width);
    }
  });

  it('draws any mix of lines as a text per line did', () => {
    const line = fc.oneof(
      fc.constant(''),
      fc.string({ unit: fc.constantFrom('a', 'b', ' ', '-', '日', 'é'), maxLength: 30 }),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), fc.integer({ min: 8, max: 24 }), (lines, width) => {
        sameFrame(lines, width);
      }),
      { numRuns: 150 },
    );
  });
});
