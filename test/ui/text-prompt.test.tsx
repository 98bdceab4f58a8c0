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
    expect(lastFrame()!.replace(/\u001B\[\d*m/g, '')).toContain('› us-east-1');
    expect(lastFrame()).toContain('Step 5 of 21');
    await press(stdin, KEY.enter);
    expect(onSubmit).toHaveBeenCalledWith('us-east-1');
  });

  it('typing replaces the default shown as a placeholder', async () => {
    const { stdin, onSubmit } = renderText();
    await press(stdin, 'e', 'u', '-', 'w', 'e', 's', 't', '-', '1', KEY.enter);
    expect(onSubmit).toHaveBeenCalledWith('eu-west-1');
  });

  it('End takes the default in for editing; Home, Left and the Ctrl keys edit it like a shell', async () => {
    const { stdin, onSubmit } = renderText();
    await press(stdin, KEY.end, ',', ' ', 'e', 'u', '-', 'w', 'e', 's', 't', '-', '1', KEY.enter);
    expect(onSubmit).toHaveBeenLastCalledWith('us-east-1, eu-west-1');
    const again = renderText();
    // Right (takes the default in), Ctrl+W (drops "us-east-1"), type, Ctrl+A (start), Delete (ESC[3~ arrives as Ctrl+D).
    await press(again.stdin, KEY.right, '\u0017', 'x', 'y', '\u0001', '\u0004', KEY.enter);
    expect(again.onSubmit).toHaveBeenLastCalledWith('y');
  });

  it('pasted control characters never enter the answer', async () => {
    const { stdin, onSubmit } = renderText();
    await press(stdin, 'a\u0007b', KEY.backspace, KEY.backspace, KEY.backspace, 'e\tu', KEY.enter);
    expect(onSubmit).toHaveBeenCalledWith('eu');
  });

  it('draws a cursor that needs no colour (inverse video)', async () => {
    const { stdin, lastFrame } = renderText();
    expect(lastFrame()).toContain('\u001B[7mu\u001B[27m');
    await press(stdin, 'a', 'b', KEY.left);
    expect(lastFrame()).toContain('a\u001B[7mb\u001B[27m');
  });

  it('shows the problem and does not submit an invalid value', async () => {
    const validate = (value: string) => (value.includes('x') ? 'Use an AWS region code such as eu-west-1' : undefined);
    const { stdin, lastFrame, onSubmit } = renderText(validate);
    await press(stdin, KEY.end, 'x', KEY.enter);
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
