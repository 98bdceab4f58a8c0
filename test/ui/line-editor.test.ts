import { describe, expect, it } from 'vitest';
import { editForKey, editLine, emptyLine, submittedValue } from '../../source/ui/line-editor.ts';
import type { EditorKey, LineState } from '../../source/ui/line-editor.ts';

/** Types keys into a field whose default is `placeholder`; each key is [input, key]. */
function type(placeholder: string, ...keys: (string | [string, EditorKey])[]): LineState {
  let state = emptyLine;
  for (const k of keys) {
    const [input, key] = typeof k === 'string' ? [k, {}] : k;
    const edit = editForKey(input, key);
    if (edit) state = editLine(state, edit, placeholder);
  }
  return state;
}

const ctrl = (letter: string): [string, EditorKey] => [letter, { ctrl: true }];
const left: [string, EditorKey] = ['', { leftArrow: true }];
const backspace: [string, EditorKey] = ['', { delete: true }];

describe('line editor', () => {
  it('typing replaces the placeholder; Enter on an empty field keeps the default', () => {
    expect(submittedValue(type('web-shop', 's', 'h', 'o', 'p'), 'web-shop')).toBe('shop');
    expect(submittedValue(type('web-shop'), 'web-shop')).toBe('web-shop');
    expect(submittedValue(type('web-shop', backspace, backspace, 's'), 'web-shop')).toBe('s');
  });

  it('a cursor key takes the default in for editing', () => {
    expect(type('web-shop', ['', { end: true }], '2').text).toBe('web-shop2');
    expect(type('web-shop', ['', { home: true }], 'x').text).toBe('xweb-shop');
    expect(type('web-shop', left, backspace).text).toBe('web-shp');
  });

  it('moves and deletes: Left/Right, Home/End, Ctrl+A/E, Backspace, Delete', () => {
    expect(type('', 'a', 'b', 'c', left, left, 'x').text).toBe('axbc');
    expect(type('', 'a', 'b', 'c', ctrl('a'), 'x', ctrl('e'), 'y').text).toBe('xabcy');
    expect(type('', 'a', 'b', 'c', ['', { home: true }], ctrl('d')).text).toBe('bc');
    expect(type('', 'a', 'b', 'c', left, backspace).text).toBe('ac');
    expect(type('', 'a', ['', { rightArrow: true }], ['', { rightArrow: true }], 'b')).toEqual({
      text: 'ab',
      cursor: 2,
    });
  });

  it('kills: Ctrl+U to the start, Ctrl+K to the end, Ctrl+W the word before the cursor', () => {
    expect(type('', ...'my web shop', left, left, ctrl('u')).text).toBe('op');
    expect(type('', ...'my web shop', ctrl('a'), ['', { rightArrow: true }], ctrl('k')).text).toBe('m');
    expect(type('', ...'my web shop  ', ctrl('w')).text).toBe('my web ');
  });

  it('never takes control characters in', () => {
    expect(type('', 'a\u007Fb\u001B[Ac', '\r', '\t').text).toBe('ab[Ac');
    expect(editForKey('\r', { return: true })).toBeUndefined();
    expect(editForKey('x', { meta: true })).toBeUndefined();
  });

  it('counts an emoji as one position', () => {
    expect(type('', 'a', '😀', 'b', left, backspace).text).toBe('ab');
  });
});
