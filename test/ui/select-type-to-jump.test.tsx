// Type-to-jump in a question's list: letters move the highlight to the first matching label (the
// next one on the same letter again), and only Enter confirms.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render } from 'ink-testing-library';
import { QUESTIONS } from '../../questionnaire/questions.ts';
import { questionsSection } from '../../questionnaire/wizard-screens.ts';
import { SelectScreen } from '../../source/ui/select-prompt.tsx';
import { jumpTo } from '../../source/ui/type-to-jump.ts';
import { KEY, press } from './keys.ts';

afterEach(() => cleanup());

const tooling = QUESTIONS.existingTooling; // None yet, Golden images, Shell scripts, Ansible, Chef, Puppet, Salt
const labels = tooling.choices.map((c) => c.label);

describe('type to jump', () => {
  it('a letter jumps to the first label it starts; the same letter again to the next; more letters narrow it', () => {
    expect(jumpTo(labels, '', 's', 0)).toEqual({ index: 2, typed: 's' });
    expect(jumpTo(labels, 's', 's', 2)).toEqual({ index: 6, typed: 's' });
    expect(jumpTo(labels, 's', 'a', 6)).toEqual({ index: 6, typed: 'sa' });
    expect(jumpTo(labels, '', 'c', 0)).toEqual({ index: 4, typed: 'c' });
    expect(jumpTo(labels, '', 'x', 3)).toBeUndefined();
  });

  it('on the question screen, typing moves the highlight and Enter confirms it', async () => {
    const onSubmit = vi.fn();
    const { stdin, lastFrame } = render(
      <SelectScreen
        section={questionsSection(['existingTooling'])}
        title={tooling.prompt}
        choices={tooling.choices}
        initial={tooling.defaultValue}
        defaultValue={tooling.defaultValue}
        progress={{ step: 12, total: 24 }}
        onSubmit={onSubmit}
        onBack={() => {}}
      />,
    );
    await press(stdin, 'p');
    expect(lastFrame()).toMatch(/❯ Puppet/);
    expect(onSubmit).not.toHaveBeenCalled();
    await press(stdin, 's'); // the next label starting with s after Puppet
    expect(lastFrame()).toMatch(/❯ Salt/);
    await press(stdin, 's'); // and again: round to the first
    expect(lastFrame()).toMatch(/❯ Shell scripts/);
    await press(stdin, 's');
    await press(stdin, KEY.enter);
    expect(onSubmit).toHaveBeenCalledWith('salt');
  });
});
