// A text field's keys: the line editor's edits, Enter submits what was typed or the default when
// the schema accepts it, Esc goes back, `?` before typing shows the help. Keys are read from what
// the terminal sends (key-press.ts, then the editor's key map), in one sequence.
import { describe, expect, it } from 'vitest';
import { editForKey } from '../../source/ui/line-editor.ts';
import { readKey } from '../../source/ui/key-press.ts';
import { initialTextState, pressTextKey } from '../../source/ui/text-state.ts';
import type { TextKey, TextOptions } from '../../source/ui/text-state.ts';
import { pressAll } from './reducer-harness.ts';

/** The text screen's key map, over what the terminal sent. */
function textKeys(...sequences: string[]): TextKey[] {
  return sequences.flatMap((sequence): TextKey[] => {
    const { input, key } = readKey(sequence);
    if (key.escape) return ['escape'];
    if (key.return) return ['enter'];
    const edit = editForKey(input, key);
    return edit ? [{ edit }] : [];
  });
}

const options: TextOptions = {
  placeholder: 'web-shop',
  validate: (value) => (/^[a-z-]+$/.test(value) ? undefined : 'Lower-case letters and hyphens only.'),
  why: true,
};
const run = (...sequences: string[]) =>
  pressAll((state, key: TextKey) => pressTextKey(state, key, options), initialTextState, textKeys(...sequences));

describe('text state', () => {
  it('typing replaces the default; Enter submits what was typed', () => {
    expect(run('s', 'h', 'o', 'p', '\r').actions).toEqual([{ submit: 'shop' }]);
  });

  it('Enter on an empty field submits the default', () => {
    expect(run('\r').actions).toEqual([{ submit: 'web-shop' }]);
  });

  it('a refused value shows the problem and submits nothing; the next edit clears it', () => {
    const refused = run('x', '1', '\r');
    expect(refused.actions).toEqual([]);
    expect(refused.state.problem).toBe('Lower-case letters and hyphens only.');
    const fixed = run('x', '1', '\r', '\u007F');
    expect(fixed.state.problem).toBeUndefined();
    expect(run('x', '1', '\r', '\u007F', '\r').actions).toEqual([{ submit: 'x' }]);
  });

  it('Esc goes back', () => {
    expect(run('a', '\u001B').actions).toEqual(['back']);
  });

  it('? before anything is typed shows the help; after that it is a character', () => {
    expect(run('?').state.why).toBe(true);
    expect(run('?', '?').state.why).toBe(false);
    expect(run('a', '?').state.line.text).toBe('a?');
  });

  it('editing keys: Home, End, Ctrl+A/E/U/K/W, Backspace and Delete, the arrows', () => {
    expect(run('a', 'b', 'c', '\u0001', 'x').state.line).toEqual({ text: 'xabc', cursor: 1 });
    expect(run('a', 'b', '\u001B[H', '\u001B[F', 'c').state.line.text).toBe('abc');
    expect(run('a', 'b', 'c', '\u001B[D', '\u001B[D', '\u000B').state.line.text).toBe('a');
    expect(run('a', 'b', 'c', '\u001B[D', '\u0015').state.line).toEqual({ text: 'c', cursor: 0 });
    expect(run('o', 'n', 'e', ' ', 't', 'w', 'o', '\u0017').state.line.text).toBe('one ');
    // Backspace deletes before the cursor; Delete (Ctrl+D, as the key stream sends it) after it.
    expect(run('a', 'b', 'c', '\u001B[D', '\u007F').state.line.text).toBe('ac');
    expect(run('a', 'b', 'c', '\u001B[D', '\u0004').state.line.text).toBe('ab');
    // A cursor key on the empty field takes the default in to edit it.
    expect(run('\u001B[D', '\u007F', '\r').actions).toEqual([{ submit: 'web-shp' }]);
  });

  it('control characters never get in', () => {
    expect(run('a', '\u0007', 'b').state.line.text).toBe('ab');
  });
});
