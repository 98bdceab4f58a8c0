// The stdin Ink reads from: the terminal's reads split into key presses (key-splitter.ts), each
// delivered on its own turn of the event loop, after the screen has re-rendered for the one before.
// Ink emits every key of one read synchronously, so a screen's handler saw "\r\r" with the state of
// before the first Enter (the second was lost) and Down Down Enter moved one row. A bracketed paste
// reaches Ink as its printable text alone, one input, so control characters never enter an answer.
import { EventEmitter } from 'node:events';
import { PASTE_START, lineBreaksAsText, pastedText, splitKeys } from './key-splitter.ts';

// Ink reports Backspace (DEL) and Delete (ESC[3~) alike as `key.delete`; Delete goes on as Ctrl+D,
// readline's delete-forward, so a text field can tell them apart (line-editor.ts).
// A line feed is Enter typed before raw mode was on (the terminal turned it from CR into LF while
// the wizard was starting), so a key typed at once is not lost; Ink would read LF as Ctrl+J.
const CTRL_C = '\u0003';
// ESC [ and parameter bytes with no final byte yet, at the very end of a read.
const CUT_OFF_CSI = /\u001B\[\[?[\u0020-\u003F]*$/;
const TRANSLATED: Record<string, string> = { '\u001B[3~': '\u0004', '\n': '\r' };

// Two turns: React flushes a screen's effects (where useInput takes the new handler) on a
// setImmediate queued while the key was handled; the next key must come after it.
const nextTurn = (run: () => void) => setImmediate(() => setImmediate(run));

export class KeyStream extends EventEmitter {
  readonly isTTY: boolean;
  private readonly queue: string[] = [];
  private current: string | null = null;
  private paste = '';
  private delivering = false;
  private reading = false;

  private pasteMarked = false;

  constructor(
    private readonly source: NodeJS.ReadStream,
    private readonly terminal?: { write: (data: string) => unknown },
  ) {
    super();
    this.isTTY = Boolean(source.isTTY);
    this.on('newListener', (event) => event === 'readable' && this.startReading());
    this.on(
      'removeListener',
      (event) => event === 'readable' && this.listenerCount('readable') === 0 && this.stopReading(),
    );
  }

  private readonly onReadable = () => {
    let data: string | Buffer | null;
    while ((data = this.source.read()) !== null) this.push(typeof data === 'string' ? data : data.toString('utf8'));
  };

  /** Queues the keys of one read. */
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
    for (const key of keys) {
      if (key.startsWith(PASTE_START)) {
        const text = pastedText(key);
        if (text === undefined) this.paste = key;
        else if (text) this.queue.push(text);
      } else {
        this.queue.push(TRANSLATED[key] ?? key);
      }
    }
    this.paste += tail;
    this.deliver();
  }

  private deliver(): void {
    if (this.delivering || this.queue.length === 0) return;
    this.delivering = true;
    setImmediate(() => {
      this.current = this.queue.shift() ?? null;
      this.emit('readable');
      this.current = null;
      nextTurn(() => {
        this.delivering = false;
        this.deliver();
      });
    });
  }

  private startReading(): void {
    if (this.reading) return;
    this.reading = true;
    this.source.setEncoding('utf8');
    this.source.on('readable', this.onReadable);
  }

  private stopReading(): void {
    if (!this.reading) return;
    this.reading = false;
    this.source.off('readable', this.onReadable);
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

  read(): string | null {
    const key = this.current;
    this.current = null;
    return key;
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
