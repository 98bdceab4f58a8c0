// The experience screen: two questions on one screen. One Enter confirms the screen, as on every
// other screen (a burst of Enters advances exactly that many screens); Tab moves between its
// questions. The keys' effect is a pure reducer (tested without a terminal); the screen shows the
// question the keys act on as a list and the other as its answer on one line, at 80x24 with its
// why open too.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render } from 'ink-testing-library';
import { QUESTIONS } from '../../questionnaire/questions.ts';
import { GUIDANCE_SCREENS, questionsSection } from '../../questionnaire/wizard-screens.ts';
import { SelectGroupScreen } from '../../source/ui/select-group-prompt.tsx';
import { initialGroupState, pressGroupKey } from '../../source/ui/select-group-state.ts';
import type { SelectGroupKey, SelectGroupState } from '../../source/ui/select-group-state.ts';
import { KEY, press } from './keys.ts';

afterEach(() => cleanup());

const screen = GUIDANCE_SCREENS.find((s) => s.keys.length > 1)!;
const parts = screen.keys.map((key) => ({
  title: QUESTIONS[key].prompt,
  hint: QUESTIONS[key].hint,
  why: QUESTIONS[key].why,
  choices: QUESTIONS[key].choices as readonly { value: string; label: string }[],
  initial: QUESTIONS[key].defaultValue as string,
  defaultValue: QUESTIONS[key].defaultValue as string,
}));
const labels = parts.map((part) => part.choices.map((c) => c.label));

function keys(state: SelectGroupState, ...pressed: SelectGroupKey[]) {
  let action;
  for (const key of pressed) [state, action] = pressGroupKey(state, key, labels);
  return { state, action };
}

describe('select-group state', () => {
  const start = initialGroupState([1, 1]);

  it('↑↓ move within the question the keys act on only; one Enter confirms the screen from either question', () => {
    expect(keys(start, 'up').state).toMatchObject({ part: 0, cursors: [0, 1] });
    expect(keys(start, 'tab', 'down').state).toMatchObject({ part: 1, cursors: [1, 2] });
    expect(keys(start, 'enter').action).toBe('confirm');
    expect(keys(start, 'tab', 'enter').action).toBe('confirm');
    expect(keys(start, 'up', 'tab', 'down', 'enter')).toMatchObject({ state: { cursors: [0, 2] }, action: 'confirm' });
  });

  it('Esc goes back a question, and off the screen from the first; Tab switches without answering', () => {
    expect(keys(start, 'tab', 'escape')).toMatchObject({ state: { part: 0 }, action: undefined });
    expect(keys(start, 'escape').action).toBe('back');
    expect(keys(start, 'tab').state.part).toBe(1);
    expect(keys(start, 'tab', 'tab').state.part).toBe(0);
    expect(keys(start, 'back-tab').state.part).toBe(1);
  });

  it('a digit or letters move to a choice, never confirm; ? toggles why', () => {
    expect(keys(start, { text: '3' })).toMatchObject({ state: { cursors: [2, 1] }, action: undefined });
    expect(keys(start, { text: '9' }).state.cursors).toEqual([1, 1]);
    expect(keys(start, { text: 'n' }).state.cursors).toEqual([0, 1]);
    expect(keys(start, 'why').state.why).toBe(true);
    expect(keys(start, 'why', 'why').state.why).toBe(false);
  });
});

function renderGroup(whyOpen = false) {
  const onSubmit = vi.fn();
  const onBack = vi.fn();
  const ui = render(
    <SelectGroupScreen
      section={questionsSection(screen.keys)}
      title={screen.title}
      hint={screen.hint}
      parts={parts}
      whyOpen={whyOpen}
      progress={{ step: 13, total: 25 }}
      onSubmit={onSubmit}
      onBack={onBack}
    />,
  );
  return { ...ui, onSubmit, onBack };
}

describe('select-group screen', () => {
  it('answers the AWS question first, with its list; the other shows its answer on one line', () => {
    const frame = renderGroup().lastFrame()!;
    const flat = frame.replace(/\s+/g, ' ');
    expect(frame).toContain(`ami-wizard · ${questionsSection(screen.keys)}`);
    expect(frame).toContain(screen.title);
    expect(frame).toContain(QUESTIONS.awsExperience.prompt);
    expect(flat).toContain(QUESTIONS.awsExperience.hint);
    expect(frame).toMatch(/❯ Some experience \(default\)/);
    expect(frame).toContain(`${QUESTIONS.automationExperience.prompt} → Some experience`);
    expect(flat).not.toContain(QUESTIONS.automationExperience.hint);
    expect(frame).toContain('Tab next · Enter confirm both');
  });

  it('Tab moves to the automation question; one Enter answers both', async () => {
    const { stdin, lastFrame, onSubmit } = renderGroup();
    await press(stdin, KEY.down, KEY.tab);
    expect(onSubmit).not.toHaveBeenCalled();
    expect(lastFrame()).toContain(`${QUESTIONS.awsExperience.prompt} → Experienced`);
    expect(lastFrame()!.replace(/\s+/g, ' ')).toContain(QUESTIONS.automationExperience.hint);
    await press(stdin, KEY.up, KEY.enter);
    expect(onSubmit).toHaveBeenCalledExactlyOnceWith(['experienced', 'new']);
  });

  it('one Enter on the first question confirms the screen with the other as shown', async () => {
    const { stdin, onSubmit } = renderGroup();
    await press(stdin, KEY.up, KEY.enter);
    expect(onSubmit).toHaveBeenCalledExactlyOnceWith(['new', 'some']);
  });

  it('? shows why the question being answered matters; Esc goes back a question, then off the screen', async () => {
    const { stdin, lastFrame, onBack } = renderGroup();
    await press(stdin, KEY.tab, '?');
    expect(lastFrame()).toContain('Why this matters');
    expect(lastFrame()!.replace(/\s+/g, ' ')).toContain(
      QUESTIONS.automationExperience.why.split(' ').slice(0, 8).join(' '),
    );
    await press(stdin, KEY.escape);
    expect(lastFrame()!.replace(/\s+/g, ' ')).toContain(QUESTIONS.awsExperience.why.split(' ').slice(0, 8).join(' '));
    expect(onBack).not.toHaveBeenCalled();
    await press(stdin, KEY.escape);
    expect(onBack).toHaveBeenCalledOnce();
  });

  it('fits 80x24 with the why open, as the workshop shows it, on either question', async () => {
    const { stdin, lastFrame } = renderGroup(true);
    const fits = () => {
      expect(lastFrame()).toContain('Why this matters');
      expect(lastFrame()!.split('\n').length).toBeLessThanOrEqual(23);
      for (const line of lastFrame()!.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
    };
    fits();
    await press(stdin, KEY.tab);
    fits();
  });
});
