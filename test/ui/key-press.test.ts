// What the terminal sends, read as the key the screens see: the same flags Ink's useInput gives.
import { describe, expect, it } from 'vitest';
import { namedKey, readKey } from '../../source/ui/key-press.ts';

const flags = (sequence: string) =>
  Object.entries(readKey(sequence).key)
    .filter(([, on]) => on === true)
    .map(([name]) => name);

describe('readKey', () => {
  it('names Enter, Tab, Shift+Tab, Esc, Backspace and Ctrl+H', () => {
    expect(flags('\r')).toEqual(['return']);
    expect(flags('\t')).toEqual(['tab']);
    expect(flags('\u001B[Z')).toEqual(['shift', 'tab']);
    expect(flags('\u001B')).toEqual(['escape', 'meta']);
    expect(flags('\u007F')).toEqual(['delete']);
    expect(flags('\b')).toEqual(['backspace']);
  });

  it('names the cursor keys, Home, End and the page keys, in their CSI and SS3 forms', () => {
    expect(namedKey(readKey('\u001B[A').key)).toBe('up');
    expect(namedKey(readKey('\u001BOB').key)).toBe('down');
    expect(namedKey(readKey('\u001B[C').key)).toBe('right');
    expect(namedKey(readKey('\u001B[D').key)).toBe('left');
    expect(flags('\u001B[H')).toEqual(['home']);
    expect(flags('\u001B[4~')).toEqual(['end']);
    expect(namedKey(readKey('\u001B[6~').key)).toBe('page-down');
    expect(namedKey(readKey('\u001B[5~').key)).toBe('page-up');
    expect(flags('\u001B[1;5C')).toEqual(['rightArrow', 'ctrl']);
  });

  it('reads Ctrl+letter as the letter with ctrl, and Alt+letter with meta', () => {
    expect(readKey('\u0003')).toMatchObject({ input: 'c', key: { ctrl: true } });
    expect(readKey('\u0017')).toMatchObject({ input: 'w', key: { ctrl: true } });
    expect(readKey('\u001Bb')).toMatchObject({ input: 'b', key: { meta: true, ctrl: false } });
  });

  it('reads anything else as text: a letter (upper case with shift), a space, a paste', () => {
    expect(readKey('a')).toMatchObject({ input: 'a', key: { shift: false, ctrl: false, meta: false } });
    expect(readKey('A')).toMatchObject({ input: 'A', key: { shift: true } });
    expect(readKey(' ').input).toBe(' ');
    expect(readKey('my shop').input).toBe('my shop');
    expect(readKey('é').input).toBe('é');
  });

  it('an escape sequence no screen uses is no key and no text', () => {
    expect(readKey('\u001B[2~')).toMatchObject({ input: '' });
    expect(flags('\u001B[2~')).toEqual([]);
  });
});
