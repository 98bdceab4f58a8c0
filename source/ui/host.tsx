// One Ink app for the whole session, showing one screen at a time. Each prompt is a promise
// (Shopify CLI style): `show` mounts a screen and resolves with what the screen hands back, so the
// steps await values and never touch React. Ctrl+C arrives here as a key (the terminal is in raw
// mode) and becomes `onInterrupt`; a pending prompt then rejects with CancelledError.
//
// The host routes keys itself (screen-keys.ts): the key stream hands each key, synchronously and in
// order, to the handler of the screen shown, which applies it to its state at once. From a screen's
// answer until the next screen has mounted, keys are held and then given to that screen, so a burst
// of Enters advances exactly that many screens, whenever React and Ink get to draw them.
import { Fragment, useLayoutEffect, useSyncExternalStore } from 'react';
import type { ReactElement } from 'react';
import { render } from 'ink';
import type { Instance } from 'ink';
import { CancelledError } from '../errors.ts';
import { readKey } from './key-press.ts';
import { KeyStream } from './key-stream.ts';
import { KeyRouterProvider } from './screen-keys.ts';
import type { KeyHandler, KeyRouter } from './screen-keys.ts';
import { InkOutput } from './ink-output.ts';
import { TerminalSizeProvider, createSizeStore, useTerminalSize } from './terminal-size.ts';

const CLEAR_SCREEN = '\u001B[H\u001B[2J';

export interface UiHost {
  /** Shows a screen until it calls `done`. A cancellable screen rejects with CancelledError on Ctrl+C. */
  show<T>(screen: (done: (value: T) => void) => ReactElement, options?: ShowOptions): Promise<T>;
  /** Erases the last screen and gives the terminal back (cursor shown, raw mode off). */
  close(): void;
}

export interface ShowOptions {
  /** Ctrl+C (the key) rejects the screen with CancelledError; default true. */
  cancellable?: boolean;
  /** The screen takes the Ctrl+C key itself (the what-if board asks about unsaved changes first). */
  ownsCtrlC?: boolean;
}

export interface HostOptions {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  signal: AbortSignal;
  onInterrupt: () => void;
  /** Called just before the first frame is drawn. */
  beforeFirstFrame?: () => void;
  /** Called once the first frame is drawn and keys are read, on the event loop's next turn. */
  afterFirstFrame?: () => void;
}

interface ScreenStore {
  subscribe: (listener: () => void) => () => void;
  get: () => ReactElement | null;
}

function Host({ store, onSizeCommitted }: { store: ScreenStore; onSizeCommitted: () => void }) {
  const size = useTerminalSize();
  // biome-ignore lint/correctness/useExhaustiveDependencies: it runs once React has committed each new size, which is the point.
  useLayoutEffect(onSizeCommitted, [size, onSizeCommitted]);
  return useSyncExternalStore(store.subscribe, store.get);
}

