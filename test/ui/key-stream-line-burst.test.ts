// A multi-line paste from a terminal without bracketed paste arrives as one read of text and line
// breaks. On a text field (bracketed paste switched on) a line break followed by more text in the
// same read is pasted text: the breaks become spaces and nothing is pressed. A trailing Enter after
// typed text in one read is still Enter (issue 21).
import { describe, expect, it } from 'vitest';
import { keyStream } from './key-stream-harness.ts';
import { lineBreaksAsText } from '../../source/ui/key-splitter.ts';

describe('lineBreaksAsText', () => {
  it('turns the line breaks of a burst with text after a break into spaces, dropping trailing ones', () => {
    expect(lineBreaksAsText(['a', '\r', 'b', '\n', 'c', '\r'])).toEqual(['a', ' ', 'b', ' ', 'c']);
  });
  it('leaves a single trailing Enter, and Enter before a key that is not text', () => {
    expect(lineBreaksAsText(['a', '\u007F', 'b', '\r'])).toEqual(['a', '\u007F', 'b', '\r']);
    expect(lineBreaksAsText(['\r', '\u001B[B', '\r'])).toEqual(['\r', '\u001B[B', '\r']);
  });
});

describe('the key stream', () => {
  it('on a text field, a read of lines is text', () => {
    const { keys, seen } = keyStream({ textField: true });
    keys.push('first\r\nsecond\nthird\r');
    expect(seen.join('')).toBe('first second third');
  });

  it('on a text field, typed text and one Enter in one read still press Enter', () => {
    const { keys, seen } = keyStream({ textField: true });
    keys.push('webx\u007F, worker\r');
    expect(seen.at(-1)).toBe('\r');
  });

  it('elsewhere, Enters in one read stay keys', () => {
    const { keys, seen } = keyStream({ textField: false });
    keys.push('\r\r');
    expect(seen).toEqual(['\r', '\r']);
  });
});
