// What the screens draw may come from the user's files (an --answers file name in a save question, a
// folder): a title, hint or choice holding control sequences is drawn with them escaped, never sent
// to the terminal as they are.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render } from 'ink-testing-library';
import { SelectScreen } from '../../source/ui/select-prompt.tsx';

afterEach(() => cleanup());

const HOSTILE = 'team\u001b[2J\u202e.yaml';

describe('every screen', () => {
  it('draws a hostile name in its title, hint and choices escaped', () => {
    const { lastFrame } = render(
      <SelectScreen
        section="Save"
        title={`${HOSTILE} already exists. Replace it?`}
        hint={`From ${HOSTILE}`}
        choices={[{ value: 'overwrite', label: `Replace ${HOSTILE} with these answers` }]}
        initial="overwrite"
        progress={{ step: 1, total: 2 }}
        onSubmit={vi.fn()}
        onBack={vi.fn()}
      />,
    );
    const frame = lastFrame()!;
    expect(frame).not.toMatch(/\u001b\[2J|\u202e/);
    expect(frame.split('team\\x1b[2J\\u202e.yaml').length - 1).toBe(3);
  });
});
