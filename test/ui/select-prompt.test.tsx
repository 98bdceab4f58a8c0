// The question screen: default marked and highlighted, arrows and Enter pick, `?` shows why, Esc goes back.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render } from 'ink-testing-library';
import { QUESTIONS } from '../../questionnaire/questions.ts';
import { questionsSection } from '../../questionnaire/wizard-screens.ts';
import { SelectScreen } from '../../source/ui/select-prompt.tsx';
import { KEY, press } from './keys.ts';

afterEach(() => cleanup());

const question = QUESTIONS.recoveryTime;
function renderQuestion(initial: string = question.defaultValue) {
  const onSubmit = vi.fn();
  const onBack = vi.fn();
  const ui = render(
    <SelectScreen
      section={questionsSection(['recoveryTime'])}
      title={question.prompt}
      hint={question.hint}
      why={question.why}
      choices={question.choices}
      initial={initial}
      defaultValue={question.defaultValue}
      progress={{ step: 7, total: 21 }}
      onSubmit={onSubmit}
      onBack={onBack}
    />,
  );
  return { ...ui, onSubmit, onBack };
}

describe('select screen', () => {
  it('shows the question, its hint, the progress and the default', () => {
    const { lastFrame } = renderQuestion();
    const frame = lastFrame()!;
    expect(frame).toContain(question.prompt);
    expect(frame).toContain(question.hint);
    expect(frame).toContain('Step 7 of 21');
    expect(frame).toMatch(/❯ Within tens of minutes \(default\)/);
    expect(frame).not.toContain('Why this matters');
  });

  it('Enter accepts the highlighted default', async () => {
    const { stdin, onSubmit } = renderQuestion();
    await press(stdin, KEY.enter);
    expect(onSubmit).toHaveBeenCalledWith('tens-of-minutes');
  });

  it('arrows move the choice', async () => {
    const { stdin, onSubmit } = renderQuestion();
    await press(stdin, KEY.up, KEY.enter);
    expect(onSubmit).toHaveBeenCalledWith('minutes');
  });

  it('a digit moves the highlight to that row and never confirms; Enter does', async () => {
    const { stdin, lastFrame, onSubmit } = renderQuestion();
    await press(stdin, '1');
    expect(onSubmit).not.toHaveBeenCalled();
    expect(lastFrame()).toContain(`❯ ${question.choices[0]!.label}`);
    await press(stdin, '9', KEY.enter);
    expect(onSubmit).toHaveBeenCalledOnce();
    expect(onSubmit).toHaveBeenCalledWith(question.choices[0]!.value);
  });

  it('opens on the current answer when coming back', () => {
    const { lastFrame } = renderQuestion('hours');
    expect(lastFrame()).toMatch(/❯ Hours are acceptable/);
  });

  it('? toggles why this matters', async () => {
    const { stdin, lastFrame } = renderQuestion();
    await press(stdin, '?');
    expect(lastFrame()).toContain('Why this matters');
    expect(lastFrame()).toContain('Everything not in the image has to be fetched');
    await press(stdin, '?');
    expect(lastFrame()).not.toContain('Why this matters');
  });

  it('Esc goes back', async () => {
    const { stdin, onBack, onSubmit } = renderQuestion();
    await press(stdin, KEY.escape);
    expect(onBack).toHaveBeenCalledOnce();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('answers can be booleans', async () => {
    const q = QUESTIONS.manualSteps;
    const onSubmit = vi.fn();
    const { stdin } = render(
      <SelectScreen
        section="Q"
        title={q.prompt}
        choices={q.choices}
        initial={q.defaultValue}
        progress={{ step: 1, total: 1 }}
        onSubmit={onSubmit}
        onBack={() => {}}
      />,
    );
    await press(stdin, KEY.down, KEY.enter);
    expect(onSubmit).toHaveBeenCalledWith(true);
  });
});