export function createHost(options: HostOptions): UiHost {
  let screen: ReactElement | null = null;
  let shown = 0;
  const listeners = new Set<() => void>();
  const store: ScreenStore = {
    subscribe: (listener) => (listeners.add(listener), () => void listeners.delete(listener)),
    get: () => screen,
  };
  let instance: Instance | undefined;
  let keys: KeyStream | undefined;
  // A narrower terminal re-wraps the frame on screen, so an erase by the frame's old height (Ink's,
  // on resize) leaves the wrapped rest behind: a stale header line per resize. And Ink redraws the
  // moment it hears of a resize, before the screens have their new size. So Ink draws on an output
  // of its own (ink-output.ts) and hears of a resize from the host: the screens get the new size
  // (terminal-size.ts), and once React has committed it (Host's layout effect), a narrower terminal
  // is cleared and Ink told, which redraws the whole frame.
  const output = new InkOutput(options.stdout);
  const sizes = createSizeStore(options.stdout);
  let columns = options.stdout.columns;
  let resize: { narrower: boolean } | undefined;
  const onResize = () => {
    resize = { narrower: Boolean(resize?.narrower) || options.stdout.columns < columns };
    columns = options.stdout.columns;
    sizes.update();
  };
  const onSizeCommitted = () => {
    if (!resize) return;
    const { narrower } = resize;
    resize = undefined;
    // Out of React's commit, as from the terminal's own event.
    queueMicrotask(() => {
      if (!instance) return;
      if (narrower) options.stdout.write(CLEAR_SCREEN);
      output.resized();
    });
  };
  let rejectPending: ((error: Error) => void) | undefined;
  let screenOwnsCtrlC = false;
  // The screen taking keys (none between an answer and the next screen's mount), and the keys held.
  let taker: KeyHandler | undefined;
  const held: string[] = [];
  let routing = false;
  const route = () => {
    if (routing) return;
    routing = true;
    try {
      while (taker && held.length > 0) {
        const { input, key } = readKey(held.shift()!);
        taker(input, key);
      }
    } finally {
      routing = false;
    }
  };
  const onKey = (sequence: string) => {
    // Ctrl+C acts at once, even with keys held before it (a slow step, the write screen), unless
    // the screen shown takes it itself (the what-if board asks about unsaved changes first).
    if (sequence === '\u0003' && !(taker && screenOwnsCtrlC)) return options.onInterrupt();
    held.push(sequence);
    route();
  };
  const router: KeyRouter = {
    take(handler) {
      taker = handler;
      // Out of React's commit: the held keys may answer this screen and show the next.
      queueMicrotask(route);
      return () => {
        if (taker === handler) taker = undefined;
      };
    },
    setBracketedPaste: (on) => keys?.setBracketedPaste(on),
  };
  let stopKeys: (() => void) | undefined;
  options.signal.addEventListener('abort', () => rejectPending?.(new CancelledError()), { once: true });

  return {
    show<T>(
      build: (done: (value: T) => void) => ReactElement,
      { cancellable = true, ownsCtrlC = false }: ShowOptions = {},
    ) {
      return new Promise<T>((resolve, reject) => {
        if (cancellable && options.signal.aborted) return reject(new CancelledError());
        rejectPending = cancellable ? reject : undefined;
        screenOwnsCtrlC = ownsCtrlC;
        const done = (value: T) => {
          // Keys after the answer wait for the next screen.
          taker = undefined;
          rejectPending = undefined;
          screenOwnsCtrlC = false;
          resolve(value);
        };
        // Keys from now on are this screen's, once it has mounted.
        taker = undefined;
        // A fresh key per screen: two select screens in a row must not share their state.
        screen = <Fragment key={++shown}>{build(done)}</Fragment>;
        listeners.forEach((listener) => listener());
        if (!instance) {
          // Raw mode before the first frame: the host starts reading keys only after Ink has drawn, and a
          // key typed in between must wait unechoed rather than arrive as a cooked line.
          if (options.stdin.isTTY) options.stdin.setRawMode(true);
          options.beforeFirstFrame?.();
          instance = render(
            <TerminalSizeProvider value={sizes}>
              <KeyRouterProvider value={router}>
                <Host store={store} onSizeCommitted={onSizeCommitted} />
              </KeyRouterProvider>
            </TerminalSizeProvider>,
            {
              // Ink only draws; the keys come to the router (key-stream.ts).
              stdin: (keys = new KeyStream(options.stdin, options.stdout)) as unknown as NodeJS.ReadStream,
              stdout: output as unknown as NodeJS.WriteStream,
              exitOnCtrlC: false,
              patchConsole: false,
            },
          );
          options.stdout.on('resize', onResize);
          stopKeys = keys.listen(onKey);
          if (options.afterFirstFrame) setImmediate(options.afterFirstFrame);
        }
      });
    },
    close() {
      if (!instance) return;
      keys?.setBracketedPaste(false);
      stopKeys?.();
      held.length = 0;
      taker = undefined;
      instance.clear();
      instance.unmount();
      instance = undefined;
      options.stdout.off('resize', onResize);
      if (options.stdin.isTTY) options.stdin.setRawMode(false);
    },
  };
}
