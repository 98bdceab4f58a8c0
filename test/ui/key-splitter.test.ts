import { describe, expect, it } from 'vitest';
import { PASTE_END, PASTE_START, pastedText, splitKeys } from '../../source/ui/key-splitter.ts';

describe('splitKeys', () => {
  it('splits plain keys, one per press', () => {
    expect(splitKeys('\u007F\u007F\u007F\u007Fshop')).toEqual([
      '\u007F',
      '\u007F',
      '\u007F',
      '\u007F',
      's',
      'h',
      'o',
      'p',
    ]);
    expect(splitKeys('\r\r')).toEqual(['\r', '\r']);
  });

  it('keeps CSI, SS3, Alt+key and a lone ESC whole', () => {
    expect(splitKeys('\u001B[B\u001B[B\r')).toEqual(['\u001B[B', '\u001B[B', '\r']);
    expect(splitKeys('\u001B[1;5C\u001B[3~')).toEqual(['\u001B[1;5C', '\u001B[3~']);
    expect(splitKeys('\u001BOH\u001BOF')).toEqual(['\u001BOH', '\u001BOF']);
    expect(splitKeys('\u001Bbx')).toEqual(['\u001Bb', 'x']);
    expect(splitKeys('\u001B')).toEqual(['\u001B']);
    expect(splitKeys('\u001B\u001B[A')).toEqual(['\u001B\u001B[A']);
    expect(splitKeys('\u001B[[A')).toEqual(['\u001B[[A']);
  });

  it('keeps a character outside the BMP whole and reads CR LF as one Enter', () => {
    expect(splitKeys('a😀b')).toEqual(['a', '😀', 'b']);
    expect(splitKeys('\r\n')).toEqual(['\r']);
  });

  it('keeps a bracketed paste as one unit, even unterminated', () => {
    const paste = `${PASTE_START}my shop\r${PASTE_END}`;
    expect(splitKeys(`a${paste}\r`)).toEqual(['a', paste, '\r']);
    expect(splitKeys(`${PASTE_START}half`)).toEqual([`${PASTE_START}half`]);
  });

  it('gives a paste its printable text only', () => {
    expect(pastedText(`${PASTE_START}my\u007F\u001B[Ashop\r\n${PASTE_END}`)).toBe('myshop ');
    expect(pastedText('plain')).toBeUndefined();
  });
});
