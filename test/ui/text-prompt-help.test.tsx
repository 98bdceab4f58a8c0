// `?` on a text screen: before anything is typed it shows the question's help; once typing has
// started it is just a character.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render } from 'ink-testing-library';
import { TextScreen } from '../../source/ui/text-prompt.tsx';
import { KEY, press } from './keys.ts';

afterEach(() => cleanup());

function renderField() {
  const onSubmit = vi.fn();
  const ui = render(
    <TextScreen
      section="Tags"
      title="Which cost center pays for these images?"
      why="Cost Explorer can split the bill by this tag."
      initial=""
      validate={() => undefined}
      progress={{ step: 20, total: 24 }}
      onSubmit={onSubmit}
      onBack={() => {}}
    />,
  );
  return { ...ui, onSubmit };
}

describe('text screen help', () => {
  it('? before typing toggles the help; the key line offers it', async () => {
    const { stdin, lastFrame } = renderField();
    expect(lastFrame()).toContain('? help');
    expect(lastFrame()).not.toContain('Cost Explorer');
    await press(stdin, '?');
    expect(lastFrame()).toContain('Cost Explorer can split the bill by this tag.');
    await press(stdin, '?');
    expect(lastFrame()).not.toContain('Cost Explorer');
  });

  it('? after typing is part of the answer', async () => {
    const { stdin, onSubmit } = renderField();
    await press(stdin, 'a', '?', KEY.enter);
    expect(onSubmit).toHaveBeenCalledWith('a?');
  });
});
