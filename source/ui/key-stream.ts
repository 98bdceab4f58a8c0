// The terminal's reads split into key presses (key-splitter.ts) and handed, one key at a time and
// synchronously, to the host's key router (host.tsx), which gives each to the screen's reducer
// before the next: Down Down Enter in one read moves two rows and then confirms, with no wait for
// React or Ink in between. A bracketed paste is one key of its printable text alone, so control
// characters never enter an answer. Ink gets this stream as its stdin but reads no keys from it
// (no screen uses Ink's useInput under the host); it only asks it about raw mode.
import { EventEmitter } from 'node:events';
import { PASTE_START, lineBreaksAsText, pastedText, splitKeys } from './key-splitter.ts';

// Backspace (DEL) reads as `key.delete`, as Ink reads it (key-press.ts); Delete (ESC[3~) goes on as
// Ctrl+D, readline's delete-forward, so a text field can tell them apart (line-editor.ts).
// A line feed is Enter typed before raw mode was on (the terminal turned it from CR into LF while
// the wizard was starting), so a key typed at once is not lost; LF alone would read as Ctrl+J.
const CTRL_C = '\u0003';
// ESC [ and parameter bytes with no final byte yet, at the very end of a read.
const CUT_OFF_CSI = /\u001B\[\[?[\u0020-\u003F]*$/;
const TRANSLATED: Record<string, string> = { '\u001B[3~': '\u0004', '\n': '\r' };

export class KeyStream extends EventEmitter {
  readonly isTTY: boolean;
  private paste = '';
  private onKey: ((key: string) => void) | undefined;

  private pasteMarked = false;

  constructor(
    private readonly source: NodeJS.ReadStream,
    private readonly terminal?: { write: (data: string) => unknown },
  ) {
    super();
    this.isTTY = Boolean(source.isTTY);
  }

  private readonly onReadable = () => {
    let data: string | Buffer | null;
    while ((data = this.source.read()) !== null) this.push(typeof data === 'string' ? data : data.toString('utf8'));
  };

  /** Splits one read into keys and hands them on, in order, before returning. */
  push(chunk: string): void {
    // A paste whose end marker never came (a broken terminal, a cut-off paste) would hold every
    // later key as its text, Ctrl+C too: a Ctrl+C read on its own is a key press, and ends it.
    if (this.paste.startsWith(PASTE_START) && chunk === CTRL_C) this.paste = '';
    let data = this.paste + chunk;
    this.paste = '';
    // An escape sequence cut off at the end of a read waits for the rest: split, ESC[20 + 0~ was
    // typed as "[200~" and the paste after it as keys, its line breaks pressing Enter.
    const cut = CUT_OFF_CSI.exec(data);
    const tail = cut ? data.slice(cut.index) : '';
    if (cut) data = data.slice(0, cut.index);
    // On a text field a read of lines is a paste the terminal did not mark (key-splitter.ts).
    const keys = this.pasteMarked ? lineBreaksAsText(splitKeys(data)) : splitKeys(data);
    const delivered: string[] = [];
    for (const key of keys) {
      if (key.startsWith(PASTE_START)) {
        const text = pastedText(key);
        if (text === undefined) this.paste = key;
        else if (text) delivered.push(text);
      } else {
        delivered.push(TRANSLATED[key] ?? key);
      }
    }
    this.paste += tail;
    for (const key of delivered) this.onKey?.(key);
  }

  /** Reads the terminal and hands every key to `onKey`, until the returned function is called. */
  listen(onKey: (key: string) => void): () => void {
    this.onKey = onKey;
    this.source.setEncoding('utf8');
    this.source.ref?.();
    this.source.on('readable', this.onReadable);
    // Unreferenced when done, as Ink does with the stdin it reads, or the open terminal would keep
    // the process alive after the last screen.
    return () => {
      this.onKey = undefined;
      this.source.off('readable', this.onReadable);
      this.source.unref?.();
    };
  }

  /**
   * Bracketed paste on or off (on while a text field shows): the terminal then marks a paste, and
   * it reaches the field as text instead of keys (a pasted line break would have submitted it).
   */
  setBracketedPaste(on: boolean): void {
    if (on === this.pasteMarked || !this.terminal) return;
    this.pasteMarked = on;
    this.terminal.write(on ? '\u001B[?2004h' : '\u001B[?2004l');
  }

  // Ink reads no keys from here (the host routes them); were it to, it finds none.
  read(): string | null {
    return null;
  }

  setRawMode(on: boolean): this {
    this.source.setRawMode?.(on);
    return this;
  }

  // Ink asks for strings; the source is set to UTF-8 when reading starts.
  setEncoding(): this {
    return this;
  }

  ref(): this {
    this.source.ref?.();
    return this;
  }

  unref(): this {
    this.source.unref?.();
    return this;
  }

  resume(): this {
    return this;
  }

  pause(): this {
    return this;
  }
}
