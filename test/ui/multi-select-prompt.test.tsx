// The multi-select screen: typing filters (lower-cased where asked), Space ticks, Enter with a filter
// ticks the match or adds what was typed, Enter confirms through validate, ? shows the help, Esc
// clears the filter and then goes back.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render } from 'ink-testing-library';
import { MultiSelectScreen } from '../../source/ui/multi-select-prompt.tsx';
import { KEY, press } from './keys.ts';

afterEach(() => cleanup());

const CHOICES = [
  { value: 'us-east-1', label: 'US East (N. Virginia)' },
  { value: 'eu-west-1', label: 'Europe (Ireland)' },
  { value: 'eu-central-1', label: 'Europe (Frankfurt)' },
];

function renderList(
  validate = (values: readonly string[]) =>
    values.includes('nowhere-1') ? 'nowhere-1 is not an AWS region' : undefined,
) {
  const onSubmit = vi.fn();
  const onBack = vi.fn();
  const ui = render(
    <MultiSelectScreen
      section="Platform"
      title="Which AWS regions?"
      why="The first is the build region."
      choices={CHOICES}
      initial={['us-east-1']}
      allowOther={{ lowerCase: true, label: 'use' }}
      validate={validate}
      progress={{ step: 5, total: 24 }}
      onSubmit={onSubmit}
      onBack={onBack}
    />,
  );
  return { ...ui, onSubmit, onBack };
}

describe('multi-select screen', () => {
  it('Enter confirms the ticked values', async () => {
    const { stdin, onSubmit, lastFrame } = renderList();
    expect(lastFrame()).toContain('[x] us-east-1');
    await press(stdin, KEY.enter);
    expect(onSubmit).toHaveBeenCalledWith(['us-east-1']);
  });

  it('typing filters, lower-cased; Enter ticks the match; the order ticked is kept', async () => {
    const { stdin, onSubmit, lastFrame } = renderList();
    await press(stdin, 'F', 'r', 'a');
    expect(lastFrame()).toContain('Filter: fra');
    expect(lastFrame()).toContain('eu-central-1');
    expect(lastFrame()).not.toContain('eu-west-1');
    await press(stdin, KEY.enter, KEY.enter);
    expect(onSubmit).toHaveBeenCalledWith(['us-east-1', 'eu-central-1']);
  });

  it('Space toggles the highlighted row', async () => {
    const { stdin, onSubmit } = renderList();
    await press(stdin, ' ', KEY.down, ' ', KEY.enter);
    expect(onSubmit).toHaveBeenCalledWith(['eu-west-1']);
  });

  it('a typed value the list lacks can be added, and validate refuses it with its message', async () => {
    const { stdin, onSubmit, lastFrame } = renderList();
    await press(stdin, ...'nowhere-1'.split(''));
    expect(lastFrame()).toContain('+ use "nowhere-1"');
    await press(stdin, KEY.enter, KEY.enter);
    expect(onSubmit).not.toHaveBeenCalled();
    expect(lastFrame()).toContain('nowhere-1 is not an AWS region');
  });

  it('? shows the help; Esc clears the filter, then goes back', async () => {
    const { stdin, onBack, lastFrame } = renderList();
    await press(stdin, '?');
    expect(lastFrame()).toContain('The first is the build region.');
    await press(stdin, 'e', KEY.escape);
    expect(onBack).not.toHaveBeenCalled();
    expect(lastFrame()).toContain('eu-west-1');
    await press(stdin, KEY.escape);
    expect(onBack).toHaveBeenCalled();
  });
});

describe('multi-select screen: keys before a redraw', () => {
  it('each key acts on the state the key before left: Enter ticks and clears the filter, then Esc goes back', async () => {
    const { stdin, onBack, lastFrame } = renderList();
    await press(stdin, 'e', 'u', '-', 'w');
    expect(lastFrame()).toMatch(/Filter: eu-w/);
    // Two keys with no redraw between them, as when the terminal delivers them in one read.
    stdin.write(KEY.enter);
    stdin.write(KEY.escape);
    await press(stdin);
    expect(onBack).toHaveBeenCalledOnce();
  });
});
