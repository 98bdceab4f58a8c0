// The free-text screen: pre-filled, editable, checked by the step's validate before submitting.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render } from 'ink-testing-library';
import { TextScreen } from '../../source/ui/text-prompt.tsx';
import { KEY, press } from './keys.ts';

afterEach(() => cleanup());

function renderText(validate: (value: string) => string | undefined = () => undefined) {
  const onSubmit = vi.fn();
  const onBack = vi.fn();
  const ui = render(
    <TextScreen
      section="Platform"
      title="Which AWS regions?"
      hint="Separate them with commas."
      initial="us-east-1"
      validate={validate}
      progress={{ step: 5, total: 21 }}
      onSubmit={onSubmit}
      onBack={onBack}
    />,
  );
  return { ...ui, onSubmit, onBack };
}

describe('text screen', () => {
  it('Enter keeps the pre-filled value', async () => {
    const { stdin, lastFrame, onSubmit } = renderText();
    expect(lastFrame()).toContain('us-east-1');
    expect(lastFrame()).toContain('Step 5 of 21');
    await press(stdin, KEY.enter);
    expect(onSubmit).toHaveBeenCalledWith('us-east-1');
  });

  it('typing edits the value', async () => {
    const { stdin, onSubmit } = renderText();
    await press(stdin, ',', ' ', 'e', 'u', '-', 'w', 'e', 's', 't', '-', '1', KEY.enter);
    expect(onSubmit).toHaveBeenCalledWith('us-east-1, eu-west-1');
  });

  it('shows the problem and does not submit an invalid value', async () => {
    const validate = (value: string) => (value.includes('x') ? 'Use an AWS region code such as eu-west-1' : undefined);
    const { stdin, lastFrame, onSubmit } = renderText(validate);
    await press(stdin, 'x', KEY.enter);
    expect(lastFrame()).toContain('Use an AWS region code such as eu-west-1');
    expect(onSubmit).not.toHaveBeenCalled();
    await press(stdin, KEY.backspace);
    expect(lastFrame()).not.toContain('Use an AWS region code');
    await press(stdin, KEY.enter);
    expect(onSubmit).toHaveBeenCalledWith('us-east-1');
  });

  it('Esc goes back without submitting', async () => {
    const { stdin, onBack, onSubmit } = renderText();
    await press(stdin, KEY.escape);
    expect(onBack).toHaveBeenCalledOnce();
    expect(onSubmit).not.toHaveBeenCalled();
  });
});
