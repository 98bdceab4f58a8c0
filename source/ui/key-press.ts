// One key press as the key stream split it (key-stream.ts), read into Ink's `Key` shape, so the
// screens' key maps read the same flags whether the host routes the key (screen-keys.ts) or a test
// renders a screen on its own through Ink's useInput. Only the keys a terminal sends for the keys
// the screens use are named; anything else is text (a paste, a letter) or nothing.
import type { Key } from 'ink';

export interface KeyPress {
  input: string;
  key: Key;
}

const NO_KEY: Key = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false,
};

// ESC [ or ESC O, an optional "1;<modifier>", and the final letter: the cursor keys, Home and End.
const CURSOR = /^\u001B[[O](?:1;(\d+))?([ABCDHF])$/;
const CURSOR_KEYS = { A: 'upArrow', B: 'downArrow', C: 'rightArrow', D: 'leftArrow', H: 'home', F: 'end' } as const;
// ESC [ <number> ~: Home, End, PgUp, PgDn (Delete reaches the screens as Ctrl+D, key-stream.ts).
const TILDE = /^\u001B\[(\d+)(?:;(\d+))?~$/;
const TILDE_KEYS: Record<string, keyof Key> = { 1: 'home', 7: 'home', 4: 'end', 8: 'end', 5: 'pageUp', 6: 'pageDown' };

/** The modifier parameter of a CSI key: 1 + shift(1) + alt(2) + ctrl(4). */
function modifiers(parameter: string | undefined): Partial<Key> {
  const bits = parameter ? Number(parameter) - 1 : 0;
  return { shift: (bits & 1) !== 0, meta: (bits & 2) !== 0, ctrl: (bits & 4) !== 0 };
}

const named = (flags: Partial<Key>, input = ''): KeyPress => ({ input, key: { ...NO_KEY, ...flags } });

export function readKey(sequence: string): KeyPress {
  if (sequence === '\r') return named({ return: true });
  if (sequence === '\t') return named({ tab: true });
  if (sequence === '\u001B[Z') return named({ tab: true, shift: true });
  if (sequence === '\u001B') return named({ escape: true, meta: true });
  // As Ink reads them: DEL (the Backspace key) is `delete`, BS (Ctrl+H) is `backspace`.
  if (sequence === '\u007F') return named({ delete: true });
  if (sequence === '\b') return named({ backspace: true });
  if (sequence.length === 1 && sequence <= '\u001A' && sequence !== '\u0000')
    return named({ ctrl: true }, String.fromCharCode(sequence.charCodeAt(0) + 96));
  const cursor = CURSOR.exec(sequence);
  if (cursor) return named({ ...modifiers(cursor[1]), [CURSOR_KEYS[cursor[2] as keyof typeof CURSOR_KEYS]]: true });
  const tilde = TILDE.exec(sequence);
  if (tilde) return named(TILDE_KEYS[tilde[1]!] ? { ...modifiers(tilde[2]), [TILDE_KEYS[tilde[1]!]!]: true } : {});
  // Alt+key: ESC and the key.
  if (sequence.startsWith('\u001B') && Array.from(sequence).length === 2)
    return named({ meta: true }, sequence.slice(1));
  if (sequence.startsWith('\u001B')) return named({});
  return named({ shift: /^[A-Z]$/.test(sequence) }, sequence);
}

export type NamedKey = 'up' | 'down' | 'left' | 'right' | 'enter' | 'escape' | 'page-down' | 'page-up';

const NAMED: readonly [keyof Key, NamedKey][] = [
  ['escape', 'escape'],
  ['return', 'enter'],
  ['upArrow', 'up'],
  ['downArrow', 'down'],
  ['leftArrow', 'left'],
  ['rightArrow', 'right'],
  ['pageDown', 'page-down'],
  ['pageUp', 'page-up'],
];

/** The name of a cursor key, Enter, Esc or PgDn/PgUp, as the screens' reducers call them. */
export const namedKey = (key: Key): NamedKey | undefined => NAMED.find(([flag]) => key[flag])?.[1];
